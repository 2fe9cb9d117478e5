// Tree operations on the lab device's running config (LabDevice.running and section children):
// find, replace in place, remove, and insert a line where IOS prints it. Lines are ConfigNodes
// as the engine's parser produces them (text, children, `body` for banners); lines created here
// have `line: 0`. Named and numbered ACL entries also carry their sequence number: see
// acl-store.ts (AclEntryNode).

import type { ConfigNode } from '../../../ios/types.js';

/**
 * What makes two lines "the same setting", so that the new one replaces the old one in place:
 * the first N words, the words at these indexes, or a function of the words that returns a
 * prefix of the line. No rule: the whole line. A leading `no ` is ignored, so `no ip domain
 * lookup` and `ip domain lookup` share their key.
 */
export type KeyRule = number | readonly number[] | ((words: string[]) => string);

/** Where a line goes among its siblings: by rank, then by sort values (arrays compare element-wise). */
export interface OrderKey {
  rank: number;
  sort: readonly SortValue[];
  /**
   * Lines of one list (a route-map's entries, a prefix-list): a new list goes after the lists
   * of its rank in creation order, a new entry among its own list's entries by `sort`.
   */
  group?: string;
}
export type SortValue = number | string | readonly number[];
export type OrderOf = (text: string) => OrderKey;

export function newNode(text: string, children: ConfigNode[] = []): ConfigNode {
  return { text, line: 0, children };
}

export function withoutNo(text: string): string {
  return text.startsWith('no ') ? text.slice(3) : text;
}

export function lineKey(text: string, rule: KeyRule | undefined): string {
  const subject = withoutNo(text);
  if (rule === undefined) return subject;
  const words = subject.split(' ');
  if (typeof rule === 'number') return words.slice(0, rule).join(' ');
  if (typeof rule === 'function') return rule(words);
  return rule.map((i) => words[i] ?? '').join(' ');
}

/** Whether `text` has `key` under `rule`, with a cheap prefix test first (configs hold thousands of lines). */
function hasKey(text: string, key: string, rule: KeyRule | undefined): boolean {
  const subject = withoutNo(text);
  if (rule === undefined) return subject === key;
  if (typeof rule === 'number') return subject === key || subject.startsWith(`${key} `);
  if (typeof rule === 'function') return subject.startsWith(key) && lineKey(subject, rule) === key;
  // Index rules start with the command word: lines with another first word cannot match.
  const firstWord = rule[0] === 0 ? key.split(' ', 1)[0] : undefined;
  return (firstWord === undefined || subject.startsWith(firstWord)) && lineKey(subject, rule) === key;
}

export function findByKey(lines: readonly ConfigNode[], key: string, rule: KeyRule | undefined): ConfigNode[] {
  return lines.filter((node) => hasKey(node.text, key, rule));
}

/**
 * Sets `text`: the line with the same key is replaced in place (others with that key go), or
 * `text` is added where IOS prints it. Returns whether anything changed.
 */
export function setLine(lines: ConfigNode[], text: string, rule: KeyRule | undefined, orderOf: OrderOf): boolean {
  const same = findByKey(lines, lineKey(text, rule), rule);
  const first = same[0];
  if (first === undefined) {
    insertOrdered(lines, newNode(text), orderOf);
    return true;
  }
  const unchanged = same.length === 1 && first.text === text;
  for (const node of same.slice(1)) lines.splice(lines.indexOf(node), 1);
  first.text = text;
  return !unchanged;
}

/** Removes every line with the key of `text` under `rule`; returns whether any was there. */
export function removeLines(lines: ConfigNode[], text: string, rule: KeyRule | undefined): boolean {
  return removeWhere(lines, (node) => hasKey(node.text, lineKey(text, rule), rule));
}

export function removeWhere(lines: ConfigNode[], test: (node: ConfigNode) => boolean): boolean {
  let kept = 0;
  for (const node of lines) if (!test(node)) lines[kept++] = node;
  const removed = kept < lines.length;
  lines.length = kept;
  return removed;
}

export function findSection(lines: readonly ConfigNode[], header: string): ConfigNode | undefined {
  return lines.find((node) => node.text === header);
}

/** The section headed `header`, created where IOS prints it if missing. */
export function ensureSection(lines: ConfigNode[], header: string, orderOf: OrderOf): { node: ConfigNode; created: boolean } {
  const found = findSection(lines, header);
  if (found) return { node: found, created: false };
  const node = newNode(header);
  insertOrdered(lines, node, orderOf);
  return { node, created: true };
}

export function removeSection(lines: ConfigNode[], header: string): boolean {
  return removeWhere(lines, (node) => node.text === header);
}

// Order keys are computed from a line's text; cached per node because inserting into a long
// list compares against many siblings.
const keyCache = new WeakMap<ConfigNode, { text: string; orderOf: OrderOf; key: OrderKey }>();

function keyOf(node: ConfigNode, orderOf: OrderOf): OrderKey {
  const cached = keyCache.get(node);
  if (cached && cached.text === node.text && cached.orderOf === orderOf) return cached.key;
  const key = orderOf(node.text);
  keyCache.set(node, { text: node.text, orderOf, key });
  return key;
}

/** Inserts `node` where IOS prints it among `lines` (kept in that order); returns its index. */
export function insertOrdered(lines: ConfigNode[], node: ConfigNode, orderOf: OrderOf): number {
  const key = keyOf(node, orderOf);
  const at = key.group === undefined ? afterLastNotAbove(lines, key, orderOf, true) : groupPosition(lines, key, orderOf);
  lines.splice(at, 0, node);
  return at;
}

/** After the last line ordered at or before `key` (by rank only, or by rank and sort). */
function afterLastNotAbove(lines: readonly ConfigNode[], key: OrderKey, orderOf: OrderOf, bySort: boolean): number {
  let j = lines.length - 1;
  while (j >= 0) {
    const other = keyOf(lines[j] as ConfigNode, orderOf);
    const order = other.rank - key.rank || (bySort ? compareSort(other.sort, key.sort) : 0);
    if (order <= 0) break;
    j--;
  }
  return j + 1;
}

/** Among its own list's entries by sort; a new list after the other lists of its rank. */
function groupPosition(lines: readonly ConfigNode[], key: OrderKey, orderOf: OrderOf): number {
  let position = -1;
  for (let j = lines.length - 1; j >= 0; j--) {
    const other = keyOf(lines[j] as ConfigNode, orderOf);
    if (other.rank < key.rank) break;
    if (other.rank !== key.rank || other.group !== key.group) continue;
    if (compareSort(other.sort, key.sort) <= 0) return j + 1;
    position = j;
  }
  return position >= 0 ? position : afterLastNotAbove(lines, key, orderOf, false);
}

function compareSort(a: readonly SortValue[], b: readonly SortValue[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = compareValue(a[i] as SortValue, b[i] as SortValue);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function compareValue(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b)) return compareSort(a as number[], b as number[]);
  // Mixed kinds do not happen within one rank; keep them apart deterministically.
  return typeof a < typeof b ? -1 : 1;
}
