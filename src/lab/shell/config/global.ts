// Global commands that belong to no other area: the version and host name, boot markers, CEF,
// IP features that are on by default, and static routes.

import type { ConfigNode } from '../../../ios/types.js';
import { ipToInt } from '../../generate/lab-net.js';
import { cmd, custom, set, toggleCommand, type CommandDef, type EffectContext, type EffectResult } from './command-def.js';
import { removeLines, setLine } from './config-tree.js';
import type { AreaCommands } from './modes.js';
import { orderOf } from './show-order.js';

/** `ip route [vrf V] P M NH …`: the words up to the next hop (interface and/or address) name the route. */
function routeKey(words: string[]): string {
  let at = words[2] === 'vrf' ? 4 : 2;
  at += 2; // destination and mask
  const hop = words[at];
  if (hop !== undefined && /^\d/.test(hop)) at += 1;
  else if (hop !== undefined && !/^(name|tag|permanent|track)$/.test(hop)) {
    at += 1;
    // An interface may be followed by a next-hop address on it.
    if (/^\d+\.\d+\.\d+\.\d+$/.test(words[at] ?? '')) at += 1;
  }
  return words.slice(0, at).join(' ');
}

/**
 * A static route: a new next hop adds a route, the same destination and next hop again replace
 * its distance and name (IOS keeps one route per destination and next hop). `no ip route P M`
 * removes every route to P M; with a next hop, that one only.
 */
function staticRoute(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const { prefix, mask } = ctx.args as { prefix: string; mask: string };
  if (ctx.negation !== undefined) {
    const key = routeKey(ctx.words);
    return { changed: removeLines(lines, key, key.split(' ').length) };
  }
  if (((ipToInt(prefix) & ~ipToInt(mask)) >>> 0) !== 0) return { changed: false, output: ['%Inconsistent address and mask'] };
  return { changed: setLine(lines, ctx.text, routeKey, orderOf('global')) };
}

const ROUTE_OPTIONS = '[<distance:num(1-255)>] [tag <tag:num>] [permanent] [name <name:word>] [track <track:num(1-1000)>]';
const ROUTE_HOP = '{<hop:ip> | <interface:ifname> [<hop:ip>]}';

const GLOBAL: readonly CommandDef[] = [
  cmd('version <version:word>', set(1), false),
  cmd('hostname <name:word>', set(1), { syntax: 'hostname [<name:word>]', effect: set(1, 'hostname Router') }),
  cmd('boot-start-marker', set()),
  cmd('boot-end-marker', set()),
  cmd('boot system <image:line>', set()),
  cmd('clock timezone <zone:word> <hours:word> [<minutes:num(0-59)>]', set(2), { syntax: 'clock timezone [<zone:line>]' }),
  cmd('clock summer-time <zone:word> <rule:line>', set(2), { syntax: 'clock summer-time [<zone:line>]' }),
  toggleCommand('ip cef', true, true),
  toggleCommand('ipv6 cef', false, true),
  toggleCommand('ipv6 unicast-routing', false),
  toggleCommand('ip routing', true),
  toggleCommand('ip classless', true),
  toggleCommand('ip subnet-zero', true),
  toggleCommand('ip source-route', true),
  toggleCommand('ip bgp-community new-format', false),
  toggleCommand('cdp run', true),
  toggleCommand('ip http server', true),
  toggleCommand('ip http secure-server', true),
  cmd('ip http authentication {local | enable | aaa}', set(3), { syntax: 'ip http authentication [{local | enable | aaa}]' }),
  cmd('ip forward-protocol nd', set()),
  cmd('multilink bundle-name authenticated', set()),
  cmd('redundancy', set()),
  cmd('control-plane', set()),
  {
    syntax: `ip route [vrf <vrf:word>] <prefix:ip> <mask:mask> ${ROUTE_HOP} ${ROUTE_OPTIONS}`,
    effect: custom('static-route', staticRoute),
    negation: { syntax: `ip route [vrf <vrf:word>] <prefix:ip> <mask:mask> [${ROUTE_HOP}] ${ROUTE_OPTIONS}` },
  },
];

export const globalCommands: AreaCommands = { global: GLOBAL };
