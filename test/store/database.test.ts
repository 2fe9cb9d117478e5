import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, SchemaTooNewError } from '../../src/store/database.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { DATABASE_FILE, openStore } from '../../src/store/store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'catnet-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('applies every migration once, and reopening applies nothing again', () => {
    const file = join(dir, 'state', 'catnet.db');
    const first = openDatabase(file);
    expect(schemaVersion(first)).toBe(SCHEMA_VERSION);
    first.prepare(`INSERT INTO device_locks (device, owner, expires_at) VALUES ('r1', 'x', 1)`).run();
    first.close();

    const again = openDatabase(file);
    const applied = again.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(applied.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
    // The data survived: nothing was re-created.
    expect(again.prepare('SELECT COUNT(*) AS n FROM device_locks').get()).toEqual({ n: 1 });
    again.close();
  });

  it('applies only the migrations a database has not seen yet, in version order', () => {
    const file = join(dir, 'catnet.db');
    const v1 = { version: 1, sql: 'CREATE TABLE a (x INTEGER)' };
    openDatabase(file, { migrations: [v1] }).close();
    const db = openDatabase(file, { migrations: [{ version: 3, sql: 'ALTER TABLE a ADD COLUMN z INTEGER' }, v1, { version: 2, sql: 'ALTER TABLE a ADD COLUMN y INTEGER' }] });
    expect(schemaVersion(db)).toBe(3);
    const columns = (db.prepare('PRAGMA table_info(a)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['x', 'y', 'z']);
    db.close();
  });

  it('rolls back a migration that fails, leaving the version where it was', () => {
    const file = join(dir, 'catnet.db');
    const v1 = { version: 1, sql: 'CREATE TABLE a (x INTEGER)' };
    openDatabase(file, { migrations: [v1] }).close();
    const broken = [v1, { version: 2, sql: 'CREATE TABLE b (y INTEGER); CREATE TABLE nonsense (' }];
    expect(() => openDatabase(file, { migrations: broken })).toThrow();
    const db = openDatabase(file, { migrations: [v1] });
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'b'`).get()).toBeUndefined();
    db.close();
  });

  it('refuses a database written by a newer CatNet, naming both versions', () => {
    const file = join(dir, 'catnet.db');
    const db = openDatabase(file);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(SCHEMA_VERSION + 5, new Date().toISOString());
    db.close();
    expect(() => openDatabase(file)).toThrow(SchemaTooNewError);
    expect(() => openDatabase(file)).toThrow(`schema version ${SCHEMA_VERSION + 5}, but this CatNet only knows up to ${SCHEMA_VERSION}`);
  });

  it('makes the folder 0700 and the file 0600 (and its WAL), with WAL and foreign keys on', () => {
    const folder = join(dir, 'nested', 'state');
    const file = join(folder, 'catnet.db');
    const db = openDatabase(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // SQLite gives the write-ahead log the database file's mode.
    db.prepare(`INSERT INTO device_locks (device, owner, expires_at) VALUES ('r1', 'x', 1)`).run();
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    db.close();
  });

  it('works in memory for tests', () => {
    const db = openDatabase(':memory:');
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('openStore', () => {
  it('keeps the database at <stateDir>/catnet.db, private', () => {
    const store = openStore(dir);
    store.history.createDeployment({ actor: 'cli:alice', source: 'configs/', options: {}, plan: {} });
    store.close();
    store.close(); // twice is harmless
    expect(statSync(join(dir, DATABASE_FILE)).mode & 0o777).toBe(0o600);
    const reopened = openStore(dir);
    expect(reopened.history.listDeployments()).toHaveLength(1);
    reopened.close();
  });
});
