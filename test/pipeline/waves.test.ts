import { describe, expect, it } from 'vitest';
import { parseBatchSize, planWaves } from '../../src/pipeline/waves.js';

const names = (n: number, prefix = 'r'): { name: string }[] => Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i + 1}` }));

describe('planWaves', () => {
  it('puts the whole fleet in one wave "all" when no item has a label', () => {
    expect(planWaves(names(3), {})).toEqual([{ name: 'all', devices: ['r1', 'r2', 'r3'] }]);
    expect(planWaves([], {})).toEqual([]);
  });

  it('groups by label in natural order, non-numeric labels after, unlabelled last, input order inside', () => {
    const items = [
      { name: 'a', wave: '10' },
      { name: 'b' },
      { name: 'c', wave: 'core' },
      { name: 'd', wave: '2' },
      { name: 'e', wave: 'edge' },
      { name: 'f', wave: '1' },
      { name: 'g', wave: '2' },
      { name: 'h' },
    ];
    expect(planWaves(items, {})).toEqual([
      { name: '1', devices: ['f'] },
      { name: '2', devices: ['d', 'g'] },
      { name: '10', devices: ['a'] },
      { name: 'core', devices: ['c'] },
      { name: 'edge', devices: ['e'] },
      { name: 'unlabelled', devices: ['b', 'h'] },
    ]);
  });

  it('takes the canary from the first wave and drops a wave it empties', () => {
    const items = [
      { name: 'a', wave: '1' },
      { name: 'b', wave: '1' },
      { name: 'c', wave: '2' },
    ];
    expect(planWaves(items, { canary: 1 })).toEqual([
      { name: 'canary', devices: ['a'] },
      { name: '1', devices: ['b'] },
      { name: '2', devices: ['c'] },
    ]);
    expect(planWaves(items, { canary: 2 }).map((w) => w.name)).toEqual(['canary', '2']);
    expect(planWaves(items, { canary: 0 }).map((w) => w.name)).toEqual(['1', '2']);
  });

  it('splits every wave into batches of N devices, but not the canary', () => {
    expect(planWaves(names(6), { canary: 1, batchSize: '2' })).toEqual([
      { name: 'canary', devices: ['r1'] },
      { name: 'all batch 1/3', devices: ['r2', 'r3'] },
      { name: 'all batch 2/3', devices: ['r4', 'r5'] },
      { name: 'all batch 3/3', devices: ['r6'] },
    ]);
  });

  it('sizes a percentage batch on the whole fleet, rounded up, at least 1', () => {
    const items = [...names(3, 'a').map((i) => ({ ...i, wave: '1' })), ...names(7, 'b').map((i) => ({ ...i, wave: '2' }))];
    // 25% of 10 devices = 2.5 → 3 per batch, in every wave.
    expect(planWaves(items, { batchSize: '25%' })).toEqual([
      { name: '1 batch 1/1', devices: ['a1', 'a2', 'a3'] },
      { name: '2 batch 1/3', devices: ['b1', 'b2', 'b3'] },
      { name: '2 batch 2/3', devices: ['b4', 'b5', 'b6'] },
      { name: '2 batch 3/3', devices: ['b7'] },
    ]);
    expect(parseBatchSize('1%', 10)).toBe(1);
    expect(parseBatchSize('100%', 10)).toBe(10);
    expect(parseBatchSize(null, 10)).toBeUndefined();
  });

  it.each(['0', 'abc', '150%', '0%', '-2', '1.5', ''])('rejects batch size %j', (batchSize) => {
    expect(() => planWaves(names(3), { batchSize })).toThrow(/invalid batch size/);
  });

  it('rejects a bad canary count and duplicate device names', () => {
    expect(() => planWaves(names(3), { canary: -1 })).toThrow(/invalid canary/);
    expect(() => planWaves([{ name: 'a' }, { name: 'a' }], {})).toThrow(/more than once/);
  });
});
