// The store on sql.js (the GitHub Action's SQLite): the same behaviours the better-sqlite3 tests
// check, and the adapter compared with better-sqlite3 itself where they must agree.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiDeviceExistsError } from '../../src/store/api-devices.js';
import { openDatabase, schemaVersion, setDatabaseDriver, type Db } from '../../src/store/database.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { SqlJsError, useSqlJsDatabases } from '../../src/store/sqljs-database.js';
import { openStore, type Store } from '../../src/store/store.js';
import type { DeviceResultRecord, LogEntry } from '../../src/store/types.js';
import { isDuplicateKey, UserExistsError } from '../../src/store/users.js';

beforeAll(() => useSqlJsDatabases());
afterAll(() => setDatabaseDriver());

let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => store.close());

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute, 0));
const create = (minute: number) => store.history.createDeployment({ actor: 'cli:alice', source: 'configs/', options: {}, plan: {}, createdAt: at(minute) });
const result = (deploymentId: string, device: string, patch: Partial<DeviceResultRecord> = {}): DeviceResultRecord => ({
  deploymentId,
  device,
  status: 'succeeded',
  commands: [],
  applied: [],
  checks: [],
  ...patch,
});
const logEntry = (minute: number, more: Partial<LogEntry> = {}): LogEntry => ({ time: at(minute).toISOString(), level: 'info', category: 'deploy', message: `m${minute}`, ...more });

describe('openStore on sql.js', () => {
  it('is not better-sqlite3, and is migrated to the latest schema with foreign keys on', () => {
    expect(store.db).not.toBeInstanceOf(Database);
    expect(schemaVersion(store.db)).toBe(SCHEMA_VERSION);
    expect(store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The file pragmas were skipped: nothing shares this database.
    expect(store.db.pragma('journal_mode', { simple: true })).not.toBe('wal');
  });

  it('applies migrations in version order, and none when one of them fails', () => {
    const v1 = { version: 1, sql: 'CREATE TABLE a (x INTEGER)' };
    const db = openDatabase(':memory:', { migrations: [{ version: 3, sql: 'ALTER TABLE a ADD COLUMN z INTEGER' }, v1, { version: 2, sql: 'ALTER TABLE a ADD COLUMN y INTEGER' }] });
    expect((db.prepare('PRAGMA table_info(a)').all() as { name: string }[]).map((c) => c.name)).toEqual(['x', 'y', 'z']);
    expect(schemaVersion(db)).toBe(3);
    db.close();
    expect(db.open).toBe(false);
    expect(() => openDatabase(':memory:', { migrations: [v1, { version: 2, sql: 'CREATE TABLE b (y); NOT SQL' }] })).toThrow(/syntax error/);
  });

  it('gives every open its own database (the path is ignored)', () => {
    store.users.add({ name: 'alice', role: 'admin', passwordHash: 'h' });
    const other = openStore('/nonexistent/state');
    expect(other.users.count()).toBe(0);
    other.close();
    other.close(); // twice is harmless
  });
});

describe('History on sql.js', () => {
  it('goes through a deployment’s lifecycle (named parameters) and lists with filters', () => {
    const created = store.history.createDeployment({ actor: 'cli:alice', source: 'github:o/r@abc', options: { canary: 'r1' }, plan: { devices: [] } });
    expect(store.history.getDeployment(created.id)).toEqual(created);
    const finished = store.history.updateDeployment(created.id, { status: 'succeeded', startedAt: at(1).toISOString(), finishedAt: at(2).toISOString(), summary: 'ok' });
    expect(finished).toEqual({ ...created, status: 'succeeded', startedAt: at(1).toISOString(), finishedAt: at(2).toISOString(), summary: 'ok' });
    expect(store.history.getDeployment('d-nope')).toBeUndefined();
    expect(store.history.updateDeployment('d-nope', { status: 'failed' })).toBeUndefined();

    const [a, b, c] = [1, 3, 2].map((minute) => create(minute).id) as [string, string, string];
    store.history.saveDeviceResult(result(a, 'r1'));
    store.history.saveDeviceResult(result(c, 'r1'));
    store.history.updateDeployment(c, { status: 'failed' });
    expect(store.history.listDeployments({ limit: 3 }).map((d) => d.id)).toEqual([created.id, b, c]);
    expect(store.history.listDeployments({ device: 'r1' }).map((d) => d.id)).toEqual([c, a]);
    expect(store.history.listDeployments({ status: 'failed' }).map((d) => d.id)).toEqual([c]);
  });

  it('round-trips device results, upserts them, and refuses one for an unknown deployment', () => {
    const d = create(1).id;
    const full = result(d, 'r2', { status: 'rolled_back', commands: ['interface Gi0/1'], error: 'ping failed', checks: [{ name: 'ping', ok: false, detail: '0/5' }], transcript: 'r2#' });
    store.history.saveDeviceResult(result(d, 'r2', { status: 'running', error: 'not yet' }));
    store.history.saveDeviceResult(full);
    store.history.saveDeviceResult(result(d, 'r1'));
    expect(store.history.deviceResults(d)).toEqual([result(d, 'r1'), full]);
    expect(store.history.deviceHistory('r2')).toEqual([full]);
    expect(() => store.history.saveDeviceResult(result('d-nope', 'r1'))).toThrow(/FOREIGN KEY/);
  });

  it('marks runs of dead processes interrupted, in one transaction', () => {
    const dead = create(1).id;
    const alive = create(2).id;
    store.history.saveDeviceResult(result(dead, 'r1', { status: 'running' }));
    store.history.saveDeviceResult(result(dead, 'r2', { status: 'succeeded' }));
    const ids = store.history.markInterrupted(at(9), () => false);
    expect(ids).toEqual([dead, alive]);
    expect(store.history.getDeployment(dead)).toMatchObject({ status: 'interrupted', finishedAt: at(9).toISOString() });
    expect(store.history.deviceResults(dead).map((r) => r.status)).toEqual(['interrupted', 'succeeded']);
  });
});

describe('JobLog on sql.js', () => {
  it('appends with increasing ids (lastInsertRowid), filters, pages, counts and tells listeners', () => {
    const seen: number[] = [];
    const unsubscribe = store.logs.onAppend((e) => seen.push(e.id));
    const ids = [
      logEntry(0, { deployment: 'd-1' }),
      logEntry(1, { level: 'debug', device: 'r1', category: 'device' }),
      logEntry(2, { level: 'warn', device: 'r1', details: { attempts: 3 } }),
      logEntry(3, { level: 'error', deployment: 'd-1', category: 'rollback' }),
    ].map((e) => store.logs.append(e));
    expect(ids).toEqual([1, 2, 3, 4]);
    expect(seen).toEqual(ids);
    unsubscribe();
    store.logs.append(logEntry(4));
    expect(seen).toHaveLength(4);

    expect(store.logs.query()[2]).toEqual({ id: 3, ...logEntry(2, { level: 'warn', device: 'r1', details: { attempts: 3 } }) });
    expect(store.logs.query({ device: 'r1' }).map((e) => e.id)).toEqual([2, 3]);
    expect(store.logs.query({ level: 'warn' }).map((e) => e.level)).toEqual(['warn', 'error']);
    expect(store.logs.query({ limit: 2, offset: 1 }).map((e) => e.id)).toEqual([2, 3]);
    expect(store.logs.query({ afterId: 3 }).map((e) => e.id)).toEqual([4, 5]);
    expect(store.logs.query({ since: at(1).toISOString(), until: at(2).toISOString() }).map((e) => e.id)).toEqual([2, 3]);
    expect(store.logs.stats({ deployment: 'd-1' })).toEqual({ total: 2, byLevel: { debug: 0, info: 1, warn: 0, error: 1 }, byCategory: { deploy: 1, rollback: 1 } });
  });
});

describe('DeviceLocks on sql.js', () => {
  it('grants, refuses, extends, expires, renews and releases leases', () => {
    const locks = store.locks;
    expect(locks.acquire('r1', 'd-a', 60_000, at(0))).toEqual({ ok: true });
    expect(locks.acquire('r1', 'd-b', 60_000, at(0))).toEqual({ ok: false, holder: { owner: 'd-a', expiresAt: at(1).toISOString() } });
    expect(locks.acquire('r1', 'd-a', 120_000, at(0))).toEqual({ ok: true });
    expect(locks.holder('r1', at(1))?.expiresAt).toBe(at(2).toISOString());
    expect(locks.holder('r1', at(2))).toBeUndefined();
    expect(locks.renew('r1', 'd-a', 60_000, at(3))).toBe(true);
    expect(locks.acquire('r1', 'd-b', 60_000, at(5))).toEqual({ ok: true }); // expired at 4
    expect(locks.renew('r1', 'd-a', 60_000, at(5))).toBe(false);
    expect(locks.release('r1', 'd-a')).toBe(false);
    locks.acquire('r2', 'd-b', 60_000, at(5));
    expect(locks.releaseAll('d-b')).toBe(2);
    expect(locks.holder('r1', at(5))).toBeUndefined();
  });
});

describe('Users, API devices, plans and drift on sql.js', () => {
  it('refuses a duplicate user or API device with its own error, leaving the first untouched', () => {
    store.users.add({ name: 'alice', role: 'admin', passwordHash: 'h1' });
    expect(() => store.users.add({ name: 'alice', role: 'viewer', passwordHash: 'h2' })).toThrow(UserExistsError);
    expect(store.users.get('alice')).toMatchObject({ role: 'admin', passwordHash: 'h1' });
    expect(store.users.setRole('alice', 'operator')).toBe(true);
    expect(store.users.countByRole('operator')).toBe(1);
    expect(store.users.remove('alice')).toBe(true);
    expect(store.users.remove('alice')).toBe(false);
    store.apiDevices.add({ name: 'r9', entry: { host: '10.0.0.9' }, createdBy: 'api:a' });
    expect(() => store.apiDevices.add({ name: 'r9', entry: {}, createdBy: 'api:b' })).toThrow(ApiDeviceExistsError);
    expect(store.apiDevices.get('r9')?.entry).toEqual({ host: '10.0.0.9' });
  });

  it('saves, lists, refuses to overwrite and prunes plans', () => {
    const first = store.plans.save({ id: 'p-1', actor: 'a', plan: { devices: ['r1'] } });
    expect(store.plans.get('p-1')).toEqual(first);
    expect(store.plans.get('p-nope')).toBeUndefined();
    expect(() => store.plans.save({ id: 'p-1', actor: 'b', plan: null })).toThrow(/UNIQUE|PRIMARY/i);
    for (let i = 0; i < 3; i++) store.plans.save({ actor: 'bulk', plan: {} });
    expect(store.plans.list(2)).toHaveLength(2);
    expect(store.plans.prune(1)).toBe(3);
    expect(store.plans.list()).toHaveLength(1);
  });

  it('records drift: newly drifted once, since kept, reset on in_sync', () => {
    const lines = ['interface Gi0/1'];
    expect(store.drift.record('r1', { status: 'drifted', lines })).toMatchObject({ commands: 1, newlyDrifted: true });
    const since = store.drift.get('r1')?.since;
    expect(store.drift.record('r1', { status: 'error', lines: [], error: 'ssh timeout' })).toMatchObject({ since, lines, error: 'ssh timeout', newlyDrifted: false });
    expect(store.drift.record('r1', { status: 'drifted', lines })).toMatchObject({ since, newlyDrifted: false });
    expect(store.drift.record('r1', { status: 'in_sync', lines: [] })).toMatchObject({ since: null, commands: 0 });
    expect(store.drift.list().map((d) => d.device)).toEqual(['r1']);
    expect(store.drift.remove('r1')).toBe(true);
  });
});

describe('transactions on sql.js', () => {
  const count = () => (store.db.prepare('SELECT COUNT(*) AS n FROM device_locks').get() as { n: number }).n;
  const insert = (device: string) => store.db.prepare('INSERT INTO device_locks (device, owner, expires_at) VALUES (?, ?, ?)').run(device, 'x', 1);

  it('commits and returns the result, passing the arguments through', () => {
    const add = store.db.transaction((device: string, n: number) => (insert(device), n * 2));
    expect(add.immediate('r1', 21)).toBe(42);
    expect(add('r2', 1)).toBe(2);
    expect(count()).toBe(2);
  });

  it('rolls back everything on a throw, and rethrows it', () => {
    const boom = new Error('boom');
    const fail = store.db.transaction(() => {
      insert('r1');
      throw boom;
    });
    expect(() => fail.immediate()).toThrow(boom);
    expect(count()).toBe(0);
    insert('r1'); // not left inside an open transaction
    expect(() => store.db.transaction(() => insert('r1')).exclusive()).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }));
    expect(count()).toBe(1);
  });

  it('undoes only a failed inner transaction (a savepoint)', () => {
    const inner = store.db.transaction(() => {
      insert('inner');
      throw new Error('inner failed');
    });
    store.db.transaction(() => {
      insert('outer');
      expect(() => inner()).toThrow('inner failed');
    })();
    expect(store.db.prepare('SELECT device FROM device_locks').all()).toEqual([{ device: 'outer' }]);
  });

  it('refuses an async function, rolling back', () => {
    const run = store.db.transaction(async () => insert('r1'));
    expect(() => run()).toThrow('Transaction function cannot return a promise');
    expect(count()).toBe(0);
  });
});

/** The same statements on better-sqlite3 and on sql.js: what each returns or throws. */
function onBoth(scenario: (db: Db) => unknown): { native: unknown; sqljs: unknown } {
  const outcome = (db: Db) => {
    try {
      db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER, b BLOB)');
      return scenario(db);
    } catch (error) {
      return { threw: (error as Error).name, message: (error as Error).message, code: (error as { code?: unknown }).code };
    } finally {
      db.close();
    }
  };
  return { native: outcome(new Database(':memory:')), sqljs: outcome(openDatabase(':memory:', { migrations: [] })) };
}

describe('the sql.js adapter against better-sqlite3', () => {
  it.each([
    ['run results', (db: Db) => [db.prepare('INSERT INTO t (name, n) VALUES (?, ?)').run('a', 1), db.prepare('INSERT INTO t (name) VALUES (@name)').run({ name: 'b' }), db.prepare('UPDATE t SET n = 5').run(), db.prepare('SELECT 1').run()]],
    ['rows and no row', (db: Db) => (db.prepare('INSERT INTO t (name, n, b) VALUES (?, ?, ?)').run('a', 2 ** 40, Buffer.from([1, 2])), [db.prepare('SELECT * FROM t').all(), db.prepare('SELECT * FROM t WHERE id = ?').get(9), db.prepare('SELECT name, :x AS x, @x AS y, ? AS z FROM t WHERE name = $n').get(7, { x: 'X', n: 'a' })])],
    ['a primary key conflict', (db: Db) => db.prepare('INSERT INTO t (id, name) VALUES (?, ?), (?, ?)').run(1, 'a', 1, 'b')],
    ['a unique conflict', (db: Db) => db.prepare('INSERT INTO t (name) VALUES (?), (?)').run('a', 'a')],
    ['a not-null violation', (db: Db) => db.prepare('INSERT INTO t (n) VALUES (1)').run()],
    ['too few values', (db: Db) => db.prepare('INSERT INTO t (name, n) VALUES (?, ?)').run('a')],
    ['too many values', (db: Db) => db.prepare('INSERT INTO t (name) VALUES (?)').run('a', 2)],
    ['a missing named value', (db: Db) => db.prepare('INSERT INTO t (name, n) VALUES (@name, @n)').run({ name: 'a' })],
    ['undefined', (db: Db) => db.prepare('INSERT INTO t (name) VALUES (?)').run(undefined)],
    ['get on a statement without rows', (db: Db) => db.prepare('DELETE FROM t').get()],
    ['a syntax error at prepare', (db: Db) => db.prepare('SELEC 1')],
    ['pragma', (db: Db) => [db.pragma('user_version = 7'), db.pragma('user_version'), db.pragma('user_version', { simple: true })]],
    ['arrays and an object with extra keys', (db: Db) => db.prepare('SELECT ? AS a, ? AS b, @c AS c').get([1, 2], { c: 3, d: 4 })],
    ['an object without named parameters, or positional ones for them', (db: Db) => [db.prepare('SELECT 1 AS one').get({ a: 1 }), db.prepare('SELECT @a').get(1)]],
    ['no named values at all', (db: Db) => db.prepare('SELECT @a').get()],
    ['two statements at prepare', (db: Db) => db.prepare('SELECT 1; SELECT 2')],
    ['one statement and a trailing comment', (db: Db) => db.prepare('SELECT 1 AS one; -- done').get()],
    ['no statement', (db: Db) => db.prepare('  ')],
    ['a boolean', (db: Db) => db.prepare('SELECT ?').get(true)],
    ['a ? inside a literal is no parameter', (db: Db) => db.prepare(`SELECT '?' AS q, "name" FROM t WHERE name = ? -- ?`).all('a')],
  ])('agrees on %s', (_name, scenario) => {
    const { native, sqljs } = onBoth(scenario);
    expect(sqljs).toEqual(native);
  });

  it('throws errors that isDuplicateKey recognises', () => {
    store.users.add({ name: 'alice', role: 'admin', passwordHash: 'h' });
    let caught: unknown;
    try {
      store.db.prepare('INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('alice', 'admin', 'h', 't', 't');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SqlJsError);
    expect(caught).toMatchObject({ name: 'SqliteError', code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(isDuplicateKey(caught)).toBe(true);
  });

  it('refuses use after close', () => {
    store.close();
    expect(() => store.db.prepare('SELECT 1')).toThrow('The database connection is not open');
  });
});

describe('loading', () => {
  it('never loads better-sqlite3’s native addon on the sql.js path; the default driver does', async () => {
    const script = `
      const loaded = () => process.report.getReport().sharedObjects.some((file) => file.includes('better_sqlite3'));
      const { useSqlJsDatabases } = await import('./src/store/sqljs-database.ts');
      const { openStore } = await import('./src/store/store.ts');
      const { setDatabaseDriver } = await import('./src/store/database.ts');
      await useSqlJsDatabases();
      openStore(':memory:').history.createDeployment({ actor: 'a', source: 's', options: {}, plan: {} });
      const before = loaded();
      setDatabaseDriver();
      openStore(':memory:').close();
      console.log(JSON.stringify({ before, after: loaded() }));`;
    const cwd = new URL('../../', import.meta.url);
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd });
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '')).toEqual({ before: false, after: true });
  });
});
