// Text-level edits of whole top-level blocks, for the tests of planning a pair (pair.ts): they
// produce what the shared-block path must get right — identical blocks among changed ones,
// duplicates, moves, reordered numbered ACL lines, prefix-list entries numbered by context,
// top-level `exit` lines, comments and terminators in odd places, abbreviated headers, lines
// that go on where the other side's end.

import fc from 'fast-check';
import { generateDeviceModel } from '../../src/lab/generate/device-model.js';
import { mutateModel } from '../../src/lab/generate/mutate-model.js';
import { createRandom } from '../../src/lab/generate/random.js';
import { renderIntendedConfig, renderRunningConfig } from '../../src/lab/generate/render-model.js';

export const EDITS = [
  'edit', 'delete', 'duplicate', 'split', 'move', 'swapAcl', 'autoPrefix', 'exitContinue',
  'comment', 'terminator', 'abbreviate', 'namedNumbered', 'extendLine',
] as const;

export type EditKind = (typeof EDITS)[number];

export interface BlockEdit {
  kind: EditKind;
  /** Picks the block(s) the edit works on: taken modulo the number of candidates. */
  a: number;
  b: number;
}

/** Top-level blocks of a config text, each with the comment lines that follow it. */
export function splitBlocks(text: string): string[][] {
  const blocks: string[][] = [[]];
  let inBanner = false;
  for (const line of text.split('\n')) {
    const starts = !inBanner && line !== '' && !/^[\s!]/.test(line);
    if (starts) blocks.push([line]);
    else (blocks[blocks.length - 1] as string[]).push(line);
    if (starts && line.startsWith('banner ') && (line.match(/\^C/g) ?? []).length < 2) inBanner = true;
    else if (inBanner && !starts && line.includes('^C')) inBanner = false;
  }
  return blocks;
}

export function joinBlocks(blocks: string[][]): string {
  return blocks.map((lines) => lines.join('\n')).join('\n');
}

/** Blocks from 1 on: block 0 holds what comes before the first top-level line. */
function pick<T>(list: T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

export function applyEdit(blocks: string[][], edit: BlockEdit): void {
  const indexes = blocks.map((_, k) => k).slice(1);
  const withChildren = indexes.filter((k) => (blocks[k] as string[]).some((l) => /^ \S/.test(l)));
  const at = pick(indexes, edit.a);
  const to = pick(indexes, edit.b) ?? 1;
  if (at === undefined) return;
  const block = blocks[at] as string[];
  switch (edit.kind) {
    case 'edit': {
      const k = pick(withChildren, edit.a);
      if (k !== undefined) (blocks[k] as string[]).splice(1, 0, ` description edited ${edit.b}`);
      return;
    }
    case 'delete':
      blocks.splice(at, 1);
      return;
    case 'duplicate':
      blocks.splice(to, 0, [...block]);
      return;
    case 'split':
      blocks.splice(to, 0, [block[0] as string, ` description second part ${edit.b}`]);
      return;
    case 'move':
      blocks.splice(at, 1);
      blocks.splice(Math.min(to, blocks.length), 0, block);
      return;
    case 'swapAcl': {
      const acl = indexes.filter((k) => blocks[k]?.[0]?.startsWith('access-list ') && blocks[k + 1]?.[0]?.startsWith('access-list '));
      const k = pick(acl, edit.a);
      if (k !== undefined) blocks.splice(k, 2, blocks[k + 1] as string[], blocks[k] as string[]);
      return;
    }
    case 'autoPrefix': {
      const lists = indexes.filter((k) => blocks[k]?.[0]?.startsWith('ip prefix-list '));
      const k = pick(lists, edit.a);
      const name = k === undefined ? 'PL-TEST' : (blocks[k]?.[0]?.split(' ')[2] as string);
      blocks.splice(k ?? to, 0, [`ip prefix-list ${name} permit 10.${edit.b % 250}.0.0/16`]);
      return;
    }
    case 'exitContinue': {
      const k = pick(withChildren, edit.a);
      if (k !== undefined) (blocks[k] as string[]).push('exit', ` description after exit ${edit.b}`);
      return;
    }
    case 'comment':
      block.splice(1 + (edit.b % block.length), 0, edit.b % 3 === 0 ? '' : edit.b % 3 === 1 ? '!' : ' !');
      return;
    case 'terminator': {
      const k = pick(withChildren, edit.a);
      if (k !== undefined) (blocks[k] as string[]).push(' exit');
      return;
    }
    case 'abbreviate': {
      const interfaces = indexes.filter((k) => blocks[k]?.[0]?.startsWith('interface GigabitEthernet'));
      const k = pick(interfaces, edit.a);
      if (k === undefined) return;
      const [header, ...rest] = blocks[k] as string[];
      blocks.splice(to, 0, [(header as string).replace('interface GigabitEthernet', 'int Gi'), ...rest]);
      return;
    }
    case 'extendLine': {
      // More words at the end of a block's last line: the same text up to there.
      const k = block.length - 1 - [...block].reverse().findIndex((l) => /\S/.test(l) && !l.trimStart().startsWith('!'));
      if (k < block.length) block[k] += ` extra${edit.b % 10}`;
      return;
    }
    case 'namedNumbered':
      blocks.splice(to, 0, ['ip access-list standard 7', ` permit 10.7.${edit.b % 250}.1`, ' deny any']);
      return;
  }
}

/** A random block edit and the side(s) it applies to, for the pair property tests. */
export const blockEdit: fc.Arbitrary<BlockEdit & { side: 'running' | 'intended' | 'both' }> = fc.record({
  kind: fc.constantFrom(...EDITS),
  side: fc.constantFrom('running' as const, 'intended' as const, 'both' as const),
  a: fc.nat(),
  b: fc.nat(),
});

/**
 * A running config generated from `seed` (~`targetLines` lines) and an intended one from the
 * same model after `modelEdits` changes, written plain or as people write it; then `edits`
 * applied to the side each names.
 */
export function editedPair(seed: number, modelEdits: number, edits: Array<BlockEdit & { side: 'running' | 'intended' | 'both' }>, targetLines: number): { running: string; intended: string } {
  const model = generateDeviceModel({ hostname: `r${seed % 5}`, seed, targetLines });
  const running = splitBlocks(renderRunningConfig(model));
  const style = seed % 2 === 0 ? 'plain' : 'human';
  const intended = splitBlocks(renderIntendedConfig(mutateModel(model, createRandom(seed ^ 0x5eed), modelEdits).model, { style }));
  for (const e of edits) {
    if (e.side !== 'intended') applyEdit(running, e);
    if (e.side !== 'running') applyEdit(intended, e);
  }
  return { running: joinBlocks(running), intended: joinBlocks(intended) };
}
