import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { JobLog, type StoredLogEntry } from '../../src/store/job-log.js';
import type { LogEntry, LogLevel } from '../../src/store/types.js';

let db: ReturnType<typeof openDatabase>;
let log: JobLog;
beforeEach(() => {
  db = openDatabase(':memory:');
  log = new JobLog(db);
});
afterEach(() => db.close());

const time = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute, 0)).toISOString();
const entry = (minute: number, level: LogLevel, category: string, more: Partial<LogEntry> = {}): LogEntry => ({
  time: time(minute),
  level,
  category,
  message: `${category} ${level} at ${minute}`,
  ...more,
});

/** A deployment on two devices, and a scheduled backup job in between. */
function seed(): number[] {
  return [
    entry(0, 'info', 'deploy', { deployment: 'd-1', message: 'deployment started' }),
    entry(1, 'debug', 'device', { deployment: 'd-1', device: 'r1', message: 'connected' }),
    entry(2, 'info', 'backup', { job: 'backup-nightly', device: 'r3' }),
    entry(3, 'warn', 'verify', { deployment: 'd-1', device: 'r1', details: { failing: ['Gi0/1'], attempts: 3 } }),
    entry(4, 'error', 'rollback', { deployment: 'd-1', device: 'r2' }),
    entry(5, 'info', 'deploy', { deployment: 'd-1', message: 'deployment finished' }),
  ].map((e) => log.append(e));
}

const ids = (entries: StoredLogEntry[]) => entries.map((e) => e.id);

describe('JobLog', () => {
  it('appends with increasing ids and reads entries back whole, details as JSON', () => {
    const appended = seed();
    expect(appended).toEqual([...appended].sort((a, b) => a - b));
    const all = log.query();
    expect(ids(all)).toEqual(appended);
    expect(all[3]).toEqual({ id: appended[3], ...entry(3, 'warn', 'verify', { deployment: 'd-1', device: 'r1', details: { failing: ['Gi0/1'], attempts: 3 } }) });
    // Absent fields stay absent, not null.
    expect(all[0]).toEqual({ id: appended[0], time: time(0), level: 'info', category: 'deploy', deployment: 'd-1', message: 'deployment started' });
  });

  it('filters by deployment, job, device and category', () => {
    const [, debug, backup, warn, error] = seed();
    expect(log.query({ deployment: 'd-1' })).toHaveLength(5);
    expect(ids(log.query({ job: 'backup-nightly' }))).toEqual([backup]);
    expect(ids(log.query({ device: 'r1' }))).toEqual([debug, warn]);
    expect(ids(log.query({ category: 'rollback' }))).toEqual([error]);
    expect(ids(log.query({ deployment: 'd-1', device: 'r2' }))).toEqual([error]);
    expect(log.query({ deployment: 'd-2' })).toEqual([]);
  });

  it('reads a level as that level and above', () => {
    seed();
    const levels = (level: LogLevel) => log.query({ level }).map((e) => e.level);
    expect(levels('debug')).toHaveLength(6);
    expect(levels('info')).toEqual(['info', 'info', 'warn', 'error', 'info']);
    expect(levels('warn')).toEqual(['warn', 'error']);
    expect(levels('error')).toEqual(['error']);
  });

  it('filters by time, both ends inclusive', () => {
    const appended = seed();
    expect(ids(log.query({ since: time(2), until: time(4) }))).toEqual(appended.slice(2, 5));
    expect(ids(log.query({ since: time(5) }))).toEqual(appended.slice(5));
    expect(ids(log.query({ until: time(0) }))).toEqual(appended.slice(0, 1));
  });

  it('pages with limit and offset, oldest first', () => {
    const appended = seed();
    expect(ids(log.query({ limit: 2 }))).toEqual(appended.slice(0, 2));
    expect(ids(log.query({ limit: 2, offset: 2 }))).toEqual(appended.slice(2, 4));
    expect(ids(log.query({ offset: 4 }))).toEqual(appended.slice(4));
    expect(ids(log.query({ deployment: 'd-1', level: 'info', limit: 2, offset: 1 }))).toEqual([appended[3], appended[4]]);
  });

  it('follows with afterId: only entries newer than the last one seen', () => {
    const appended = seed();
    const last = appended[3] as number;
    expect(ids(log.query({ afterId: last }))).toEqual(appended.slice(4));
    const next = log.append(entry(6, 'info', 'deploy', { deployment: 'd-1' }));
    expect(ids(log.query({ afterId: appended[5], deployment: 'd-1' }))).toEqual([next]);
    expect(log.query({ afterId: next })).toEqual([]);
  });

  it('counts by level and category, under the same filters, ignoring paging', () => {
    seed();
    expect(log.stats()).toEqual({
      total: 6,
      byLevel: { debug: 1, info: 3, warn: 1, error: 1 },
      byCategory: { deploy: 2, device: 1, backup: 1, verify: 1, rollback: 1 },
    });
    expect(log.stats({ deployment: 'd-1', level: 'warn', limit: 1 })).toEqual({
      total: 2,
      byLevel: { debug: 0, info: 0, warn: 1, error: 1 },
      byCategory: { verify: 1, rollback: 1 },
    });
    expect(log.stats({ job: 'none' })).toEqual({ total: 0, byLevel: { debug: 0, info: 0, warn: 0, error: 0 }, byCategory: {} });
  });

  it('tells listeners of each entry as it is stored, until they unsubscribe', () => {
    const seen: StoredLogEntry[] = [];
    const unsubscribe = log.onAppend((e) => seen.push(e));
    const id = log.append(entry(0, 'info', 'deploy', { deployment: 'd-1' }));
    expect(seen).toEqual([{ id, ...entry(0, 'info', 'deploy', { deployment: 'd-1' }) }]);
    unsubscribe();
    log.append(entry(1, 'info', 'deploy'));
    expect(seen).toHaveLength(1);
  });

  it('keeps appending when a listener throws', () => {
    const seen: number[] = [];
    log.onAppend(() => {
      throw new Error('stream closed');
    });
    log.onAppend((e) => seen.push(e.id));
    const id = log.append(entry(0, 'error', 'http'));
    expect(seen).toEqual([id]);
    expect(log.query()).toHaveLength(1);
  });

  it('rejects an unknown level rather than storing it unranked', () => {
    expect(() => log.append({ ...entry(0, 'info', 'x'), level: 'fatal' as LogLevel })).toThrow(/Unknown log level/);
  });
});
