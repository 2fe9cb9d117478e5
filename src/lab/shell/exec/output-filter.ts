// Output filters after a show command: `| include R`, `| exclude R`, `| begin R`, `| section R`.
// The filter keywords are a grammar of their own (so `| i`, `| sec` abbreviate as on IOS); the
// regular expression is the rest of the line, case-sensitive, matched anywhere in a line.

import type { CliError } from '../contracts.js';
import { compileGrammar, matchCommand } from '../grammar/grammar.js';
import { wordOffset } from './exec-command.js';

export type OutputFilter = (lines: string[]) => string[];

type FilterKind = 'include' | 'exclude' | 'begin' | 'section';

const FILTER_GRAMMAR = compileGrammar<FilterKind>([
  { syntax: 'include <pattern:line>', action: 'include' },
  { syntax: 'exclude <pattern:line>', action: 'exclude' },
  { syntax: 'begin <pattern:line>', action: 'begin' },
  { syntax: 'section <pattern:line>', action: 'section' },
]);

/** A line split at its first ` |`: the command, and the filter text with its offset in the line. */
export interface SplitLine {
  command: string;
  filter: { text: string; offset: number } | undefined;
}

export function splitFilter(line: string): SplitLine {
  const bar = line.search(/\s\|/);
  if (bar < 0) return { command: line, filter: undefined };
  return { command: line.slice(0, bar), filter: { text: line.slice(bar + 2), offset: bar + 2 } };
}

/** The filter that `text` (what follows the `|`) describes, or the error at its place in the line. */
export function parseFilter(text: string, offset: number): { ok: true; filter: OutputFilter } | { ok: false; error: CliError } {
  const match = matchCommand(FILTER_GRAMMAR, text);
  if (!match.ok) return { ok: false, error: match.error.kind === 'invalid' ? { kind: 'invalid', offset: offset + match.error.offset } : match.error };
  let pattern: RegExp;
  try {
    pattern = new RegExp(match.args.pattern as string);
  } catch {
    return { ok: false, error: { kind: 'invalid', offset: offset + wordOffset(text, 1) } };
  }
  return { ok: true, filter: FILTERS[match.action](pattern) };
}

const FILTERS: Record<FilterKind, (pattern: RegExp) => OutputFilter> = {
  include: (pattern) => (lines) => lines.filter((line) => pattern.test(line)),
  exclude: (pattern) => (lines) => lines.filter((line) => !pattern.test(line)),
  begin: (pattern) => (lines) => {
    const first = lines.findIndex((line) => pattern.test(line));
    return first < 0 ? [] : lines.slice(first);
  },
  // A matching line and the lines indented under it: a whole section for a matching header.
  section: (pattern) => (lines) => {
    const out: string[] = [];
    let sectionIndent = -1;
    for (const line of lines) {
      const indent = line.length - line.trimStart().length;
      if (sectionIndent >= 0 && indent > sectionIndent) {
        out.push(line);
        continue;
      }
      sectionIndent = pattern.test(line) ? indent : -1;
      if (sectionIndent >= 0) out.push(line);
    }
    return out;
  },
};
