// SQLite without a native addon (sql.js, its build with the WebAssembly inlined: no .wasm file to ship) for the GitHub
// Action, a single bundle without node_modules that cannot load better-sqlite3's native addon.
// The database lives in memory: the Action only keeps the history and job log of its own run.
// The adapter behaves as better-sqlite3 does where the store relies on it: parameters, rows,
// changes and lastInsertRowid, transactions, and error codes.

import type { Database as SqlJsDatabase, SqlJsConfig, SqlJsStatic, SqlValue, Statement } from 'sql.js';
import { setDatabaseDriver } from './database.js';
import type { Db, DbStatement, DbTransaction, RunResult } from './db.js';

let loading: Promise<SqlJsStatic> | undefined;

/** Loads sql.js once (async); after it resolves, openDatabase(':memory:' or any path) in this process uses sql.js, in memory (the path is ignored: the Action's store lives for one run). */
export async function useSqlJsDatabases(): Promise<void> {
  // A dynamic import: importing this module stays cheap, and bundlers still inline the literal path.
  // Without the legacy extension functions, SQL functions are SQLite's own, as in better-sqlite3.
  const config = { useOldExtensionFunctions: false } as SqlJsConfig;
  loading ??= import('sql.js/dist/sql-wasm-inline.js').then(({ default: initSqlJs }) => initSqlJs(config));
  let sql: SqlJsStatic;
  try {
    sql = await loading;
  } catch (error) {
    loading = undefined; // let a later call try again
    throw error;
  }
  setDatabaseDriver({ inMemory: true, open: () => new SqlJsDb(new sql.Database()) });
}

/** As better-sqlite3's SqliteError: `code` names SQLite's extended result code (see isDuplicateKey). */
export class SqlJsError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

/** Per parameter index (from 1): null for a `?`, else the key of a named one (without @, : or $). */
type Slot = string | null;

class SqlJsDb implements Db {
  private closed = false;
  /** Open transaction() calls: an inner one uses a savepoint. */
  private depth = 0;

  constructor(private readonly db: SqlJsDatabase) {}

  get open(): boolean {
    return !this.closed;
  }

  prepare(sql: string): DbStatement {
    const slots = scanParameters(sql);
    const reader = this.sqlite(() => this.compile(sql));
    return {
      run: (...params: unknown[]) => this.sqlite(() => this.run(sql, bindValues(slots, params))),
      get: (...params: unknown[]) => {
        if (!reader) throw new TypeError('This statement does not return data. Use run() instead');
        return this.sqlite(() => this.rows(sql, bindValues(slots, params), 1)[0]);
      },
      all: (...params: unknown[]) => {
        if (!reader) throw new TypeError('This statement does not return data. Use run() instead');
        return this.sqlite(() => this.rows(sql, bindValues(slots, params)));
      },
    };
  }

  exec(sql: string): this {
    this.sqlite(() => this.db.exec(sql));
    return this;
  }

  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const rows = this.sqlite(() => this.rows(`PRAGMA ${source}`, []));
    if (!options.simple) return rows;
    const first = rows[0];
    return first === undefined ? undefined : Object.values(first)[0];
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): DbTransaction<F> {
    // The arguments pass through untouched, so the wrapper has fn's own signature.
    const body = fn as unknown as (...args: unknown[]) => unknown;
    const call = (begin: string) => (...args: unknown[]) => this.inTransaction(begin, () => body(...args));
    const wrapper = Object.assign(call('BEGIN'), { deferred: call('BEGIN DEFERRED'), immediate: call('BEGIN IMMEDIATE'), exclusive: call('BEGIN EXCLUSIVE') });
    return wrapper as unknown as DbTransaction<F>;
  }

  close(): this {
    if (!this.closed) this.db.close();
    this.closed = true;
    return this;
  }

  /** better-sqlite3's transaction wrapper: COMMIT or RELEASE on return, undo on any throw. */
  private inTransaction<T>(begin: string, body: () => T): T {
    const nested = this.depth > 0;
    this.exec(nested ? 'SAVEPOINT "catnet_sqljs"' : begin);
    this.depth += 1;
    try {
      const result = body();
      if (typeof (result as { then?: unknown } | null)?.then === 'function') throw new TypeError('Transaction function cannot return a promise');
      this.exec(nested ? 'RELEASE "catnet_sqljs"' : 'COMMIT');
      return result;
    } catch (error) {
      try {
        this.db.exec(nested ? 'ROLLBACK TO "catnet_sqljs"; RELEASE "catnet_sqljs"' : 'ROLLBACK');
      } catch {
        // SQLite already rolled it back itself (some errors do): nothing is left to undo.
      }
      throw error;
    } finally {
      this.depth -= 1;
    }
  }

  private run(sql: string, values: SqlValue[]): RunResult {
    const before = this.changeCounts()[0];
    this.withStatement(sql, (s) => {
      s.bind(values);
      while (s.step());
    });
    const [total, changes, lastInsertRowid] = this.changeCounts();
    // changes() keeps the last writing statement's count: a statement that wrote nothing reports 0.
    return { changes: total === before ? 0 : changes, lastInsertRowid };
  }

  private changeCounts(): [total: number, changes: number, lastInsertRowid: number] {
    const row = this.db.exec('SELECT total_changes(), changes(), last_insert_rowid()')[0]?.values[0] ?? [];
    return [Number(row[0]), Number(row[1]), Number(row[2])];
  }

  private rows(sql: string, values: SqlValue[], limit = Infinity): Record<string, unknown>[] {
    return this.withStatement(sql, (s) => {
      s.bind(values);
      const rows: Record<string, unknown>[] = [];
      while (rows.length < limit && s.step()) {
        // better-sqlite3 gives blobs as Buffers; sql.js as bare Uint8Arrays.
        rows.push(Object.fromEntries(Object.entries(s.getAsObject()).map(([k, v]) => [k, v instanceof Uint8Array ? Buffer.from(v) : v])));
      }
      return rows;
    });
  }

  /**
   * Compiled now, as better-sqlite3 does, so a syntax error surfaces here and not at first use;
   * and refused when it holds more than one statement, where sql.js would drop the rest. True
   * when the statement returns rows.
   */
  private compile(sql: string): boolean {
    const statements = this.db.iterateStatements(sql);
    const first = statements.next();
    if (first.done) throw new RangeError('The supplied SQL string contains no statements');
    const reader = first.value.getColumnNames().length > 0;
    first.value.free();
    const second = statements.next();
    if (second.done) return reader;
    second.value.free();
    throw new RangeError('The supplied SQL string contains more than one statement');
  }

  /** A statement per call, freed at once: sql.js keeps every unfreed one until close. */
  private withStatement<T>(sql: string, use: (statement: Statement) => T): T {
    const statement = this.db.prepare(sql);
    try {
      return use(statement);
    } finally {
      statement.free();
    }
  }

  /** Every call into sql.js: refused once closed, and its errors made into better-sqlite3's kinds. */
  private sqlite<T>(work: () => T): T {
    if (this.closed) throw new TypeError('The database connection is not open');
    try {
      return work();
    } catch (error) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): unknown {
    // sql.js throws strings for misuse; SQLite's own errors come as plain Errors with its message.
    if (typeof error === 'string') return new TypeError(error);
    if (!(error instanceof Error) || error.constructor !== Error) return error;
    return new SqlJsError(error.message, this.codeOf(error.message));
  }

  /** sql.js exposes the message only, so the extended code is read back from it. */
  private codeOf(message: string): string {
    const unique = /^UNIQUE constraint failed: (.+)$/.exec(message);
    if (unique?.[1] !== undefined) return this.isPrimaryKey(unique[1].split(', ')) ? 'SQLITE_CONSTRAINT_PRIMARYKEY' : 'SQLITE_CONSTRAINT_UNIQUE';
    if (message.startsWith('NOT NULL constraint failed')) return 'SQLITE_CONSTRAINT_NOTNULL';
    if (message.startsWith('FOREIGN KEY constraint failed')) return 'SQLITE_CONSTRAINT_FOREIGNKEY';
    if (message.startsWith('CHECK constraint failed')) return 'SQLITE_CONSTRAINT_CHECK';
    return 'SQLITE_ERROR';
  }

  /** SQLite words a primary key and a unique conflict alike: compare `table.column`s with the key. */
  private isPrimaryKey(columns: string[]): boolean {
    const [table] = columns[0]?.split('.') ?? [];
    if (table === undefined || columns.some((c) => !c.startsWith(`${table}.`))) return false;
    try {
      const info = this.db.exec(`PRAGMA table_info("${table.replaceAll('"', '""')}")`)[0];
      const key = (info?.values ?? []).filter((row) => Number(row[5]) > 0).map((row) => `${table}.${String(row[1])}`);
      return key.length === columns.length && columns.every((c) => key.includes(c));
    } catch {
      return false;
    }
  }
}

/** The parameters in SQLite's numbering; string literals, quoted names and comments are skipped. */
function scanParameters(sql: string): Slot[] {
  const slots: Slot[] = [];
  const seen = new Set<string>();
  const skip = (end: string, from: number) => {
    const at = sql.indexOf(end, from);
    return at < 0 ? sql.length : at + end.length;
  };
  for (let i = 0; i < sql.length; ) {
    const c = sql[i] ?? '';
    const pair = sql.slice(i, i + 2);
    if (c === "'" || c === '"' || c === '`') i = skip(c, i + 1);
    else if (c === '[') i = skip(']', i + 1);
    else if (pair === '--') i = skip('\n', i + 2);
    else if (pair === '/*') i = skip('*/', i + 2);
    else if (c === '?') {
      if (/\d/.test(sql[i + 1] ?? '')) throw new RangeError('Numbered parameters (?NNN) are not supported');
      slots.push(null);
      i += 1;
    } else if ('@:$'.includes(c) && /\w/.test(sql[i + 1] ?? '')) {
      const name = /^\w+/.exec(sql.slice(i + 1))?.[0] ?? '';
      // SQLite gives a repeated name (with the same prefix) the index it already has.
      if (!seen.has(c + name)) slots.push(name);
      seen.add(c + name);
      i += 1 + name.length;
    } else i += 1;
  }
  return slots;
}

/** better-sqlite3's rules: arrays spread into the `?` values, one plain object for the named ones. */
function bindValues(slots: Slot[], params: unknown[]): SqlValue[] {
  const positional: unknown[] = [];
  let named: Record<string, unknown> | undefined;
  for (const param of params) {
    if (Array.isArray(param)) positional.push(...(param as unknown[]));
    else if (isPlainObject(param)) {
      if (named !== undefined) throw new TypeError('You cannot specify named parameters in two different objects');
      named = param;
    } else positional.push(param);
  }
  // In better-sqlite3's order of checks, with its messages; an object's extra keys are ignored.
  const anonymous = slots.filter((slot) => slot === null).length;
  if (positional.length < anonymous) throw new RangeError('Too few parameter values were provided');
  if (positional.length > anonymous) throw new RangeError('Too many parameter values were provided');
  let next = 0;
  return slots.map((slot) => {
    if (slot === null) return toSqlValue(positional[next++]);
    if (named === undefined) throw new TypeError('Missing named parameters');
    if (!(slot in named)) throw new RangeError(`Missing named parameter "${slot}"`);
    return toSqlValue(named[slot]);
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * What better-sqlite3 accepts: undefined is NULL, booleans are refused. A bigint beyond 2^53
 * goes in as text (sql.js cannot bind it otherwise); an INTEGER column stores it as an integer.
 */
function toSqlValue(value: unknown): SqlValue {
  if (value === undefined) return null;
  if (value === null || typeof value === 'number' || typeof value === 'string' || value instanceof Uint8Array) return value;
  if (typeof value === 'bigint') return value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER ? Number(value) : value.toString();
  throw new TypeError('SQLite3 can only bind numbers, strings, bigints, buffers, and null');
}
