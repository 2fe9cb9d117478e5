// The part of a SQLite connection the store uses. better-sqlite3's Database has this shape as it
// is; the sql.js adapter (sqljs-database.ts) implements it for the bundled GitHub Action, which
// cannot load a native addon. Keep it this small: every member is one more thing both must do alike.

export interface RunResult {
  /** Rows inserted, updated or deleted by this statement (0 for one that writes nothing). */
  changes: number;
  /** The connection's last inserted rowid, whichever statement inserted it. */
  lastInsertRowid: number | bigint;
}

/**
 * Parameters as better-sqlite3 takes them: values for `?` in order (arrays are spread), and at
 * most one plain object for named ones (`@name`, `:name`, `$name`) keyed without the prefix.
 */
export interface DbStatement {
  run(...params: unknown[]): RunResult;
  /** The first row as an object; undefined when there is none. */
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

type AnyFunction = (...args: never[]) => unknown;
// Spelled as in @types/better-sqlite3 (not Parameters<F>), so that its Database is assignable.
type Args<F extends AnyFunction> = F extends (...args: infer A) => unknown ? A : never;

/** Runs fn inside BEGIN … COMMIT (ROLLBACK and rethrow when it throws); nested, a savepoint. */
export interface DbTransaction<F extends AnyFunction> {
  (...args: Args<F>): ReturnType<F>;
  deferred(...args: Args<F>): ReturnType<F>;
  /** BEGIN IMMEDIATE: takes the write lock first, so a read-then-write cannot race another writer. */
  immediate(...args: Args<F>): ReturnType<F>;
  exclusive(...args: Args<F>): ReturnType<F>;
}

export interface Db {
  readonly open: boolean;
  prepare(sql: string): DbStatement;
  /** One or more statements, no parameters. */
  exec(sql: string): this;
  /** `PRAGMA <source>`: all rows, or with `simple` the first column of the first row. */
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<F extends AnyFunction>(fn: F): DbTransaction<F>;
  close(): this;
}

/** Opens the connection; openDatabase then sets the pragmas and runs the migrations. */
export interface DatabaseDriver {
  open(file: string): Db;
  /** Every database only in this process's memory (sql.js): no file other processes share. */
  inMemory: boolean;
}
