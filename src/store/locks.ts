// Per-device leases, so two deployments (two CLIs, the service and a CLI) never push to the
// same device at once. A lease expires on its own: a holder that died blocks nobody for long.
// Every decision is one SQL statement, so two processes on the same file cannot both win.

import type { Db } from './database.js';
import type { LockHolder } from './types.js';

export type AcquireResult = { ok: true } | { ok: false; holder: LockHolder };

interface LockRow {
  owner: string;
  expires_at: number;
}

export class DeviceLocks {
  constructor(private readonly db: Db) {}

  /**
   * Takes the device's lease for `leaseMs`: free, expired, or already ours (which extends it).
   * Otherwise reports who holds it.
   */
  acquire(device: string, owner: string, leaseMs: number, now = new Date()): AcquireResult {
    const at = now.getTime();
    // IMMEDIATE: the write lock is taken before the upsert, so the holder read after a refusal
    // is the one that refused us.
    return this.db.transaction((): AcquireResult => {
      const taken = this.db
        .prepare(
          `INSERT INTO device_locks (device, owner, expires_at) VALUES (?, ?, ?)
           ON CONFLICT (device) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
           WHERE device_locks.expires_at <= ? OR device_locks.owner = excluded.owner`,
        )
        .run(device, owner, at + leaseMs, at);
      if (taken.changes === 1) return { ok: true };
      const row = this.db.prepare('SELECT owner, expires_at FROM device_locks WHERE device = ?').get(device) as LockRow;
      return { ok: false, holder: toHolder(row) };
    }).immediate();
  }

  /**
   * Extends our lease to `now + leaseMs`. False when someone else took it (after it expired) or
   * it was released; a lease that lapsed but nobody took is still ours, so it is renewed.
   */
  renew(device: string, owner: string, leaseMs: number, now = new Date()): boolean {
    const result = this.db
      .prepare('UPDATE device_locks SET expires_at = ? WHERE device = ? AND owner = ?')
      .run(now.getTime() + leaseMs, device, owner);
    return result.changes === 1;
  }

  /** Gives the lease back; only its owner can. True when there was one to give back. */
  release(device: string, owner: string): boolean {
    return this.db.prepare('DELETE FROM device_locks WHERE device = ? AND owner = ?').run(device, owner).changes === 1;
  }

  /** Who holds the device now; undefined when free or the lease expired. */
  holder(device: string, now = new Date()): LockHolder | undefined {
    const row = this.db
      .prepare('SELECT owner, expires_at FROM device_locks WHERE device = ? AND expires_at > ?')
      .get(device, now.getTime()) as LockRow | undefined;
    return row && toHolder(row);
  }

  /** At the end of a deployment (or its process): every lease the owner holds. Returns how many. */
  releaseAll(owner: string): number {
    return this.db.prepare('DELETE FROM device_locks WHERE owner = ?').run(owner).changes;
  }
}

function toHolder(row: LockRow): LockHolder {
  return { owner: row.owner, expiresAt: new Date(row.expires_at).toISOString() };
}
