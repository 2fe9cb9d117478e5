// OSPF: `router ospf N` and the commands of its router mode.

import { cmd, custom, enter, set, type CommandDef } from './command-def.js';
import type { AreaCommands } from './modes.js';
import { passiveInterface } from './routing-effects.js';

const AREA = '{<area:num> | <area:ip>}';

/** `redistribute P …` is one line per source protocol (and process). */
const redistributeKey = (words: string[]): string => words.slice(0, words[1] === 'bgp' || words[1] === 'ospf' ? 3 : 2).join(' ');

const ROUTER_OSPF: readonly CommandDef[] = [
  cmd('router-id <id:ip>', set(1), { syntax: 'router-id [<id:ip>]' }),
  // Simplified: IOS refuses the same network in another area; here the area is replaced.
  cmd(`network <address:ip> <wildcard:ip> area ${AREA}`, set(3)),
  cmd('passive-interface {default | <interface:ifname>}', custom('passive-interface', passiveInterface)),
  cmd('log-adjacency-changes [detail]', set(1)),
  cmd('auto-cost reference-bandwidth <mbps:num(1-4294967)>', set(2), { syntax: 'auto-cost reference-bandwidth [<mbps:num(1-4294967)>]' }),
  cmd('default-information originate [always] [metric <metric:num(0-16777214)>] [metric-type {1 | 2}] [route-map <map:word>]', set(2), { syntax: 'default-information originate [<rest:line>]' }),
  cmd('redistribute {connected | static | bgp <asn:asn> | ospf <process:num(1-65535)>} [metric <metric:num(0-16777214)>] [metric-type {1 | 2}] [subnets] [route-map <map:word>] [tag <tag:num>]', set(redistributeKey), {
    syntax: 'redistribute {connected | static | bgp <asn:asn> | ospf <process:num(1-65535)>} [<rest:line>]',
  }),
  cmd(`area ${AREA} {stub [no-summary] | nssa [no-summary]}`, set(3), { syntax: `area ${AREA} {stub [no-summary] | nssa [no-summary]}` }),
  cmd(`area ${AREA} authentication [message-digest]`, set(3)),
  cmd('maximum-paths <paths:num(1-32)>', set(1), { syntax: 'maximum-paths [<paths:num(1-32)>]' }),
  cmd('distance <distance:num(1-255)>', set(1), { syntax: 'distance [<distance:num(1-255)>]' }),
  cmd('timers throttle spf <start:num> <hold:num> <max:num>', set(3), { syntax: 'timers throttle spf [<rest:line>]' }),
  cmd('bfd all-interfaces', set()),
];

export const ospfCommands: AreaCommands = {
  global: [cmd('router ospf <process:num(1-65535)> [vrf <vrf:word>]', enter('router-ospf'))],
  'router-ospf': ROUTER_OSPF,
};
