// ACLs are ordered lists: first match wins. They are edited in place by sequence number,
// never deleted and re-created (that would leave the interface or vty unprotected), and a
// numbered list never gets `no access-list N <entry>` (IOS deletes the whole list for it).

// Only the array diff: the package index loads its twenty-odd modules, at every CLI start.
import { diffArrays } from 'diff/lib/diff/array.js';
import { numberedAclKind } from './normalize-lists.js';
import type { Block } from './remediate.js';
import type { ConfigNode, PlanCommand } from './types.js';

const NUMBERED_LINE = /^access-list (\d+) (.+)$/;
const MAX_SEQUENCE = 2_147_483_647;

export interface NumberedAcls {
  /** Entries of each numbered list, in order, keyed by number (in order of first appearance). */
  acls: Map<string, string[]>;
  rest: ConfigNode[];
}

export function splitNumberedAcls(nodes: ConfigNode[]): NumberedAcls {
  const acls = new Map<string, string[]>();
  const rest: ConfigNode[] = [];
  // An indexed loop: this runs over every top-level line, often before V8 has optimised it.
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k] as ConfigNode;
    const m = node.text.startsWith('access-list ') ? NUMBERED_LINE.exec(node.text) : null;
    if (!m) {
      rest.push(node);
      continue;
    }
    const entries = acls.get(m[1] as string) ?? [];
    entries.push(m[2] as string);
    acls.set(m[1] as string, entries);
  }
  return { acls, rest };
}

export function numberedAclBlocks(running: Map<string, string[]>, intended: Map<string, string[]>): Block[] {
  const blocks: Block[] = [];
  for (const [num, entries] of intended) {
    const old = running.get(num) ?? [];
    const kind = numberedAclKind(Number(num));
    const flat = (entry: string): string => `access-list ${num} ${entry}`;
    if (isPrefix(old, entries)) {
      const added = entries.slice(old.length);
      if (added.length > 0) blocks.push({ weight: 200, commands: added.map((e) => appendCommand([], flat(e))) });
    } else if (kind) {
      blocks.push({ weight: 200, commands: sequenceEdit(num, `ip access-list ${kind} ${num}`, [], old, entries) });
    } else {
      // A list type IOS cannot edit by sequence: replace it as a whole.
      const commands = [listRemoval(num, 'rewritten: this list type cannot be edited by sequence number')];
      blocks.push({ weight: 200, commands: [...commands, ...entries.map((e) => appendCommand([], flat(e)))] });
    }
  }
  for (const num of running.keys()) {
    if (!intended.has(num)) blocks.push({ weight: 840, commands: [listRemoval(num, 'not in the intended config')] });
  }
  return blocks;
}

/** Commands that turn the entries of a named ACL section (at `path`) from `running` into `intended`. */
export function aclEditCommands(path: string[], running: string[], intended: string[]): PlanCommand[] {
  if (isPrefix(running, intended)) return intended.slice(running.length).map((e) => appendCommand(path, e));
  const header = path[path.length - 1] as string;
  const name = header.split(' ')[3] as string;
  return sequenceEdit(name, header, path.slice(0, -1), running, intended);
}

function isPrefix(shorter: string[], longer: string[]): boolean {
  return shorter.length <= longer.length && shorter.every((entry, i) => entry === longer[i]);
}

function appendCommand(path: string[], text: string): PlanCommand {
  return { path, text, kind: 'add', reason: 'appended to the end of the list' };
}

function listRemoval(num: string, why: string): PlanCommand {
  return { path: [], text: `no access-list ${num}`, kind: 'remove', reason: `removes access-list ${num}: ${why}` };
}

interface Insertion {
  /** Index in `running` of the kept entry it follows (-1: before all). */
  after: number;
  entries: string[];
}

/**
 * Resequence the list so entry k has number (k+1)·step, remove the entries that leave by
 * number, insert the new ones between the kept neighbours, then renumber 10, 20, ….
 */
function sequenceEdit(name: string, header: string, outer: string[], running: string[], intended: string[]): PlanCommand[] {
  const removed: number[] = [];
  const kept: number[] = [];
  const insertions: Insertion[] = [];
  let index = 0;
  for (const change of diffArrays(running, intended)) {
    if (change.added) insertions.push({ after: kept[kept.length - 1] ?? -1, entries: change.value });
    else if (change.removed) for (let k = 0; k < change.count; k++) removed.push(index++);
    else for (let k = 0; k < change.count; k++) kept.push(index++);
  }
  const nextKept = (after: number): number | undefined => kept.find((k) => k > after);
  const step = chooseStep(insertions, nextKept);
  const inner = [...outer, header];
  const commands: PlanCommand[] = [
    { path: outer, text: `ip access-list resequence ${name} ${step} ${step}`, kind: 'replace', reason: 'number the entries so they can be edited in place' },
  ];
  for (const r of removed) {
    commands.push({ path: inner, text: `no ${(r + 1) * step}`, kind: 'remove', reason: `removes "${running[r]}"` });
  }
  for (const insertion of insertions) {
    const low = (insertion.after + 1) * step;
    const next = nextKept(insertion.after);
    const n = insertion.entries.length;
    insertion.entries.forEach((entry, j) => {
      const seq = next === undefined ? low + (j + 1) * step : low + Math.floor(((j + 1) * ((next + 1) * step - low)) / (n + 1));
      commands.push({ path: inner, text: `${seq} ${entry}`, kind: 'add', reason: 'inserted at its position in the list' });
    });
  }
  commands.push({ path: outer, text: `ip access-list resequence ${name} 10 10`, kind: 'replace', reason: 'renumber the entries 10, 20, …' });
  return commands;
}

/** The smallest power-of-ten step that leaves room for every insertion between its neighbours. */
function chooseStep(insertions: Insertion[], nextKept: (after: number) => number | undefined): number {
  let step = 10;
  const fits = (s: number): boolean =>
    insertions.every((ins) => {
      const next = nextKept(ins.after);
      return next === undefined || (next - ins.after) * s - 1 >= ins.entries.length;
    });
  while (!fits(step) && step * 10 < MAX_SEQUENCE) step *= 10;
  return step;
}
