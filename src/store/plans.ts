// Plans created over the API, kept so a deployment can be started from a plan id instead of
// re-sending the plan. The store does not depend on the pipeline: the plan is opaque JSON here.

import { randomBytes } from 'node:crypto';
import type { Db } from './database.js';

export interface StoredPlan {
  id: string;
  createdAt: string;
  actor: string;
  plan: unknown;
}

interface PlanRow {
  id: string;
  created_at: string;
  actor: string;
  plan: string;
}

/** `p-20261123T090000-1a2b`: sorts by creation time, like deployment ids. */
export function newPlanId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `p-${stamp}-${randomBytes(2).toString('hex')}`;
}

export class Plans {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A given id that is already taken throws (SQLite's constraint error): plans are never overwritten. */
  save(input: { actor: string; plan: unknown; id?: string }): StoredPlan {
    const created = this.now();
    const record: StoredPlan = { id: input.id ?? this.freeId(created), createdAt: created.toISOString(), actor: input.actor, plan: input.plan };
    this.db
      .prepare('INSERT INTO plans (id, created_at, actor, plan) VALUES (?, ?, ?, ?)')
      .run(record.id, record.createdAt, record.actor, JSON.stringify(record.plan ?? null));
    return record;
  }

  get(id: string): StoredPlan | undefined {
    const row = this.db.prepare('SELECT * FROM plans WHERE id = ?').get(id) as PlanRow | undefined;
    return row && { id: row.id, createdAt: row.created_at, actor: row.actor, plan: JSON.parse(row.plan) as unknown };
  }

  /** Newest first (rowid breaks ties within one instant), without the plan bodies. */
  list(limit = 100): Omit<StoredPlan, 'plan'>[] {
    const rows = this.db.prepare('SELECT id, created_at, actor FROM plans ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit);
    return (rows as Omit<PlanRow, 'plan'>[]).map((row) => ({ id: row.id, createdAt: row.created_at, actor: row.actor }));
  }

  /** Deletes all but the newest `keep` plans; returns how many were deleted. */
  prune(keep: number): number {
    // SQLite reads a negative LIMIT as "no limit": a bad `keep` must not mean "keep all" or "delete all" silently.
    if (!Number.isInteger(keep) || keep < 0) throw new RangeError(`keep must be a whole number >= 0, got ${keep}`);
    return this.db
      .prepare('DELETE FROM plans WHERE id NOT IN (SELECT id FROM plans ORDER BY created_at DESC, rowid DESC LIMIT ?)')
      .run(keep).changes;
  }

  /** A generated id that is not taken yet (two in the same second share the timestamp). */
  private freeId(now: Date): string {
    const taken = this.db.prepare('SELECT 1 FROM plans WHERE id = ?');
    for (;;) {
      const id = newPlanId(now);
      if (!taken.get(id)) return id;
    }
  }
}
