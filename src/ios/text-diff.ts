// The human diff: unified diff of normalised running vs intended text. The intended side is
// first aligned to the running order where order does not matter, so that reordering (which
// is not a change) does not show, and hunk headers name the enclosing top-level section.

import { diffArrays } from 'diff';
import { serializeLines } from './serialize.js';
import type { ConfigNode, ConfigTree } from './types.js';

export type IsOrdered = (parentHeader: string | undefined) => boolean;

export interface UnifiedDiffOptions {
  runningLabel?: string;
  intendedLabel?: string;
  context?: number;
  isOrdered: IsOrdered;
}

/** `intended` reordered to follow `reference` wherever order does not matter. */
export function alignToReference(intended: ConfigTree, reference: ConfigTree, isOrdered: IsOrdered): ConfigTree {
  return { children: alignLevel(intended.children, reference.children, undefined, isOrdered) };
}

function alignLevel(nodes: ConfigNode[], reference: ConfigNode[], parent: string | undefined, isOrdered: IsOrdered): ConfigNode[] {
  const refIndex = new Map<string, number>();
  reference.forEach((n, i) => refIndex.set(n.text, i));
  const withChildren = (node: ConfigNode): ConfigNode => {
    const ref = reference[refIndex.get(node.text) as number];
    if (!ref || node.children.length === 0) return node;
    return { ...node, children: alignLevel(node.children, ref.children, node.text, isOrdered) };
  };
  if (isOrdered(parent)) return nodes.map(withChildren);
  // New lines stay right after the line they follow in the intent.
  const leading: ConfigNode[] = [];
  const after = new Map<ConfigNode, ConfigNode[]>();
  const matched: ConfigNode[] = [];
  let anchor: ConfigNode | undefined;
  for (const node of nodes) {
    if (refIndex.has(node.text)) {
      matched.push(node);
      anchor = node;
    } else if (anchor) {
      const list = after.get(anchor) ?? [];
      list.push(node);
      after.set(anchor, list);
    } else {
      leading.push(node);
    }
  }
  matched.sort((a, b) => (refIndex.get(a.text) as number) - (refIndex.get(b.text) as number));
  const out = leading.map(withChildren);
  for (const node of matched) out.push(withChildren(node), ...(after.get(node) ?? []).map(withChildren));
  return out;
}

interface Op {
  mark: ' ' | '-' | '+';
  line: string;
  /** Index in the running lines of this line, or of the next running line for an addition. */
  oldIndex: number;
  /** Index in the intended lines of this line, or of the next intended line for a removal. */
  newIndex: number;
}

export function unifiedDiff(running: ConfigTree, intended: ConfigTree, options: UnifiedDiffOptions): string {
  const oldLines = serializeLines(running);
  const newLines = serializeLines(alignToReference(intended, running, options.isOrdered));
  const ops = lineOps(oldLines, newLines);
  if (!ops.some((op) => op.mark !== ' ')) return '';
  const context = options.context ?? 3;
  const out = [`--- ${options.runningLabel ?? 'running'}`, `+++ ${options.intendedLabel ?? 'intended'}`];
  for (const hunk of hunks(ops, context)) out.push(...renderHunk(ops, hunk, oldLines));
  return `${out.join('\n')}\n`;
}

/** Line operations; common prefix and suffix are set aside first (most of a config is unchanged). */
function lineOps(oldLines: string[], newLines: string[]): Op[] {
  let start = 0;
  while (start < oldLines.length && start < newLines.length && oldLines[start] === newLines[start]) start++;
  let endOld = oldLines.length;
  let endNew = newLines.length;
  while (endOld > start && endNew > start && oldLines[endOld - 1] === newLines[endNew - 1]) {
    endOld--;
    endNew--;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ mark: ' ', line: oldLines[i] as string, oldIndex: i, newIndex: i });
  let oldIndex = start;
  let newIndex = start;
  for (const change of diffArrays(oldLines.slice(start, endOld), newLines.slice(start, endNew))) {
    for (const line of change.value) {
      if (change.added) ops.push({ mark: '+', line, oldIndex, newIndex: newIndex++ });
      else if (change.removed) ops.push({ mark: '-', line, oldIndex: oldIndex++, newIndex });
      else ops.push({ mark: ' ', line, oldIndex: oldIndex++, newIndex: newIndex++ });
    }
  }
  for (let i = endOld; i < oldLines.length; i++) ops.push({ mark: ' ', line: oldLines[i] as string, oldIndex: i, newIndex: newIndex++ });
  return ops;
}

/** [first, last] op indices of each hunk: changes with `context` lines around, merged when close. */
function hunks(ops: Op[], context: number): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  for (let i = 0; i < ops.length; i++) {
    if ((ops[i] as Op).mark === ' ') continue;
    const first = Math.max(0, i - context);
    let last = i;
    while (last + 1 < ops.length) {
      let next = last + 1;
      while (next < ops.length && (ops[next] as Op).mark === ' ') next++;
      if (next >= ops.length || next - last - 1 > 2 * context) break;
      last = next;
    }
    const end = Math.min(ops.length - 1, last + context);
    result.push([first, end]);
    i = end;
  }
  return result;
}

function renderHunk(ops: Op[], [first, last]: [number, number], oldLines: string[]): string[] {
  const slice = ops.slice(first, last + 1);
  const oldCount = slice.filter((op) => op.mark !== '+').length;
  const newCount = slice.filter((op) => op.mark !== '-').length;
  const oldStart = (ops[first] as Op).oldIndex + 1;
  const newStart = (ops[first] as Op).newIndex + 1;
  const changed = slice.find((op) => op.mark !== ' ') as Op;
  // An added line belongs with the line before it.
  const at = changed.mark === '+' ? changed.oldIndex - 1 : changed.oldIndex;
  const section = sectionAt(oldLines, Math.min(at, oldLines.length - 1));
  const range = (start: number, count: number): string => `${count === 0 ? start - 1 : start},${count}`;
  const header = `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@${section ? ` ${section}` : ''}`;
  return [header, ...slice.map((op) => `${op.mark}${op.line}`)];
}

/** The top-level line at or above `index`: the section a change belongs to. */
function sectionAt(lines: string[], index: number): string | undefined {
  for (let i = index; i >= 0; i--) {
    const line = lines[i] as string;
    if (line !== '' && !line.startsWith(' ') && line !== '^C') return line;
  }
  return undefined;
}

export function diffStats(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+') && !line.startsWith('+++')) added++;
    else if (line.startsWith('-') && !line.startsWith('---')) removed++;
  }
  return { added, removed };
}
