// The text diff stands for a block the two trees of a pair share (see pair.ts) by its line
// count, and makes its lines only where a hunk shows them. Property: the diff is exactly the one
// made with every line expanded — the same trees deep-copied, so that no node is shared. A
// shared block not normalised under its header counts and shows its lines as written.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preparePair, type PlanOptions } from '../../src/ios/index.js';
import { prepareSharedTrees } from '../../src/ios/pair.js';
import { isOrderedSection } from '../../src/ios/platform.js';
import { ciscoIos } from '../../src/ios/platforms/cisco-ios.js';
import { unifiedDiff, type UnifiedDiffOptions } from '../../src/ios/text-diff.js';
import type { ConfigNode, ConfigTree } from '../../src/ios/types.js';
import { blockEdit as edit, editedPair } from './block-edits.js';

const OPTIONS: PlanOptions[] = [{}, { ignoreVersion: true, ignore: [{ match: /^description /, within: /^interface / }] }];

const diffOptions = (context: number): UnifiedDiffOptions => ({
  runningLabel: 'r.cfg',
  intendedLabel: 'i.cfg',
  context,
  isOrdered: (header) => isOrderedSection(ciscoIos, header),
  orderedGroup: (text) => (text.startsWith('access-list ') ? text.split(' ', 2)[1] : undefined),
});

/** Counts the top-level nodes the two trees share: the property is empty without them. */
function sharedCount(a: ConfigTree, b: ConfigTree): number {
  const nodes = new Set<ConfigNode>(a.children);
  return b.children.filter((node) => nodes.has(node)).length;
}

/** A random edited pair (block-edits.ts), the options to prepare it with and the diff's context size. */
interface PairCase {
  running: string;
  intended: string;
  options: PlanOptions;
  context: number;
}

/** Runs `check` on random pairs the engine accepts (a refused config has no diff to compare). */
function forEachPair(check: (pair: PairCase) => void): void {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.integer({ min: 0, max: 6 }),
      fc.array(edit, { maxLength: 8 }),
      fc.nat(),
      fc.integer({ min: 0, max: 5 }),
      (seed, modelEdits, edits, o, context) => {
        const texts = editedPair(seed, modelEdits, edits, 300);
        const options = OPTIONS[o % OPTIONS.length] as PlanOptions;
        try {
          preparePair(texts.running, texts.intended, options);
        } catch {
          return;
        }
        check({ ...texts, options, context });
      },
    ),
    { numRuns: 200 },
  );
}

describe('text diff of a pair with shared blocks', () => {
  it('is the diff of the same trees with every line expanded', () => {
    let shared = 0;
    forEachPair(({ running, intended, options: planOptions, context }) => {
      const pair = preparePair(running, intended, planOptions);
      shared += sharedCount(pair.running, pair.intended);
      // One clone each: a single structuredClone would keep the sharing.
      const expanded = { running: structuredClone(pair.running), intended: structuredClone(pair.intended) };
      expect(sharedCount(expanded.running, expanded.intended)).toBe(0);
      const options = diffOptions(context);
      expect(unifiedDiff(pair.running, pair.intended, options)).toBe(unifiedDiff(expanded.running, expanded.intended, options));
    });
    expect(shared).toBeGreaterThan(0);
  });

  it('shows a block written the same in both configs as written, and counts its lines so', () => {
    let written = 0;
    forEachPair(({ running, intended, options: planOptions, context }) => {
      const trees = prepareSharedTrees(running, intended, {}, { ...planOptions, inPlace: true });
      const options = diffOptions(context);
      const diff = unifiedDiff(trees.running, trees.intended, { ...options, shared: trees.shared });
      // After the diff: the blocks it compared are normalised by then, and shown so.
      const asWritten = (tree: ConfigTree): ConfigTree => ({
        children: tree.children.map((node) => {
          const under = trees.shared.written(node);
          if (under) written++;
          return under ? { ...node, children: under.parse() } : structuredClone(node);
        }),
      });
      const expanded = { running: asWritten(trees.running), intended: asWritten(trees.intended) };
      expect(sharedCount(expanded.running, expanded.intended)).toBe(0);
      expect(diff).toBe(unifiedDiff(expanded.running, expanded.intended, options));
    });
    expect(written).toBeGreaterThan(0);
  });

  it('shows the lines of a shared banner, certificate or section that a hunk reaches into', () => {
    const n = (text: string, ...children: ConfigNode[]): ConfigNode => ({ text, line: 0, children });
    const banner: ConfigNode = { text: 'banner motd', line: 0, children: [], body: 'line one\nline two\nline three' };
    const cert: ConfigNode = n('crypto pki certificate chain TP', { text: 'certificate 01', line: 0, children: [], body: 'AB CD\nEF 01' });
    const section = n('interface GigabitEthernet1', n('description x'), n('shutdown'), n('router ospf 1', n('a'), n('b')));
    const common = [banner, cert, section];
    for (let at = 0; at <= common.length; at++) {
      const running: ConfigTree = { children: [...common.slice(0, at), n('hostname old'), ...common.slice(at)] };
      const intended: ConfigTree = { children: [...common.slice(0, at), n('hostname new'), ...common.slice(at)] };
      for (let context = 0; context <= 6; context++) {
        const options = diffOptions(context);
        expect(unifiedDiff(running, intended, options)).toBe(unifiedDiff(structuredClone(running), structuredClone(intended), options));
      }
    }
  });
});
