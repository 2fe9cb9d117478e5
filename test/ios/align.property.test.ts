// Alignment of one unordered level against a plain statement of its rule (the oracle below):
// matched nodes sorted by their reference place, members of an ordered group taking the group's
// places in intended order, and an intended-only node kept after the node it follows. Lists
// that mostly follow the reference take alignment's shortcut (no placing at all); shuffled ones
// do not; long ones share their nodes by identity, as a pair's top levels do.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignToReference } from '../../src/ios/text-diff.js';
import type { ConfigNode } from '../../src/ios/types.js';

const group = (text: string): string | undefined => /^access-list (\d+) /.exec(text)?.[1];
const unordered = (): boolean => false;

function oracle(intended: ConfigNode[], reference: ConfigNode[]): string[] {
  const refAt = new Map(reference.map((node, r) => [node.text, r]));
  const matched = intended.filter((node) => refAt.has(node.text));
  const slots = matched.map((node) => refAt.get(node.text) as number);
  // Each group's places, handed out in intended order.
  const byGroup = new Map<string, number[]>();
  matched.forEach((node, m) => {
    const key = group(node.text);
    if (key !== undefined) byGroup.set(key, [...(byGroup.get(key) ?? []), slots[m] as number]);
  });
  for (const places of byGroup.values()) places.sort((a, b) => a - b);
  matched.forEach((node, m) => {
    const key = group(node.text);
    if (key !== undefined) slots[m] = (byGroup.get(key) as number[]).shift() as number;
  });
  // Runs: a matched node and the intended-only nodes after it; the ones before any, first.
  const leading: string[] = [];
  const runs: Array<{ slot: number; texts: string[] }> = [];
  for (const node of intended) {
    if (refAt.has(node.text)) runs.push({ slot: slots[runs.length] as number, texts: [node.text] });
    else (runs.at(-1)?.texts ?? leading).push(node.text);
  }
  return [...leading, ...runs.sort((a, b) => a.slot - b.slot).flatMap((run) => run.texts)];
}

const node = (text: string): ConfigNode => ({ text, line: 0, children: [] });

/** Reference texts: plain lines and entries of two numbered ACLs, in a random order. */
const level = fc
  .tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }))
  .chain(([plain, acl1, acl2]) =>
    fc.shuffledSubarray(
      [
        ...Array.from({ length: plain }, (_, k) => `line ${k}`),
        ...Array.from({ length: acl1 }, (_, k) => `access-list 1 permit ${k}`),
        ...Array.from({ length: acl2 }, (_, k) => `access-list 2 permit ${k}`),
      ],
      { minLength: plain + acl1 + acl2 },
    ),
  );

interface Edits {
  removed: number[];
  added: Array<[number, string]>;
  moves: Array<[number, number]>;
  shuffle: boolean;
  seed: number;
}

/** An intended list from a reference: some removed, some added, a few moved or all shuffled. */
const edits: fc.Arbitrary<Edits> = fc.record({
  removed: fc.array(fc.nat(), { maxLength: 5 }),
  added: fc.array(fc.tuple(fc.nat(), fc.constantFrom('new line', 'access-list 1 permit new', 'access-list 2 permit new')), { maxLength: 5 }),
  moves: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  shuffle: fc.boolean(),
  seed: fc.nat(),
});

function intendedFrom(reference: ConfigNode[], e: Edits): ConfigNode[] {
  // The intended list reuses the reference's nodes, as the two trees of a pair do.
  const out = [...reference];
  for (const at of e.removed) if (out.length > 0) out.splice(at % out.length, 1);
  e.added.forEach(([at, text], k) => out.splice(at % (out.length + 1), 0, node(`${text} ${k}`)));
  for (const [from, to] of e.moves) {
    if (out.length === 0) break;
    const [moved] = out.splice(from % out.length, 1);
    out.splice(to % (out.length + 1), 0, moved as ConfigNode);
  }
  if (e.shuffle) {
    let state = e.seed;
    for (let k = out.length - 1; k > 0; k--) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      const j = state % (k + 1);
      [out[k], out[j]] = [out[j] as ConfigNode, out[k] as ConfigNode];
    }
  }
  return out;
}

describe('alignToReference on one unordered level', () => {
  it('orders as its rule says, with and without the shortcut for lists already in order', () => {
    fc.assert(
      fc.property(level, edits, (texts, e) => {
        const reference = texts.map(node);
        const intended = intendedFrom(reference, e);
        const aligned = alignToReference({ children: intended }, { children: reference }, unordered, group).children;
        expect(aligned.map((n) => n.text)).toEqual(oracle(intended, reference));
      }),
      { numRuns: 500 },
    );
  });
});
