// Carries out the generic effects of config commands on the running config; custom effects run
// their own code (*-effects.ts).

import type { ConfigEffect, EffectContext, EffectResult } from './command-def.js';
import { ensureSection, removeLines, removeSection, setLine } from './config-tree.js';
import { orderOf } from './show-order.js';

const NOTHING: EffectResult = { changed: false };

export function applyEffect(effect: ConfigEffect, ctx: EffectContext): EffectResult {
  switch (effect.kind) {
    case 'custom':
      return effect.run(ctx);
    case 'exit':
      return { changed: false, leave: true };
    case 'ignore':
      return NOTHING;
    default:
      break;
  }
  const lines = ctx.lines;
  // Generic effects work on a section's lines; only numbered-ACL modes have none (custom effects there).
  if (lines === undefined) return NOTHING;
  switch (effect.kind) {
    case 'set':
      return { changed: setLine(lines, effect.text === undefined ? ctx.text : fill(effect.text, ctx.args), effect.key, orderOf(ctx.mode)) };
    case 'remove': {
      const text = effect.text === undefined ? ctx.text : fill(effect.text, ctx.args);
      // Without a key, `no X Y` removes the lines that start with X Y (`no ntp server A` also takes `… prefer`).
      return { changed: removeLines(lines, text, effect.key ?? text.split(' ').length) };
    }
    case 'toggle':
      return { changed: applyToggle(lines, effect.line, effect.defaultOn, effect.shown, ctx) };
    case 'enter': {
      const header = effect.header === undefined ? ctx.text : fill(effect.header, ctx.args);
      const { created } = ensureSection(lines, header, orderOf(ctx.mode));
      return { changed: created, enter: { mode: effect.mode, header } };
    }
    case 'remove-section':
      return { changed: removeSection(lines, effect.header === undefined ? ctx.text : fill(effect.header, ctx.args)) };
  }
}

function applyToggle(lines: EffectContext['lines'] & object, line: string, defaultOn: boolean, shown: boolean, ctx: EffectContext): boolean {
  const on = ctx.negation === undefined ? true : ctx.negation === 'no' ? false : defaultOn;
  const display = on ? line : `no ${line}`;
  if (!shown && on === defaultOn) return removeLines(lines, line, undefined);
  return setLine(lines, display, undefined, orderOf(ctx.mode));
}

/** `snmp-server community {name} {access}` with the entered values; a missing value drops its word. */
function fill(template: string, args: Record<string, string>): string {
  return template
    .split(' ')
    .map((word) => (word.startsWith('{') && word.endsWith('}') ? args[word.slice(1, -1)] : word))
    .filter((word): word is string => word !== undefined && word !== '')
    .join(' ');
}
