import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newPlanId, Plans } from '../../src/store/plans.js';
import { openStore, type Store } from '../../src/store/store.js';

let store: Store;
let clock: Date;
let plans: Plans;
beforeEach(() => {
  store = openStore(':memory:');
  clock = new Date(Date.UTC(2026, 10, 23, 9, 0, 0));
  plans = new Plans(store.db, () => clock);
});
afterEach(() => store.close());

const at = (minute: number) => (clock = new Date(Date.UTC(2026, 10, 23, 9, minute, 0)));
const planBody = { devices: [{ name: 'r1', commands: ['interface Gi0/1', ' description up'] }], source: 'configs/' };

describe('plan ids', () => {
  it('are p-<UTC timestamp>-<4 hex>, and sort by time', () => {
    expect(newPlanId(new Date(Date.UTC(2026, 10, 23, 9, 0, 0)))).toMatch(/^p-20261123T090000-[0-9a-f]{4}$/);
    const ids = [at(5), at(1), at(30)].map((d) => newPlanId(d));
    expect([...ids].sort()).toEqual([ids[1], ids[0], ids[2]]);
    expect(newPlanId()).toMatch(/^p-\d{8}T\d{6}-[0-9a-f]{4}$/);
  });

  it('never repeat when saved within one second', () => {
    const ids = new Set(Array.from({ length: 200 }, () => plans.save({ actor: 'api:a', plan: {} }).id));
    expect(ids.size).toBe(200);
  });
});

describe('Plans', () => {
  it('saves a plan and reads it back, JSON intact', () => {
    const saved = plans.save({ actor: 'api:alice', plan: planBody });
    expect(saved).toEqual({ id: expect.stringMatching(/^p-20261123T090000-[0-9a-f]{4}$/) as unknown, createdAt: clock.toISOString(), actor: 'api:alice', plan: planBody });
    expect(plans.get(saved.id)).toEqual(saved);
    expect(plans.get('p-nope')).toBeUndefined();
  });

  it('keeps a given id, and refuses to overwrite it', () => {
    expect(plans.save({ id: 'p-custom', actor: 'a', plan: null }).id).toBe('p-custom');
    expect(plans.get('p-custom')?.plan).toBeNull();
    expect(() => plans.save({ id: 'p-custom', actor: 'b', plan: { other: true } })).toThrow(/UNIQUE|PRIMARY/i);
    expect(plans.get('p-custom')).toMatchObject({ actor: 'a', plan: null });
  });

  it('lists newest first without plan bodies, up to the limit (100 by default)', () => {
    const ids = [3, 1, 2].map((minute) => (at(minute), plans.save({ actor: `a${minute}`, plan: planBody }).id));
    const listed = plans.list();
    expect(listed.map((p) => p.id)).toEqual([ids[0], ids[2], ids[1]]);
    expect(listed[0]).toEqual({ id: ids[0], createdAt: at(3).toISOString(), actor: 'a3' });
    expect(plans.list(2).map((p) => p.id)).toEqual([ids[0], ids[2]]);
    at(10);
    for (let i = 0; i < 105; i++) plans.save({ actor: 'bulk', plan: {} });
    expect(plans.list()).toHaveLength(100);
  });

  it('lists plans saved in the same instant in reverse save order', () => {
    const ids = [0, 1, 2].map(() => plans.save({ actor: 'a', plan: {} }).id);
    expect(plans.list().map((p) => p.id)).toEqual(ids.reverse());
  });

  it('prunes all but the newest `keep`, by time and not by id or save order', () => {
    // Saved out of time order, with ids that sort the other way round.
    const byMinute = new Map<number, string>();
    for (const [minute, id] of [[4, 'p-a'], [1, 'p-z'], [3, 'p-b'], [2, 'p-y']] as const) {
      at(minute);
      byMinute.set(minute, plans.save({ id, actor: 'a', plan: {} }).id);
    }
    expect(plans.prune(2)).toBe(2);
    expect(plans.list().map((p) => p.id)).toEqual([byMinute.get(4), byMinute.get(3)]);
    expect(plans.get('p-z')).toBeUndefined();
    expect(plans.get('p-y')).toBeUndefined();
    expect(plans.prune(2)).toBe(0);
    expect(plans.prune(5)).toBe(0);
    expect(plans.prune(0)).toBe(2);
    expect(plans.list()).toEqual([]);
  });

  it('refuses a negative or fractional keep instead of deleting everything or nothing', () => {
    plans.save({ actor: 'a', plan: {} });
    expect(() => plans.prune(-1)).toThrow(RangeError);
    expect(() => plans.prune(1.5)).toThrow(RangeError);
    expect(plans.list()).toHaveLength(1);
  });

  it('is wired into openStore', () => {
    const saved = store.plans.save({ actor: 'a', plan: [1, 2] });
    expect(store.plans.get(saved.id)?.plan).toEqual([1, 2]);
  });
});

describe('Plans on a file database', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'catnet-plans-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps plans after close and reopen', () => {
    const first = openStore(dir);
    const saved = first.plans.save({ actor: 'api:alice', plan: planBody });
    first.close();
    const again = openStore(dir);
    expect(again.plans.get(saved.id)).toEqual(saved);
    expect(again.plans.list().map((p) => p.id)).toEqual([saved.id]);
    again.close();
  });
});
