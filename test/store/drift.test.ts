import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DriftStore, type DriftStatus } from '../../src/store/drift.js';
import { openStore, type Store } from '../../src/store/store.js';

let store: Store;
let clock: Date;
let drift: DriftStore;
beforeEach(() => {
  store = openStore(':memory:');
  clock = new Date(Date.UTC(2026, 10, 23, 9, 0, 0));
  drift = new DriftStore(store.db, () => clock);
});
afterEach(() => store.close());

const at = (minute: number) => {
  clock = new Date(Date.UTC(2026, 10, 23, 9, minute, 0));
  return clock.toISOString();
};
const lines = ['interface Gi0/1', ' description up'];

describe('DriftStore.record', () => {
  it('records an in-sync device: 0 commands, no lines, since null', () => {
    const t = at(0);
    const result = drift.record('r1', { status: 'in_sync', lines: [] });
    expect(result).toEqual({ device: 'r1', status: 'in_sync', commands: 0, lines: [], since: null, checkedAt: t, newlyDrifted: false });
    const { newlyDrifted: _n, ...stored } = result;
    expect(drift.get('r1')).toEqual(stored);
  });

  it('marks a first drift as newly drifted, with since = this check and commands = lines.length', () => {
    const t = at(0);
    const result = drift.record('r1', { status: 'drifted', lines });
    expect(result).toEqual({ device: 'r1', status: 'drifted', commands: 2, lines, since: t, checkedAt: t, newlyDrifted: true });
  });

  it('keeps since while the device stays drifted, and is newly drifted only once', () => {
    const first = at(0);
    drift.record('r1', { status: 'in_sync', lines: [] });
    at(10);
    expect(drift.record('r1', { status: 'drifted', lines }).newlyDrifted).toBe(true);
    const since = clock.toISOString();
    const t = at(20);
    const again = drift.record('r1', { status: 'drifted', lines: ['hostname r1-new'] });
    expect(again).toEqual({ device: 'r1', status: 'drifted', commands: 1, lines: ['hostname r1-new'], since, checkedAt: t, newlyDrifted: false });
    expect(since).not.toBe(first);
  });

  it('resets since on in_sync, and a later drift is newly drifted again with a new since', () => {
    at(0);
    drift.record('r1', { status: 'drifted', lines });
    at(5);
    expect(drift.record('r1', { status: 'in_sync', lines: [] })).toMatchObject({ since: null, commands: 0, lines: [], newlyDrifted: false });
    const t = at(9);
    expect(drift.record('r1', { status: 'drifted', lines })).toMatchObject({ since: t, newlyDrifted: true });
  });

  it('on error keeps the previous since, lines and commands, and a drift after it is not new', () => {
    const since = at(0);
    drift.record('r1', { status: 'drifted', lines });
    const t = at(5);
    const failed = drift.record('r1', { status: 'error', lines: [], error: 'ssh timeout' });
    expect(failed).toEqual({ device: 'r1', status: 'error', commands: 2, lines, since, checkedAt: t, error: 'ssh timeout', newlyDrifted: false });
    expect(drift.get('r1')?.error).toBe('ssh timeout');
    at(10);
    expect(drift.record('r1', { status: 'drifted', lines })).toMatchObject({ since, newlyDrifted: false });
    // The error is cleared once a check succeeds.
    expect(drift.get('r1')).not.toHaveProperty('error');
  });

  it('an error without since (first check, or after in_sync) then a drift is newly drifted', () => {
    at(0);
    expect(drift.record('r1', { status: 'error', lines: ['ignored'], error: 'auth failed' })).toEqual({
      device: 'r1', status: 'error', commands: 0, lines: [], since: null, checkedAt: clock.toISOString(), error: 'auth failed', newlyDrifted: false,
    });
    let t = at(1);
    expect(drift.record('r1', { status: 'drifted', lines })).toMatchObject({ since: t, newlyDrifted: true });

    drift.record('r2', { status: 'in_sync', lines: [] });
    drift.record('r2', { status: 'error', lines: [] });
    expect(drift.get('r2')).toEqual({ device: 'r2', status: 'error', commands: 0, lines: [], since: null, checkedAt: t });
    t = at(2);
    expect(drift.record('r2', { status: 'drifted', lines })).toMatchObject({ since: t, newlyDrifted: true });
  });

  it('refuses an unknown status', () => {
    expect(() => drift.record('r1', { status: 'weird' as DriftStatus, lines: [] })).toThrow(/unknown drift status/);
    expect(drift.get('r1')).toBeUndefined();
  });
});

describe('DriftStore reading and removing', () => {
  it('answers undefined for an unknown device', () => {
    expect(drift.get('nope')).toBeUndefined();
  });

  it('lists devices sorted by name', () => {
    drift.record('sw2', { status: 'in_sync', lines: [] });
    drift.record('r1', { status: 'drifted', lines });
    drift.record('core1', { status: 'error', lines: [], error: 'x' });
    expect(drift.list().map((d) => [d.device, d.status])).toEqual([['core1', 'error'], ['r1', 'drifted'], ['sw2', 'in_sync']]);
    expect(drift.list()[1]).not.toHaveProperty('newlyDrifted');
  });

  it('removes a device, false when there is none, and its next drift is new', () => {
    drift.record('r1', { status: 'drifted', lines });
    expect(drift.remove('r1')).toBe(true);
    expect(drift.remove('r1')).toBe(false);
    expect(drift.get('r1')).toBeUndefined();
    expect(drift.record('r1', { status: 'drifted', lines }).newlyDrifted).toBe(true);
  });

  it('is wired into openStore', () => {
    expect(store.drift.record('r1', { status: 'drifted', lines }).newlyDrifted).toBe(true);
    expect(store.drift.list()).toHaveLength(1);
  });
});

describe('DriftStore on a file database', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'catnet-drift-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps drift, including since, after close and reopen', () => {
    const first = openStore(dir);
    const recorded = first.drift.record('r1', { status: 'drifted', lines });
    first.close();
    const again = openStore(dir);
    const { newlyDrifted: _n, ...stored } = recorded;
    expect(again.drift.get('r1')).toEqual(stored);
    expect(again.drift.record('r1', { status: 'drifted', lines }).newlyDrifted).toBe(false);
    again.close();
  });
});
