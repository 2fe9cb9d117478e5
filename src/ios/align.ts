// Alignment for the human diff: the intended tree reordered to follow the running one wherever
// order does not matter, so that a reordering (not a change) does not show in the diff.

import { sharedMarks } from './shared-nodes.js';
import type { ConfigNode, ConfigTree } from './types.js';

export type IsOrdered = (parentHeader: string | undefined) => boolean;

/** Lines with one key keep their intended relative order even among unordered siblings
 * (numbered ACLs: `access-list 10 …` lines are top-level, but their order counts). */
export type OrderedGroup = (text: string) => string | undefined;


/** Normalises under a node whose children were left as written (see text-diff.ts SharedBlocks). */
export type Complete = (node: ConfigNode) => void;

type Order = { isOrdered: IsOrdered; groupOf: OrderedGroup | undefined; complete: Complete | undefined };

/**
 * `intended` with its children in the order of the nodes with the same text in `reference`,
 * at every level where order does not matter. A node only in `intended` stays right after the
 * node it follows in `intended` (or at the start). Linear in the tree sizes. The inputs are
 * left alone; the result is a new tree that shares the subtrees alignment did not change.
 */
export function alignToReference(intended: ConfigTree, reference: ConfigTree, isOrdered: IsOrdered, orderedGroup?: OrderedGroup, complete?: Complete): ConfigTree {
  return { children: alignLevel(intended.children, reference.children, undefined, { isOrdered, groupOf: orderedGroup, complete }) };
}

function alignLevel(nodes: ConfigNode[], reference: ConfigNode[], parent: string | undefined, order: Order): ConfigNode[] {
  if (nodes.length === 0) return [];
  if (sameTexts(nodes, reference)) return nodes.map((node, k) => alignNode(node, reference[k], order)); // most sections
  const refIndex = matchIndex(nodes, reference);
  const refOf = (k: number): ConfigNode | undefined => reference[refIndex(k) ?? -1];
  // Where matched nodes already follow reference order (most configs), placing them is a no-op.
  if (reference.length === 0 || order.isOrdered(parent) || inReferenceOrder(nodes, refIndex, order.groupOf)) {
    return nodes.map((node, k) => alignNode(node, refOf(k), order));
  }
  // A matched node takes its reference place, and the intended-only nodes after it come along.
  const placed = new Array<ConfigNode | undefined>(reference.length);
  const intendedAt = new Array<number>(reference.length);
  const after = new Map<number, number[]>();
  const leading: number[] = [];
  let anchor = -1;
  for (let k = 0; k < nodes.length; k++) {
    const r = refIndex(k);
    if (r !== undefined && placed[r] === undefined) {
      placed[r] = nodes[k];
      intendedAt[r] = k;
      anchor = r;
    } else if (anchor < 0) leading.push(k);
    else if (after.has(anchor)) after.get(anchor)?.push(k);
    else after.set(anchor, [k]);
  }
  const places: number[] = [];
  for (let r = 0; r < reference.length; r++) if (placed[r] !== undefined) places.push(r);
  if (order.groupOf !== undefined) keepGroupOrder(places, placed as ConfigNode[], intendedAt, order.groupOf);
  const out = leading.map((k) => alignNode(nodes[k] as ConfigNode, refOf(k), order));
  // Indexed loops, no allocation per place: at the top level this runs over ~50k nodes.
  for (let p = 0; p < places.length; p++) {
    const r = places[p] as number;
    out.push(alignNode(placed[r] as ConfigNode, reference[r], order));
    const more = after.get(r);
    if (more) for (let m = 0; m < more.length; m++) out.push(alignNode(nodes[more[m] as number] as ConfigNode, refOf(more[m] as number), order));
  }
  return out;
}

/**
 * Whether placing would leave `nodes` in their order. The general case below sorts matched
 * nodes by place: a node's reference index, except that the members of an ordered group take
 * the group's indices in intended order (keepGroupOrder). If those places rise along `nodes`,
 * with no index twice, the sort changes nothing, and intended-only nodes keep the node before
 * them.
 */
function inReferenceOrder(nodes: ConfigNode[], refIndex: (k: number) => number | undefined, groupOf: OrderedGroup | undefined): boolean {
  // The groups' indices, ascending, and which nodes are members (in order).
  const groups = new Map<string, number[]>();
  const members: number[] = [];
  const memberGroups: number[][] = [];
  if (groupOf !== undefined) {
    for (let k = 0; k < nodes.length; k++) {
      const r = refIndex(k);
      const key = r === undefined ? undefined : groupOf((nodes[k] as ConfigNode).text);
      if (key === undefined) continue;
      let indices = groups.get(key);
      if (!indices) groups.set(key, (indices = []));
      indices.push(r as number);
      members.push(k);
      memberGroups.push(indices);
    }
    for (const indices of groups.values()) indices.sort((a, b) => a - b);
  }
  const taken = new Map<number[], number>(); // per group, how many of its indices are placed
  let member = 0;
  let last = -1;
  for (let k = 0; k < nodes.length; k++) {
    let place = refIndex(k);
    if (place === undefined) continue;
    if (members[member] === k) {
      const indices = memberGroups[member++] as number[];
      const m = taken.get(indices) ?? 0;
      taken.set(indices, m + 1);
      place = indices[m] as number;
    }
    if (place <= last) return false;
    last = place;
  }
  return true;
}

/** Matched places whose node is in an ordered group get the group's nodes in intended order. */
function keepGroupOrder(places: number[], placed: ConfigNode[], intendedAt: number[], groupOf: OrderedGroup): void {
  const groups = new Map<string, number[]>();
  for (let p = 0; p < places.length; p++) {
    const key = groupOf((placed[places[p] as number] as ConfigNode).text);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  for (const positions of groups.values()) {
    const byIntent = positions.map((p) => places[p] as number).sort((x, y) => (intendedAt[x] as number) - (intendedAt[y] as number));
    positions.forEach((p, m) => (places[p] = byIntent[m] as number));
  }
}

/** Lists this long are matched with the help of the nodes they share (see matchIndex). */
const SHARED_MATCH_MIN = 64;

/**
 * For node k of `nodes`, the index of the first node of `reference` with its text, or undefined.
 * The top levels of a pair's trees (pair.ts) share most of their nodes: those are paired by
 * identity (shared-nodes.ts), and only the others are looked up by text, among the reference
 * nodes not shared. That needs no map of 50k texts, and gives the same answer: sibling texts
 * are unique in normalised trees (merge-lines.ts), so a shared node's text is nowhere else.
 */
export function matchIndex(nodes: ConfigNode[], reference: ConfigNode[]): (k: number) => number | undefined {
  if (nodes.length >= SHARED_MATCH_MIN && reference.length >= SHARED_MATCH_MIN) {
    const marks = sharedMarks(reference, nodes);
    if (marks.count > 0) {
      const rest = firstIndex(reference, marks.a);
      return (k) => (marks.b[k] ? marks.partner[k] : rest((nodes[k] as ConfigNode).text));
    }
  }
  const at = firstIndex(reference);
  return (k) => at((nodes[k] as ConfigNode).text);
}

/** Text → index of its first occurrence (among the nodes not `skip`ped); a scan for short lists, else a map. */
function firstIndex(nodes: ConfigNode[], skip?: Uint8Array): (text: string) => number | undefined {
  if (nodes.length <= 16) {
    return (text) => {
      for (let k = 0; k < nodes.length; k++) if (!skip?.[k] && (nodes[k] as ConfigNode).text === text) return k;
      return undefined;
    };
  }
  const at = new Map<string, number>();
  for (let k = nodes.length - 1; k >= 0; k--) if (!skip?.[k]) at.set((nodes[k] as ConfigNode).text, k);
  return (text) => at.get(text);
}

function alignNode(node: ConfigNode, ref: ConfigNode | undefined, order: Order): ConfigNode {
  // A node the two trees share (see pair.ts) is aligned to itself already.
  if (node === ref) return node;
  if (order.complete) {
    order.complete(node);
    if (ref) order.complete(ref);
  }
  if (node.children.length === 0) return node;
  // Only top-level nodes are shared, so only they can be left unnormalised: none below.
  const children = alignLevel(node.children, ref?.children ?? [], node.text, order.complete ? { ...order, complete: undefined } : order);
  return children.every((child, k) => child === node.children[k]) ? node : { ...node, children };
}

export function sameTexts(a: ConfigNode[], b: ConfigNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if ((a[k] as ConfigNode).text !== (b[k] as ConfigNode).text) return false;
  return true;
}
