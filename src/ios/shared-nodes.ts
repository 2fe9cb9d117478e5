// Nodes that the two trees of a pair share (see pair.ts): one object on both sides is one block,
// unchanged. Found by identity, in order first: cheaper than matching 50k lines by their text.

import type { ConfigNode } from './types.js';

/** How far ahead of the last shared node the next one is looked for. */
const LOOKAHEAD = 32;

export interface SharedMarks {
  /** 1 where the node of `a` (of `b`) is also in the other list. */
  a: Uint8Array;
  b: Uint8Array;
  /** For a marked node of `b`, the index of the same node in `a`. */
  partner: Int32Array;
  count: number;
}

/** Which nodes of `a` and `b` are in both lists, as the same object. */
export function sharedMarks(a: ConfigNode[], b: ConfigNode[]): SharedMarks {
  const marks: SharedMarks = { a: new Uint8Array(a.length), b: new Uint8Array(b.length), partner: new Int32Array(b.length), count: 0 };
  let next = 0;
  for (let j = 0; j < b.length; j++) {
    const node = b[j];
    const end = Math.min(a.length, next + LOOKAHEAD);
    for (let i = next; i < end; i++) {
      if (a[i] !== node) continue;
      mark(marks, i, j);
      next = i + 1;
      break;
    }
  }
  // Moved blocks: the few nodes left over on each side, by identity.
  if (marks.count < a.length && marks.count < b.length) {
    const at = new Map<ConfigNode, number>();
    for (let i = 0; i < a.length; i++) if (!marks.a[i]) at.set(a[i] as ConfigNode, i);
    for (let j = 0; j < b.length; j++) {
      const i = marks.b[j] ? undefined : at.get(b[j] as ConfigNode);
      if (i !== undefined) mark(marks, i, j);
    }
  }
  return marks;
}

function mark(marks: SharedMarks, i: number, j: number): void {
  marks.a[i] = 1;
  marks.b[j] = 1;
  marks.partner[j] = i;
  marks.count++;
}

/** The nodes not marked. */
export function unmarked(nodes: ConfigNode[], marks: Uint8Array): ConfigNode[] {
  const out: ConfigNode[] = [];
  for (let k = 0; k < nodes.length; k++) if (!marks[k]) out.push(nodes[k] as ConfigNode);
  return out;
}
