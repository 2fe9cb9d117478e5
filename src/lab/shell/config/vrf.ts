// VRFs: `vrf definition NAME` (with address families) and the older `ip vrf NAME`. Deleting a
// VRF takes its interfaces out of it, and their addresses with them, as IOS does.

import type { ConfigNode } from '../../../ios/types.js';
import { cmd, custom, enter, EXIT, set, type CommandDef, type EffectContext, type EffectResult } from './command-def.js';
import { ensureSection, removeSection, removeWhere, setLine } from './config-tree.js';
import { leaveDeletedVrf } from './interface-effects.js';
import type { AreaCommands } from './modes.js';
import { orderOf } from './show-order.js';

function vrfSection(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  if (ctx.negation === undefined) {
    const { created } = ensureSection(lines, ctx.text, orderOf('global'));
    return { changed: created, enter: { mode: 'vrf', header: ctx.text } };
  }
  if (!removeSection(lines, ctx.text)) return { changed: false };
  const addresses = leaveDeletedVrf(lines, ctx.args.name as string);
  return { changed: true, output: addresses ? [`% IPv4 addresses from all interfaces in VRF ${ctx.args.name as string} have been removed`] : [] };
}

/** `route-target both X` is an export and an import of X. */
function routeTarget(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const directions = ctx.words[1] === 'both' ? ['export', 'import'] : [ctx.words[1] as string];
  let changed = false;
  for (const direction of directions) {
    const text = `route-target ${direction} ${ctx.args.target as string}`;
    if (ctx.negation !== undefined) changed = removeWhere(lines, (n) => n.text === text) || changed;
    else changed = setLine(lines, text, undefined, orderOf(ctx.mode)) || changed;
  }
  return { changed };
}

const ROUTE_TARGET = cmd('route-target {export | import | both} <target:word>', custom('route-target', routeTarget));

const VRF: readonly CommandDef[] = [
  cmd('description <text:line>', set(1), { syntax: 'description [<text:line>]' }),
  cmd('rd <rd:word>', set(1), { syntax: 'rd [<rd:word>]' }),
  ROUTE_TARGET,
  cmd('address-family ipv4 [unicast]', enter('vrf-af', 'address-family ipv4')),
  cmd('address-family ipv6 [unicast]', enter('vrf-af', 'address-family ipv6')),
];

export const vrfCommands: AreaCommands = {
  global: [cmd('vrf definition <name:word>', custom('vrf', vrfSection)), cmd('ip vrf <name:word>', custom('vrf', vrfSection))],
  vrf: VRF,
  'vrf-af': [ROUTE_TARGET, cmd('exit-address-family', EXIT, false)],
};
