// BGP: `router bgp N`, its router mode and its address families.

import { cmd, custom, enter, EXIT, set, toggleCommand, type CommandDef } from './command-def.js';
import type { AreaCommands } from './modes.js';
import { neighborRemoteAs, neighborSetting, routerBgp } from './routing-effects.js';

const PEER = '{<peer:ip> | <peer:word>}';
const REMOTE_AS = cmd(`neighbor ${PEER} remote-as <asn:asn>`, custom('neighbor-remote-as', neighborRemoteAs), {
  // `no neighbor X` alone also removes the neighbour.
  syntax: `neighbor ${PEER} [remote-as [<asn:asn>]]`,
});

/** A neighbour setting: needs the neighbour declared; `no` removes this line only. */
function setting(syntax: string, negation?: string): CommandDef {
  return cmd(`neighbor ${PEER} ${syntax}`, custom('neighbor-setting', neighborSetting), negation === undefined ? undefined : { syntax: `neighbor ${PEER} ${negation}` });
}

const ROUTER_BGP: readonly CommandDef[] = [
  cmd('bgp router-id <id:ip>', set(2), { syntax: 'bgp router-id [<id:ip>]' }),
  cmd('bgp log-neighbor-changes', set()),
  toggleCommand('bgp default ipv4-unicast', true),
  cmd('bgp default local-preference <preference:num>', set(3), { syntax: 'bgp default local-preference [<preference:num>]' }),
  REMOTE_AS,
  cmd('neighbor <group:word> peer-group', set()),
  setting('peer-group <group:word>'),
  setting('description <text:line>', 'description [<text:line>]'),
  setting('update-source <interface:ifname>', 'update-source [<interface:ifname>]'),
  setting('shutdown'),
  setting('ebgp-multihop [<hops:num(1-255)>]'),
  setting('password [<encryption:num(0-7)>] <secret:line>', 'password [<secret:line>]'),
  setting('timers <keepalive:num(0-65535)> <hold:num(0-65535)>', 'timers [<rest:line>]'),
  cmd('address-family ipv4 [unicast]', enter('bgp-af', 'address-family ipv4')),
  cmd('address-family ipv4 [unicast] vrf <vrf:word>', enter('bgp-af', 'address-family ipv4 vrf {vrf}')),
  cmd('address-family vpnv4 [unicast]', enter('bgp-af', 'address-family vpnv4')),
];

const redistributeKey = (words: string[]): string => words.slice(0, words[1] === 'ospf' ? 3 : 2).join(' ');

const ADDRESS_FAMILY: readonly CommandDef[] = [
  cmd('network <address:ip> [mask <mask:mask>] [route-map <map:word>]', set([0, 1, 3])),
  cmd('aggregate-address <address:ip> <mask:mask> [as-set] [summary-only]', set(3)),
  cmd('redistribute {connected | static | ospf <process:num(1-65535)>} [route-map <map:word>]', set(redistributeKey), {
    syntax: 'redistribute {connected | static | ospf <process:num(1-65535)>} [<rest:line>]',
  }),
  cmd('maximum-paths <paths:num(1-32)>', set(1), { syntax: 'maximum-paths [<paths:num(1-32)>]' }),
  // In a VRF family, neighbours are declared inside it.
  REMOTE_AS,
  setting('activate'),
  setting('send-community [{both | standard | extended}]'),
  setting('next-hop-self [all]'),
  setting('route-reflector-client'),
  setting('soft-reconfiguration inbound'),
  setting('default-originate [route-map <map:word>]'),
  setting('route-map <map:word> {in | out}'),
  setting('prefix-list <list:word> {in | out}'),
  setting('maximum-prefix <maximum:num(1-2147483647)> [<threshold:num(1-100)>]', 'maximum-prefix [<rest:line>]'),
  cmd('exit-address-family', EXIT, false),
];

export const bgpCommands: AreaCommands = {
  global: [cmd('router bgp <asn:asn>', custom('router-bgp', routerBgp))],
  'router-bgp': ROUTER_BGP,
  'bgp-af': ADDRESS_FAMILY,
};
