import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expiredBackups } from '../../src/store/backup-retention.js';
import { BackupStore, type BackupStoreOptions } from '../../src/store/backups.js';

const DAY = 24 * 60 * 60 * 1000;

/** A store with one backup per day from 2026-11-01, each a different config. */
async function storeWithDays(days: number, options: BackupStoreOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'catnet-retention-'));
  let now = new Date('2026-11-01T00:00:00Z');
  const store = new BackupStore(dir, { ...options, now: () => now });
  for (let d = 0; d < days; d++) {
    now = new Date(Date.parse('2026-11-01T00:00:00Z') + d * DAY);
    await store.save({ device: 'r1', config: `hostname r1\nsnmp-server location day-${d}\nend\n`, reason: 'scheduled', trigger: 'cron' });
  }
  return { dir, store, setNow: (date: Date) => (now = date) };
}

describe('backup retention', () => {
  it('keep_last keeps the newest N, files and metadata', async () => {
    const { dir, store } = await storeWithDays(5, { keepLast: 2 });
    expect(store.list('r1').map((b) => b.id)).toEqual(['r1/20261105T000000Z', 'r1/20261104T000000Z']);
    expect(readdirSync(join(dir, 'r1')).sort()).toEqual(['20261104T000000Z.cfg', '20261104T000000Z.json', '20261105T000000Z.cfg', '20261105T000000Z.json']);
  });

  it('max_age_days deletes older backups', async () => {
    const { store } = await storeWithDays(5, { maxAgeDays: 2 });
    expect(store.list('r1').map((b) => b.takenAt)).toEqual(['2026-11-05T00:00:00.000Z', '2026-11-04T00:00:00.000Z', '2026-11-03T00:00:00.000Z']);
  });

  it('never deletes the latest backup, however old or however small keep_last', async () => {
    const { store, setNow } = await storeWithDays(2, { keepLast: 0, maxAgeDays: 1 });
    expect(store.list('r1')).toHaveLength(1);
    // Unchanged config a year later: nothing saved, nothing pruned.
    setNow(new Date('2027-11-01T00:00:00Z'));
    const again = await store.save({ device: 'r1', config: 'hostname r1\nsnmp-server location day-1\nend\n', reason: 'scheduled', trigger: 'cron' });
    expect(again.created).toBe(false);
    expect(store.list('r1').map((b) => b.id)).toEqual(['r1/20261102T000000Z']);
  });

  it('keeps everything without a policy', async () => {
    const { store } = await storeWithDays(4, { keepLast: null, maxAgeDays: null });
    expect(store.list('r1')).toHaveLength(4);
  });

  it('expiredBackups: the first entry is the latest and stays', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const list = [{ takenAt: '2020-01-01T00:00:00Z' }, { takenAt: '2019-01-01T00:00:00Z' }];
    expect(expiredBackups(list, { maxAgeDays: 30 }, now)).toEqual([list[1]]);
    expect(expiredBackups(list, { keepLast: 5, maxAgeDays: null }, now)).toEqual([]);
  });
});
