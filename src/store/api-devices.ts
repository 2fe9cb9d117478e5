// Devices added through the REST API, kept apart from the Git inventory. The caller validates
// the entry against the inventory schema before storing it; here it is opaque JSON.

import type { Db } from './database.js';
import { isDuplicateKey } from './users.js';

export interface ApiDeviceRecord {
  name: string;
  entry: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
}

export class ApiDeviceExistsError extends Error {
  constructor(readonly device: string) {
    super(`device ${device} already exists`);
    this.name = 'ApiDeviceExistsError';
  }
}

interface ApiDeviceRow {
  name: string;
  entry: string;
  created_by: string;
  created_at: string;
}

export class ApiDevices {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(input: { name: string; entry: Record<string, unknown>; createdBy: string }): ApiDeviceRecord {
    const record: ApiDeviceRecord = { name: input.name, entry: input.entry, createdBy: input.createdBy, createdAt: this.now().toISOString() };
    try {
      this.db
        .prepare('INSERT INTO api_devices (name, entry, created_by, created_at) VALUES (?, ?, ?, ?)')
        .run(record.name, JSON.stringify(record.entry), record.createdBy, record.createdAt);
    } catch (error) {
      if (isDuplicateKey(error)) throw new ApiDeviceExistsError(input.name);
      throw error;
    }
    return record;
  }

  get(name: string): ApiDeviceRecord | undefined {
    const row = this.db.prepare('SELECT * FROM api_devices WHERE name = ?').get(name) as ApiDeviceRow | undefined;
    return row && toRecord(row);
  }

  /** Sorted by name. */
  list(): ApiDeviceRecord[] {
    return (this.db.prepare('SELECT * FROM api_devices ORDER BY name').all() as ApiDeviceRow[]).map(toRecord);
  }

  remove(name: string): boolean {
    return this.db.prepare('DELETE FROM api_devices WHERE name = ?').run(name).changes > 0;
  }
}

function toRecord(row: ApiDeviceRow): ApiDeviceRecord {
  return { name: row.name, entry: JSON.parse(row.entry) as Record<string, unknown>, createdBy: row.created_by, createdAt: row.created_at };
}
