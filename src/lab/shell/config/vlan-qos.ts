// VLANs, and the basics of QoS policy: class-maps, policy-maps and their classes.

import type { ConfigNode } from '../../../ios/types.js';
import { cmd, custom, enter, set, type CommandDef, type EffectContext, type EffectResult } from './command-def.js';
import { ensureSection, removeSection, removeWhere } from './config-tree.js';
import type { AreaCommands } from './modes.js';
import { orderOf } from './show-order.js';

/** `vlan N` enters the VLAN; `no vlan N` deletes it, except the default VLAN. */
function vlan(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  if (ctx.negation === undefined) {
    const { created } = ensureSection(lines, ctx.text, orderOf('global'));
    return { changed: created, enter: { mode: 'vlan', header: ctx.text } };
  }
  if (ctx.args.id === '1') return { changed: false, output: ['%Default VLAN 1 may not be deleted.'] };
  return { changed: removeSection(lines, ctx.text) };
}

/** `class-map [match-any|match-all] NAME`: IOS prints the match type, match-all by default. */
function classMap(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const name = ctx.args.name as string;
  const existing = lines.find((node) => /^class-map match-(any|all) /.test(node.text) && node.text.split(' ')[2] === name);
  if (ctx.negation !== undefined) return { changed: removeWhere(lines, (node) => node === existing) };
  const type = ctx.words.includes('match-any') ? 'match-any' : ctx.words.includes('match-all') ? 'match-all' : undefined;
  const header = `class-map ${type ?? existing?.text.split(' ')[1] ?? 'match-all'} ${name}`;
  if (existing !== undefined) {
    const changed = existing.text !== header;
    existing.text = header;
    return { changed, enter: { mode: 'class-map', header } };
  }
  const { created } = ensureSection(lines, header, orderOf('global'));
  return { changed: created, enter: { mode: 'class-map', header } };
}

const GLOBAL: readonly CommandDef[] = [
  cmd('vlan <id:num(1-4094)>', custom('vlan', vlan)),
  cmd('class-map [{match-any | match-all}] <name:word>', custom('class-map', classMap)),
  cmd('policy-map <name:word>', enter('policy-map')),
];

const POLICY_CLASS: readonly CommandDef[] = [
  cmd('police <rate:line>', set(1), { syntax: 'police [<rate:line>]' }),
  cmd('set {dscp | precedence | cos} <value:word>', set(2)),
  cmd('bandwidth {<kbps:num(8-10000000)> | percent <percent:num(1-100)> | remaining percent <percent:num(1-100)>}', set(1), { syntax: 'bandwidth [<rest:line>]' }),
  cmd('priority [{<kbps:num(8-10000000)> | percent <percent:num(1-100)> | level <level:num(1-2)>}]', set(1), { syntax: 'priority [<rest:line>]' }),
  cmd('shape average <bps:num(8000-10000000000)>', set(2), { syntax: 'shape average [<rest:line>]' }),
  cmd('queue-limit <limit:num(1-8192)> [packets]', set(1), { syntax: 'queue-limit [<rest:line>]' }),
  cmd('service-policy <policy:word>', set(1), { syntax: 'service-policy [<policy:word>]' }),
  cmd('fair-queue', set()),
  cmd('random-detect [dscp-based]', set(1)),
];

export const vlanQosCommands: AreaCommands = {
  global: GLOBAL,
  vlan: [cmd('name <name:word>', set(1), { syntax: 'name [<name:word>]' })],
  'class-map': [cmd('description <text:line>', set(1), { syntax: 'description [<text:line>]' }), cmd('match <criteria:line>', set())],
  'policy-map': [cmd('description <text:line>', set(1), { syntax: 'description [<text:line>]' }), cmd('class <name:word>', enter('policy-class'))],
  'policy-class': POLICY_CLASS,
};
