// The human diff: unified diff of normalised running vs intended text, the intended side first
// aligned to running order where order does not matter (reordering is not a change), hunk
// headers naming the enclosing top-level section. The line script is built on the trees: after
// alignment, shared lines come in the same order at unordered levels, so one linear merge pairs
// them, and a removed section never shares lines with an added one. Only ordered levels (ACL
// entries) and banner/certificate bodies need a sequence diff (Myers, from the diff package).

// Only the array diff: the package index loads its twenty-odd modules, at every CLI start.
import { diffArrays } from 'diff/lib/diff/array.js';
import { nodeLineCount, nodeLines } from './serialize.js';
import { alignToReference, matchIndex, sameTexts, type IsOrdered, type OrderedGroup } from './align.js';
import type { WrittenChildren } from './normalize.js';
import type { ConfigNode, ConfigTree } from './types.js';

export { alignToReference, type IsOrdered, type OrderedGroup } from './align.js';

export interface UnifiedDiffOptions {
  runningLabel?: string;
  intendedLabel?: string;
  /** Unchanged lines shown around each change (default 3). */
  context?: number;
  isOrdered: IsOrdered;
  orderedGroup?: OrderedGroup;
  /** For the trees of a pair (pair.ts): their shared blocks not normalised under their header. */
  shared?: SharedBlocks;
}

/**
 * The top-level blocks a pair's two configs write the same, whose children are normalised only
 * when something compares them (BlockNormalizer). Such a block is unchanged, and normalising
 * cannot change that: the diff shows it as written, which saves normalising most of a config.
 */
export interface SharedBlocks {
  /** What is under the node as written, while it is not normalised; undefined after, or for any other node. */
  written(node: ConfigNode): WrittenChildren | undefined;
  /** Normalises under the node, before its children are compared. */
  complete(node: ConfigNode): void;
}

type Mark = ' ' | '-' | '+';

/**
 * The line script, in output order: one entry per changed line or unchanged line of a changed
 * section, and one per run of nodes the two trees share (see pair.ts), which stands for all
 * their lines, unchanged: most of a large config. Their text is made only for the lines a hunk
 * shows.
 */
interface Script {
  marks: Mark[];
  /** The line; for a shared run, '' (see `runs`). */
  lines: string[];
  /** The top-level line each line belongs to (itself for a top-level line); '' for a shared run. */
  sections: string[];
  /** How many lines each entry stands for: 1, or the line count of a shared run. */
  sizes: number[];
  /** The shared runs, by entry index. */
  runs: Map<number, SharedRun>;
  /** The entry index of the last run, which a shared node right after it joins. */
  lastRun: number;
  shared: SharedBlocks | undefined;
}

/** Consecutive shared nodes at one depth, with the line count of each. */
interface SharedRun {
  nodes: ConfigNode[];
  counts: number[];
  /** What is under each node as written, for a node shown that way (see SharedBlocks). */
  written: Array<WrittenChildren | undefined>;
  depth: number;
}

export function unifiedDiff(running: ConfigTree, intended: ConfigTree, options: UnifiedDiffOptions): string {
  const aligned = alignToReference(intended, running, options.isOrdered, options.orderedGroup, options.shared?.complete);
  const script: Script = { marks: [], lines: [], sections: [], sizes: [], runs: new Map(), lastRun: -1, shared: options.shared };
  diffLevel(script, running.children, aligned.children, undefined, 0, undefined, options.isOrdered);
  const hunks = renderHunks(script, options.context ?? 3);
  if (hunks.length === 0) return '';
  return `${[`--- ${options.runningLabel ?? 'running'}`, `+++ ${options.intendedLabel ?? 'intended'}`, ...hunks].join('\n')}\n`;
}

/** Lines of two sibling lists; `section` is the top-level line above them (none at the top). */
function diffLevel(script: Script, olds: ConfigNode[], news: ConfigNode[], parent: string | undefined, depth: number, section: string | undefined, isOrdered: IsOrdered): void {
  if (sameTexts(olds, news)) {
    for (let k = 0; k < olds.length; k++) diffMatched(script, olds[k] as ConfigNode, news[k] as ConfigNode, depth, section, isOrdered);
    return;
  }
  // Which lines the other side has too (by text; duplicates pair with the first one).
  const newAt = matchIndex(olds, news);
  const oldIn = new Uint8Array(olds.length);
  const newIn = new Uint8Array(news.length);
  for (let k = 0; k < olds.length; k++) {
    const at = newAt(k);
    if (at === undefined) continue;
    oldIn[k] = 1;
    newIn[at] = 1;
  }
  let i = 0;
  let j = 0;
  if (isOrdered(parent) || !sharedInSameOrder(olds, news, oldIn, newIn)) {
    for (const [mark, count] of sequenceRuns(olds.map((n) => n.text), news.map((n) => n.text))) {
      for (let k = 0; k < count; k++) {
        if (mark === ' ') diffMatched(script, olds[i++] as ConfigNode, news[j++] as ConfigNode, depth, section, isOrdered);
        else if (mark === '-') emitSubtree(script, olds[i++] as ConfigNode, depth, '-', section);
        else emitSubtree(script, news[j++] as ConfigNode, depth, '+', section);
      }
    }
    return;
  }
  // Shared lines in the same order on both sides (alignment did that): one merge pass pairs them.
  while (i < olds.length || j < news.length) {
    const o = olds[i];
    const n = news[j];
    if (o !== undefined && n !== undefined && o.text === n.text) {
      diffMatched(script, o, n, depth, section, isOrdered);
      i++;
      j++;
    } else if (n !== undefined && (o === undefined || oldIn[i])) {
      emitSubtree(script, n, depth, '+', section);
      j++;
    } else {
      emitSubtree(script, o as ConfigNode, depth, '-', section);
      i++;
    }
  }
}

/** Whether the lines both lists hold come in the same order (not so for ordered groups or duplicates). */
function sharedInSameOrder(olds: ConfigNode[], news: ConfigNode[], oldIn: Uint8Array, newIn: Uint8Array): boolean {
  let j = 0;
  for (let i = 0; i < olds.length; i++) {
    if (!oldIn[i]) continue;
    while (j < news.length && !newIn[j]) j++;
    if (news[j++]?.text !== (olds[i] as ConfigNode).text) return false;
  }
  for (; j < news.length; j++) if (newIn[j]) return false;
  return true;
}

/** The top-level line a node's lines belong to: the section given, or the node's own first line. */
function sectionOf(node: ConfigNode, section: string | undefined): string {
  return section ?? (node.body === undefined ? node.text : (nodeLines(node, 0)[0] as string));
}

const INDENTS: string[] = [];
const indent = (depth: number): string => (INDENTS[depth] ??= ' '.repeat(depth));

function push(script: Script, mark: Mark, line: string, section: string): void {
  script.marks.push(mark);
  script.lines.push(line);
  script.sections.push(section);
  script.sizes.push(1);
}

/** A node both trees share: its lines, unchanged, in the run it continues or a new one. */
function pushShared(script: Script, node: ConfigNode, depth: number): void {
  const written = script.shared?.written(node);
  const count = written ? nodeLineCount(node.text, node.body) + written.lineCount : lineCount(node);
  const last = script.marks.length - 1;
  const run = script.lastRun === last ? script.runs.get(last) : undefined;
  if (run !== undefined && run.depth === depth) {
    run.nodes.push(node);
    run.counts.push(count);
    run.written.push(written);
    script.sizes[last] = (script.sizes[last] as number) + count;
    return;
  }
  script.lastRun = script.marks.length;
  script.runs.set(script.marks.length, { nodes: [node], counts: [count], written: [written], depth });
  script.marks.push(' ');
  script.lines.push('');
  script.sections.push('');
  script.sizes.push(count);
}

/** The number of lines of a node and everything under it, as emitSubtree gives them. */
function lineCount(node: ConfigNode): number {
  let count = nodeLineCount(node.text, node.body);
  const children = node.children;
  for (let k = 0; k < children.length; k++) count += lineCount(children[k] as ConfigNode);
  return count;
}

/** The lines of a shared node and everything under it, without marks: as written, if counted so. */
function sharedLines(node: ConfigNode, depth: number, written: WrittenChildren | undefined, out: string[]): void {
  if (written === undefined) return subtreeLines(node, depth, out);
  for (const line of nodeLines(node, depth)) out.push(line);
  for (const child of written.parse()) subtreeLines(child, depth + 1, out);
}

/** The lines of a node and everything under it, without marks. */
function subtreeLines(node: ConfigNode, depth: number, out: string[]): void {
  if (node.body === undefined) out.push(indent(depth) + node.text);
  else for (const line of nodeLines(node, depth)) out.push(line);
  for (const child of node.children) subtreeLines(child, depth + 1, out);
}

function emitSubtree(script: Script, node: ConfigNode, depth: number, mark: Mark, within: string | undefined): void {
  // Only top-level nodes are shared, and so left unnormalised.
  if (depth === 0) script.shared?.complete(node);
  const section = sectionOf(node, within);
  if (node.body === undefined) push(script, mark, indent(depth) + node.text, section);
  else for (const line of nodeLines(node, depth)) push(script, mark, line, section);
  for (const child of node.children) emitSubtree(script, child, depth + 1, mark, section);
}

function diffMatched(script: Script, o: ConfigNode, n: ConfigNode, depth: number, within: string | undefined, isOrdered: IsOrdered): void {
  // A node the two trees share (see pair.ts): unchanged all the way down.
  if (o === n) return pushShared(script, o, depth);
  if (depth === 0) {
    script.shared?.complete(o);
    script.shared?.complete(n);
  }
  const section = sectionOf(o, within);
  if (o.body === undefined && n.body === undefined) {
    push(script, ' ', indent(depth) + o.text, section);
  } else {
    // Banner or certificate: diff its lines (header, body, closing line) as a sequence.
    const a = nodeLines(o, depth);
    const b = nodeLines(n, depth);
    let i = 0;
    let j = 0;
    for (const [mark, count] of sequenceRuns(a, b)) {
      for (let k = 0; k < count; k++) {
        if (mark !== '+') push(script, mark, a[i++] as string, section);
        else push(script, mark, b[j++] as string, section);
        if (mark === ' ') j++;
      }
    }
  }
  if (o.children.length > 0 || n.children.length > 0) diffLevel(script, o.children, n.children, o.text, depth + 1, section, isOrdered);
}

/** Work budget of one sequence diff (Myers is O((N+M)·D)); past it, the middle is replaced whole. */
const EDIT_BUDGET = 2_000_000;

/** Runs of kept / removed / added items turning `a` into `b`: common ends first, then Myers. */
function sequenceRuns(a: string[], b: string[]): Array<[Mark, number]> {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const runs: Array<[Mark, number]> = [];
  if (start > 0) runs.push([' ', start]);
  const midA = endA - start;
  const midB = endB - start;
  const maxEditLength = Math.max(100, Math.floor(EDIT_BUDGET / (midA + midB)));
  const changes = midA > 0 && midB > 0 ? diffArrays(a.slice(start, endA), b.slice(start, endB), { maxEditLength }) : undefined;
  if (changes !== undefined) {
    for (const change of changes) runs.push([change.added ? '+' : change.removed ? '-' : ' ', change.count]);
  } else {
    if (midA > 0) runs.push(['-', midA]);
    if (midB > 0) runs.push(['+', midB]);
  }
  if (a.length > endA) runs.push([' ', a.length - endA]);
  return runs;
}

/** Hunks of the script with `context` unchanged lines around changes, merged when they touch. */
function renderHunks(script: Script, context: number): string[] {
  const { marks, lines, sections, sizes, runs } = script;
  // Line positions: entry e starts at line at[e]; changes are single lines.
  const at = new Array<number>(sizes.length);
  const changes: number[] = []; // entries
  let total = 0;
  for (let e = 0; e < sizes.length; e++) {
    at[e] = total;
    total += sizes[e] as number;
    if (marks[e] !== ' ') changes.push(e);
  }
  const out: string[] = [];
  let added = 0; // '+' lines before the current change: old line numbers skip them
  let removed = 0;
  let e = 0; // the entry holding the first line of the current hunk (hunks come in order)
  for (let c = 0; c < changes.length; ) {
    const first = at[changes[c] as number] as number;
    const start = Math.max(0, first - context);
    let last = first;
    let d = c + 1;
    while (d < changes.length && (at[changes[d] as number] as number) - last - 1 <= 2 * context) last = at[changes[d++] as number] as number;
    const end = Math.min(total - 1, last + context);
    let plus = 0;
    let minus = 0;
    for (let k = c; k < d; k++) {
      if (marks[changes[k] as number] === '+') plus++;
      else minus++;
    }
    const size = end - start + 1;
    const oldStart = start - added + 1;
    const newStart = start - removed + 1;
    const range = (from: number, count: number): string => `${count === 0 ? from - 1 : from},${count}`;
    out.push(`@@ -${range(oldStart, size - plus)} +${range(newStart, size - minus)} @@ ${sections[changes[c] as number] as string}`.trimEnd());
    while ((at[e] as number) + (sizes[e] as number) <= start) e++;
    for (let k = e; k < sizes.length && (at[k] as number) <= end; k++) {
      const run = runs.get(k);
      if (run === undefined) {
        out.push((marks[k] as Mark) + (lines[k] as string));
        continue;
      }
      const from = Math.max(start, at[k] as number) - (at[k] as number);
      const to = Math.min(end, (at[k] as number) + (sizes[k] as number) - 1) - (at[k] as number);
      for (const line of runLines(run, from, to)) out.push(` ${line}`);
    }
    added += plus;
    removed += minus;
    c = d;
  }
  return out;
}

/** Lines `from`…`to` (0-based, inclusive) of a shared run: only the nodes that hold them are written out. */
function runLines(run: SharedRun, from: number, to: number): string[] {
  const out: string[] = [];
  let first = 0; // the line number, in the run, of node k's first line
  for (let k = 0; k < run.nodes.length && first <= to; k++) {
    const count = run.counts[k] as number;
    if (first + count > from) {
      const lines: string[] = [];
      sharedLines(run.nodes[k] as ConfigNode, run.depth, run.written[k], lines);
      for (let m = Math.max(from, first); m <= Math.min(to, first + count - 1); m++) out.push(lines[m - first] as string);
    }
    first += count;
  }
  return out;
}
