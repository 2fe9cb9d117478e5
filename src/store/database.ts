// Opens CatNet's SQLite database: private file, WAL (readers never wait for the deployment
// writing), foreign keys, a busy timeout for the other process on the same file, and the
// schema brought up to date before anyone uses it.

import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
// better-sqlite3 loads its native addon in the Database constructor, not on import: a bundle
// that switches to sql.js (useSqlJsDatabases) never touches the binary.
import Database from 'better-sqlite3';
import type { DatabaseDriver, Db } from './db.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export type { DatabaseDriver, Db, DbStatement, DbTransaction, RunResult } from './db.js';

/** The default: a file (made private first) or `:memory:`, through the native better-sqlite3. */
export const betterSqlite3Driver: DatabaseDriver = {
  inMemory: false,
  open(file) {
    if (file !== ':memory:') createPrivateFile(file);
    return new Database(file);
  },
};

let driver: DatabaseDriver = betterSqlite3Driver;

/** Which SQLite every later openDatabase in this process uses; no argument: back to better-sqlite3. */
export function setDatabaseDriver(next: DatabaseDriver = betterSqlite3Driver): void {
  driver = next;
}

/** The database was written by a newer CatNet: refusing beats misreading it. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(`${file} has schema version ${found}, but this CatNet only knows up to ${supported}: upgrade CatNet to use it`);
    this.name = 'SchemaTooNewError';
  }
}

export interface OpenDatabaseOptions {
  /** For tests; default: the real migrations. */
  migrations?: readonly Migration[];
}

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const db = driver.open(file);
  try {
    // WAL, synchronous and busy_timeout are about a file on disk that other processes share;
    // sql.js keeps each database in its own memory, where they mean nothing (WAL would only add
    // a log file to its in-memory file system).
    if (!driver.inMemory) {
      // busy_timeout first: switching to WAL may itself wait for another connection.
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      // With WAL, NORMAL never corrupts the database; a power cut may lose the last commits only.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    migrate(db, file, options.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The highest migration applied, 0 for a new database. */
export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  return row.version ?? 0;
}

function migrate(db: Db, file: string, migrations: readonly Migration[]): void {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const latest = ordered.at(-1)?.version ?? 0;
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  // IMMEDIATE: two processes opening a new file at once must not both apply version 1.
  db.transaction(() => {
    const current = schemaVersion(db);
    if (current > latest) throw new SchemaTooNewError(file, current, latest);
    const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
    for (const migration of ordered) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      record.run(migration.version, new Date().toISOString());
    }
  }).immediate();
}

/** The folder 0700 and the file 0600 before SQLite opens it (its -wal and -shm copy the mode). */
function createPrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  // The umask only takes bits away; chmod also fixes a file someone made too open.
  chmodSync(file, 0o600);
}
