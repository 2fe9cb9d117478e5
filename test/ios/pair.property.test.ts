// Planning a pair shares the blocks written the same on both sides (pair.ts): parsed once,
// normalised once, passed over by remediate. Property: that gives exactly what preparing the
// two configs separately gives — trees, commands and the diff's changes — or exactly the same
// error. (The diff shows such blocks as written: text-diff.property.test.ts.)

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planConfig, planTrees, preparePair, prepareConfig, serializeConfig, type PlanOptions } from '../../src/ios/index.js';
import { blockEdit as edit, editedPair } from './block-edits.js';

const OPTIONS: PlanOptions[] = [
  {},
  { ignoreVersion: true, ignore: [{ match: /^description /, within: /^interface / }] },
  { ignore: [{ match: /^ntp / }] },
];

function separately(running: string, intended: string, options: PlanOptions) {
  const r = prepareConfig(running, options.runningSource, options);
  const i = prepareConfig(intended, options.intendedSource, options);
  const plan = planTrees(r, i, options);
  return { running: serializeConfig(r), intended: serializeConfig(i), commands: plan.commands, changes: changedLines(plan.diff) };
}

function together(running: string, intended: string, options: PlanOptions) {
  const plan = planConfig(running, intended, options);
  const commands = plan.commands; // read before the diff, which normalises some shared blocks
  const changes = changedLines(plan.diff);
  const pair = preparePair(running, intended, options);
  return { running: serializeConfig(pair.running), intended: serializeConfig(pair.intended), commands, changes };
}

/** The removed and added lines of a diff, in order: not its context lines or hunk headers. */
function changedLines(diff: string): string[] {
  return diff
    .split('\n')
    .slice(2) // the --- and +++ lines
    .filter((line) => line.startsWith('-') || line.startsWith('+'));
}

function outcome<T>(fn: () => T): T | { error: string } {
  try {
    return fn();
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function property(targetLines: number) {
  return fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 6 }), fc.array(edit, { maxLength: 8 }), fc.nat(), (seed, modelEdits, edits, o) => {
    const { running: r, intended: i } = editedPair(seed, modelEdits, edits, targetLines);
    const options = { ...(OPTIONS[o % OPTIONS.length] as PlanOptions), runningSource: 'r.cfg', intendedSource: 'i.cfg' };
    expect(outcome(() => together(r, i, options))).toEqual(outcome(() => separately(r, i, options)));
  });
}

describe('planning a pair with shared blocks', () => {
  it('gives the trees, commands and diff of preparing each config on its own', () => {
    fc.assert(property(300), { numRuns: 200 });
  });

  // Long top levels: shared nodes are matched by identity there (align.ts matchIndex), and the
  // diff's runs of shared nodes are long, with hunks between and inside them.
  it('does so on configs of ~3k lines too', () => {
    fc.assert(property(3000), { numRuns: 25 });
  });
});
