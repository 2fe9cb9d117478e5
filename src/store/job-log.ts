// The structured log of every job (deployments, scheduled backups, drift checks), kept so the
// CLI, the API and the Action can show what happened, filter it, and follow it live.

import type { Db } from './database.js';
import type { LogEntry, LogLevel, LogQuery } from './types.js';

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** An entry as stored: it has its id. */
export type StoredLogEntry = LogEntry & { id: number };

export interface LogStats {
  total: number;
  byLevel: Record<LogLevel, number>;
  byCategory: Record<string, number>;
}

export type LogListener = (entry: StoredLogEntry) => void;

interface LogRow {
  id: number;
  time: string;
  level: string;
  category: string;
  device: string | null;
  deployment: string | null;
  job: string | null;
  message: string;
  details: string | null;
}

export class JobLog {
  private readonly listeners = new Set<LogListener>();

  constructor(private readonly db: Db) {}

  append(entry: LogEntry): number {
    const result = this.db
      .prepare(
        `INSERT INTO job_log (time, level, level_rank, category, device, deployment, job, message, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.time,
        entry.level,
        levelRank(entry.level),
        entry.category,
        entry.device ?? null,
        entry.deployment ?? null,
        entry.job ?? null,
        entry.message,
        entry.details === undefined ? null : JSON.stringify(entry.details),
      );
    const id = Number(result.lastInsertRowid);
    const stored: StoredLogEntry = { ...entry, id };
    for (const listener of this.listeners) {
      // A broken follower (a closed SSE stream) must not fail the job that is logging.
      try {
        listener(stored);
      } catch {
        /* ignored */
      }
    }
    return id;
  }

  /** Oldest first (by id), filtered, then afterId, offset and limit. */
  query(q: LogQuery = {}): StoredLogEntry[] {
    const { where, values } = filters(q);
    const limit = q.limit ?? -1; // SQLite: a negative LIMIT means none
    const rows = this.db
      .prepare(`SELECT * FROM job_log ${where} ORDER BY id LIMIT ? OFFSET ?`)
      .all(...values, limit, q.offset ?? 0) as LogRow[];
    return rows.map(toEntry);
  }

  /** Counts of what `query` would return without limit and offset. */
  stats(q: LogQuery = {}): LogStats {
    const { where, values } = filters(q);
    const byLevel = Object.fromEntries(LOG_LEVELS.map((level) => [level, 0])) as Record<LogLevel, number>;
    const byCategory: Record<string, number> = {};
    let total = 0;
    const rows = this.db
      .prepare(`SELECT level, category, COUNT(*) AS n FROM job_log ${where} GROUP BY level, category`)
      .all(...values) as { level: LogLevel; category: string; n: number }[];
    for (const row of rows) {
      total += row.n;
      byLevel[row.level] = (byLevel[row.level] ?? 0) + row.n;
      byCategory[row.category] = (byCategory[row.category] ?? 0) + row.n;
    }
    return { total, byLevel, byCategory };
  }

  /** Called with every entry appended through this JobLog, after it is stored. Returns the unsubscribe. */
  onAppend(listener: LogListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

function levelRank(level: LogLevel): number {
  const rank = LOG_LEVELS.indexOf(level);
  if (rank < 0) throw new Error(`Unknown log level: ${String(level)}`);
  return rank;
}

function filters(q: LogQuery): { where: string; values: unknown[] } {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    clauses.push(clause);
    values.push(value);
  };
  if (q.deployment !== undefined) add('deployment = ?', q.deployment);
  if (q.job !== undefined) add('job = ?', q.job);
  if (q.device !== undefined) add('device = ?', q.device);
  if (q.level !== undefined) add('level_rank >= ?', levelRank(q.level));
  if (q.category !== undefined) add('category = ?', q.category);
  if (q.since !== undefined) add('time >= ?', q.since);
  if (q.until !== undefined) add('time <= ?', q.until);
  if (q.afterId !== undefined) add('id > ?', q.afterId);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values };
}

function toEntry(row: LogRow): StoredLogEntry {
  const entry: StoredLogEntry = { id: row.id, time: row.time, level: row.level as LogLevel, category: row.category, message: row.message };
  if (row.device !== null) entry.device = row.device;
  if (row.deployment !== null) entry.deployment = row.deployment;
  if (row.job !== null) entry.job = row.job;
  if (row.details !== null) entry.details = JSON.parse(row.details) as Record<string, unknown>;
  return entry;
}
