// Per-device drift: the scheduled read-only plan of each device against its intent in Git. One
// row per device, the latest check, plus when the device first drifted (for "drifted since").

import type { Db } from './database.js';

export type DriftStatus = 'in_sync' | 'drifted' | 'error';
const STATUSES: readonly DriftStatus[] = ['in_sync', 'drifted', 'error'];

export interface DriftRecord {
  device: string;
  status: DriftStatus;
  /** How many commands the plan would push: lines.length when drifted, 0 in sync. */
  commands: number;
  /** The plan's commands for the device, as typed. */
  lines: string[];
  /** When the device was first seen drifted in its current drift; null when not drifted. */
  since: string | null;
  checkedAt: string;
  error?: string;
}

interface DriftRow {
  device: string;
  status: string;
  commands: number;
  lines: string;
  since: string | null;
  checked_at: string;
  error: string | null;
}

export class DriftStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Records one check. Drifted keeps `since` from the previous drifted check; in_sync resets it;
   * an error says nothing new about the config, so it keeps the previous `since`, lines and
   * commands. `newlyDrifted`: drifted now, and not before (absent, in sync, or an error without
   * `since`), so the caller notifies once per drift and not on every check.
   */
  record(device: string, result: { status: DriftStatus; lines: string[]; error?: string }): DriftRecord & { newlyDrifted: boolean } {
    if (!STATUSES.includes(result.status)) throw new Error(`unknown drift status ${JSON.stringify(result.status)}`);
    const checkedAt = this.now().toISOString();
    // IMMEDIATE: read and write as one, so two checkers cannot both see "newly drifted".
    return this.db.transaction(() => {
      const previous = this.get(device);
      const wasDrifted = (previous?.since ?? null) !== null;
      let record: DriftRecord;
      if (result.status === 'in_sync') {
        record = { device, status: 'in_sync', commands: 0, lines: [], since: null, checkedAt };
      } else if (result.status === 'drifted') {
        record = { device, status: 'drifted', commands: result.lines.length, lines: [...result.lines], since: previous?.since ?? checkedAt, checkedAt };
      } else {
        record = { device, status: 'error', commands: previous?.commands ?? 0, lines: previous?.lines ?? [], since: previous?.since ?? null, checkedAt };
        if (result.error !== undefined) record.error = result.error;
      }
      this.db
        .prepare(
          `INSERT INTO drift (device, status, commands, lines, since, checked_at, error)
           VALUES (@device, @status, @commands, @lines, @since, @checkedAt, @error)
           ON CONFLICT (device) DO UPDATE SET
             status = excluded.status, commands = excluded.commands, lines = excluded.lines,
             since = excluded.since, checked_at = excluded.checked_at, error = excluded.error`,
        )
        .run({ ...record, lines: JSON.stringify(record.lines), error: record.error ?? null });
      return { ...record, newlyDrifted: record.status === 'drifted' && !wasDrifted };
    }).immediate();
  }

  get(device: string): DriftRecord | undefined {
    const row = this.db.prepare('SELECT * FROM drift WHERE device = ?').get(device) as DriftRow | undefined;
    return row && toRecord(row);
  }

  /** Sorted by device. */
  list(): DriftRecord[] {
    return (this.db.prepare('SELECT * FROM drift ORDER BY device').all() as DriftRow[]).map(toRecord);
  }

  /** For a device that left the inventory. */
  remove(device: string): boolean {
    return this.db.prepare('DELETE FROM drift WHERE device = ?').run(device).changes > 0;
  }
}

function toRecord(row: DriftRow): DriftRecord {
  const record: DriftRecord = {
    device: row.device,
    status: row.status as DriftStatus,
    commands: row.commands,
    lines: JSON.parse(row.lines) as string[],
    since: row.since,
    checkedAt: row.checked_at,
  };
  if (row.error !== null) record.error = row.error;
  return record;
}
