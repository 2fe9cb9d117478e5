// Alignment for the human diff: the intended tree reordered to follow the running one wherever
// order does not matter, so that a reordering (not a change) does not show in the diff.

import type { ConfigNode, ConfigTree } from './types.js';

export type IsOrdered = (parentHeader: string | undefined) => boolean;

/** Lines with one key keep their intended relative order even among unordered siblings
 * (numbered ACLs: `access-list 10 …` lines are top-level, but their order counts). */
export type OrderedGroup = (text: string) => string | undefined;


type Order = { isOrdered: IsOrdered; groupOf: OrderedGroup | undefined };

/**
 * `intended` with its children in the order of the nodes with the same text in `reference`,
 * at every level where order does not matter. A node only in `intended` stays right after the
 * node it follows in `intended` (or at the start). Linear in the tree sizes. The inputs are
 * left alone; the result is a new tree that shares the subtrees alignment did not change.
 */
export function alignToReference(intended: ConfigTree, reference: ConfigTree, isOrdered: IsOrdered, orderedGroup?: OrderedGroup): ConfigTree {
  return { children: alignLevel(intended.children, reference.children, undefined, { isOrdered, groupOf: orderedGroup }) };
}

function alignLevel(nodes: ConfigNode[], reference: ConfigNode[], parent: string | undefined, order: Order): ConfigNode[] {
  if (nodes.length === 0) return [];
  if (sameTexts(nodes, reference)) return nodes.map((node, k) => alignNode(node, reference[k], order)); // most sections
  const refAt = firstIndex(reference);
  const refOf = (node: ConfigNode): ConfigNode | undefined => reference[refAt(node.text) ?? -1];
  if (reference.length === 0 || order.isOrdered(parent)) return nodes.map((node) => alignNode(node, refOf(node), order));
  // A matched node takes its reference place, and the intended-only nodes after it come along.
  const placed = new Array<ConfigNode | undefined>(reference.length);
  const intendedAt = new Array<number>(reference.length);
  const after = new Map<number, ConfigNode[]>();
  const leading: ConfigNode[] = [];
  let anchor = -1;
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k] as ConfigNode;
    const r = refAt(node.text);
    if (r !== undefined && placed[r] === undefined) {
      placed[r] = node;
      intendedAt[r] = k;
      anchor = r;
    } else if (anchor < 0) leading.push(node);
    else if (after.has(anchor)) after.get(anchor)?.push(node);
    else after.set(anchor, [node]);
  }
  const places: number[] = [];
  for (let r = 0; r < reference.length; r++) if (placed[r] !== undefined) places.push(r);
  if (order.groupOf !== undefined) keepGroupOrder(places, placed as ConfigNode[], intendedAt, order.groupOf);
  const out = leading.map((node) => alignNode(node, refOf(node), order));
  for (const r of places) {
    out.push(alignNode(placed[r] as ConfigNode, reference[r], order));
    for (const node of after.get(r) ?? []) out.push(alignNode(node, refOf(node), order));
  }
  return out;
}

/** Matched places whose node is in an ordered group get the group's nodes in intended order. */
function keepGroupOrder(places: number[], placed: ConfigNode[], intendedAt: number[], groupOf: OrderedGroup): void {
  const groups = new Map<string, number[]>();
  places.forEach((r, p) => {
    const key = groupOf((placed[r] as ConfigNode).text);
    if (key === undefined) return;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)?.push(p);
  });
  for (const positions of groups.values()) {
    const byIntent = positions.map((p) => places[p] as number).sort((x, y) => (intendedAt[x] as number) - (intendedAt[y] as number));
    positions.forEach((p, m) => (places[p] = byIntent[m] as number));
  }
}

/** Text → index of its first occurrence; a scan for short lists (most sections), else a map. */
export function firstIndex(nodes: ConfigNode[]): (text: string) => number | undefined {
  if (nodes.length <= 16) {
    return (text) => {
      for (let k = 0; k < nodes.length; k++) if ((nodes[k] as ConfigNode).text === text) return k;
      return undefined;
    };
  }
  const at = new Map<string, number>();
  for (let k = nodes.length - 1; k >= 0; k--) at.set((nodes[k] as ConfigNode).text, k);
  return (text) => at.get(text);
}

function alignNode(node: ConfigNode, ref: ConfigNode | undefined, order: Order): ConfigNode {
  // A node the two trees share (see pair.ts) is aligned to itself already.
  if (node.children.length === 0 || node === ref) return node;
  const children = alignLevel(node.children, ref?.children ?? [], node.text, order);
  return children.every((child, k) => child === node.children[k]) ? node : { ...node, children };
}

export function sameTexts(a: ConfigNode[], b: ConfigNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if ((a[k] as ConfigNode).text !== (b[k] as ConfigNode).text) return false;
  return true;
}
