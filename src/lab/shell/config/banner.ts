// Banners: `banner motd ^CText^C` on one line, or interactively: `banner motd #` alone makes the
// device ask for the text and collect lines until one contains the delimiter (what comes before
// it on that line is kept). Stored as the engine's parser stores a banner: a node
// `banner motd` whose `body` is the text without delimiters.

import type { ConfigNode } from '../../../ios/types.js';
import type { LineResult } from '../contracts.js';
import type { EffectContext, EffectResult } from './command-def.js';
import { findSection, insertOrdered, newNode, removeLines } from './config-tree.js';
import { orderOf } from './show-order.js';

const ETX = '\x03';

/** `^C` typed as two characters or the ETX character itself (Ctrl-C) delimit a banner alike. */
function delimiterOf(text: string): string {
  return text.startsWith('^C') ? '^C' : (text[0] as string);
}

function closingAt(line: string, delimiter: string): number {
  const at = line.indexOf(delimiter);
  if (at >= 0 || (delimiter !== '^C' && delimiter !== ETX)) return at;
  return line.indexOf(delimiter === '^C' ? ETX : '^C');
}

function store(lines: ConfigNode[], header: string, body: string): boolean {
  const existing = findSection(lines, header);
  if (existing !== undefined) {
    const changed = existing.body !== body;
    existing.body = body;
    return changed;
  }
  insertOrdered(lines, { ...newNode(header), body }, orderOf('global'));
  return true;
}

export function banner(ctx: EffectContext): EffectResult {
  const lines = ctx.lines as ConfigNode[];
  const header = `banner ${ctx.words[1] as string}`;
  if (ctx.negation !== undefined) return { changed: removeLines(lines, header, undefined) };
  const text = ctx.args.text as string;
  const delimiter = delimiterOf(text);
  const first = text.slice(delimiter.length);
  const close = closingAt(first, delimiter);
  if (close >= 0) return { changed: store(lines, header, first.slice(0, close).trimEnd()) };

  const body: string[] = first.trim() === '' ? [] : [first.trimEnd()];
  const collector = {
    collect(line: string): LineResult {
      const end = closingAt(line, delimiter);
      if (end < 0) {
        body.push(line.trimEnd());
        return { output: [], pending: collector };
      }
      const last = line.slice(0, end).trimEnd();
      if (last !== '') body.push(last);
      if (store(ctx.device.running, header, body.join('\n'))) ctx.device.touched(ctx.user);
      return { output: [] };
    },
  };
  return { changed: false, output: [`Enter TEXT message.  End with the character '${delimiter}'.`], pending: collector };
}
