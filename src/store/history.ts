// Deployments and what happened on each device: written by the pipeline as it goes, read by
// `catnet history`, the service and the Action. Arrays and objects live in JSON columns.

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from './database.js';
import type { CheckResult, DeploymentRecord, DeploymentStatus, DeviceResultRecord, DeviceStatus } from './types.js';

export interface NewDeployment {
  actor: string;
  source: string;
  options: Record<string, unknown>;
  plan: unknown;
  id?: string;
  /** Default: now. */
  createdAt?: Date;
  /** The process running it, `host:pid`; default this process. */
  runner?: string;
}

export type DeploymentPatch = Partial<Pick<DeploymentRecord, 'status' | 'startedAt' | 'finishedAt' | 'summary'>>;

export interface ListDeploymentsQuery {
  /** Default 100. */
  limit?: number;
  /** Only deployments with a result for this device. */
  device?: string;
  status?: DeploymentStatus;
}

interface DeploymentRow {
  id: string;
  status: string;
  actor: string;
  source: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  options: string;
  plan: string;
  summary: string | null;
}

interface DeviceResultRow {
  deployment_id: string;
  device: string;
  status: string;
  commands: string;
  applied: string;
  error: string | null;
  checks: string;
  backup_before: string | null;
  backup_after: string | null;
  started_at: string | null;
  finished_at: string | null;
  transcript: string | null;
}

/** `d-20261123T090000-1a2b`: sorts by creation time, and is short enough to type. */
export function newDeploymentId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `d-${stamp}-${randomBytes(2).toString('hex')}`;
}

export class History {
  constructor(private readonly db: Db) {}

  createDeployment(input: NewDeployment): DeploymentRecord {
    const created = input.createdAt ?? new Date();
    const record: DeploymentRecord = {
      id: input.id ?? this.freeId(created),
      status: 'pending',
      actor: input.actor,
      source: input.source,
      createdAt: created.toISOString(),
      options: input.options,
      plan: input.plan,
    };
    this.db
      .prepare(
        `INSERT INTO deployments (id, status, actor, source, created_at, options, plan, runner)
         VALUES (@id, @status, @actor, @source, @createdAt, @options, @plan, @runner)`,
      )
      .run({ ...record, options: JSON.stringify(record.options), plan: JSON.stringify(record.plan ?? null), runner: input.runner ?? thisProcess() });
    return record;
  }

  /** Sets the given fields (undefined ones are left alone); undefined for an unknown id. */
  updateDeployment(id: string, patch: DeploymentPatch): DeploymentRecord | undefined {
    const columns = { status: 'status', startedAt: 'started_at', finishedAt: 'finished_at', summary: 'summary' } as const;
    const sets: string[] = [];
    const values: Record<string, unknown> = { id };
    for (const [key, column] of Object.entries(columns)) {
      const value = patch[key as keyof DeploymentPatch];
      if (value === undefined) continue;
      sets.push(`${column} = @${key}`);
      values[key] = value;
    }
    if (sets.length > 0) this.db.prepare(`UPDATE deployments SET ${sets.join(', ')} WHERE id = @id`).run(values);
    return this.getDeployment(id);
  }

  getDeployment(id: string): DeploymentRecord | undefined {
    const row = this.db.prepare('SELECT * FROM deployments WHERE id = ?').get(id) as DeploymentRow | undefined;
    return row && toDeployment(row);
  }

  /** Newest first. */
  listDeployments(query: ListDeploymentsQuery = {}): DeploymentRecord[] {
    const where: string[] = [];
    const values: Record<string, unknown> = { limit: query.limit ?? 100 };
    if (query.status !== undefined) {
      where.push('d.status = @status');
      values.status = query.status;
    }
    if (query.device !== undefined) {
      where.push('EXISTS (SELECT 1 FROM device_results r WHERE r.deployment_id = d.id AND r.device = @device)');
      values.device = query.device;
    }
    const sql = `SELECT d.* FROM deployments d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY d.created_at DESC, d.rowid DESC LIMIT @limit`;
    return (this.db.prepare(sql).all(values) as DeploymentRow[]).map(toDeployment);
  }

  /** Inserts or replaces the result for (deployment, device). */
  saveDeviceResult(record: DeviceResultRecord): void {
    this.db
      .prepare(
        `INSERT INTO device_results (deployment_id, device, status, commands, applied, error, checks,
           backup_before, backup_after, started_at, finished_at, transcript)
         VALUES (@deploymentId, @device, @status, @commands, @applied, @error, @checks,
           @backupBefore, @backupAfter, @startedAt, @finishedAt, @transcript)
         ON CONFLICT (deployment_id, device) DO UPDATE SET
           status = excluded.status, commands = excluded.commands, applied = excluded.applied,
           error = excluded.error, checks = excluded.checks, backup_before = excluded.backup_before,
           backup_after = excluded.backup_after, started_at = excluded.started_at,
           finished_at = excluded.finished_at, transcript = excluded.transcript`,
      )
      .run({
        deploymentId: record.deploymentId,
        device: record.device,
        status: record.status,
        commands: JSON.stringify(record.commands),
        applied: JSON.stringify(record.applied),
        error: record.error ?? null,
        checks: JSON.stringify(record.checks),
        backupBefore: record.backupBefore ?? null,
        backupAfter: record.backupAfter ?? null,
        startedAt: record.startedAt ?? null,
        finishedAt: record.finishedAt ?? null,
        transcript: record.transcript ?? null,
      });
  }

  /** In device name order. */
  deviceResults(deploymentId: string): DeviceResultRecord[] {
    const rows = this.db.prepare('SELECT * FROM device_results WHERE deployment_id = ? ORDER BY device').all(deploymentId);
    return (rows as DeviceResultRow[]).map(toDeviceResult);
  }

  /** One device's results across deployments, newest deployment first. */
  deviceHistory(device: string, limit = 50): DeviceResultRecord[] {
    const rows = this.db
      .prepare(
        `SELECT r.* FROM device_results r JOIN deployments d ON d.id = r.deployment_id
         WHERE r.device = ? ORDER BY d.created_at DESC, d.rowid DESC LIMIT ?`,
      )
      .all(device, limit);
    return (rows as DeviceResultRow[]).map(toDeviceResult);
  }

  /**
   * At startup: a deployment still pending or running whose process died (see runnerAlive). It and
   * its unfinished devices become `interrupted`, so nobody waits on them. Returns their ids.
   */
  markInterrupted(now = new Date(), isRunning: (runner: string | null) => boolean = runnerAlive): string[] {
    const at = now.toISOString();
    return this.db.transaction(() => {
      const rows = this.db.prepare(`SELECT id, runner FROM deployments WHERE status IN ('pending', 'running') ORDER BY created_at, rowid`).all();
      // Another CatNet process may be running one right now: only those whose process is gone.
      const ids = (rows as { id: string; runner: string | null }[]).filter((row) => !isRunning(row.runner)).map((row) => row.id);
      const deployment = this.db.prepare(`UPDATE deployments SET status = 'interrupted', finished_at = COALESCE(finished_at, ?) WHERE id = ?`);
      const devices = this.db.prepare(
        `UPDATE device_results SET status = 'interrupted', finished_at = COALESCE(finished_at, ?)
         WHERE deployment_id = ? AND status IN ('pending', 'running')`,
      );
      for (const id of ids) {
        deployment.run(at, id);
        devices.run(at, id);
      }
      return ids;
    }).immediate();
  }

  /** A generated id that is not taken yet (two in the same second share the timestamp). */
  private freeId(now: Date): string {
    const taken = this.db.prepare('SELECT 1 FROM deployments WHERE id = ?');
    for (;;) {
      const id = newDeploymentId(now);
      if (!taken.get(id)) return id;
    }
  }
}

function toDeployment(row: DeploymentRow): DeploymentRecord {
  const record: DeploymentRecord = {
    id: row.id,
    status: row.status as DeploymentStatus,
    actor: row.actor,
    source: row.source,
    createdAt: row.created_at,
    options: JSON.parse(row.options) as Record<string, unknown>,
    plan: JSON.parse(row.plan) as unknown,
  };
  if (row.started_at !== null) record.startedAt = row.started_at;
  if (row.finished_at !== null) record.finishedAt = row.finished_at;
  if (row.summary !== null) record.summary = row.summary;
  return record;
}

function toDeviceResult(row: DeviceResultRow): DeviceResultRecord {
  const record: DeviceResultRecord = {
    deploymentId: row.deployment_id,
    device: row.device,
    status: row.status as DeviceStatus,
    commands: JSON.parse(row.commands) as string[],
    applied: JSON.parse(row.applied) as string[],
    checks: JSON.parse(row.checks) as CheckResult[],
  };
  if (row.error !== null) record.error = row.error;
  if (row.backup_before !== null) record.backupBefore = row.backup_before;
  if (row.backup_after !== null) record.backupAfter = row.backup_after;
  if (row.started_at !== null) record.startedAt = row.started_at;
  if (row.finished_at !== null) record.finishedAt = row.finished_at;
  if (row.transcript !== null) record.transcript = row.transcript;
  return record;
}

function thisProcess(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Whether the process that runs a deployment is still alive: on this host, a signal-0 probe of
 * its pid; on another host (a shared state folder) it cannot be known, so it is taken as alive.
 */
export function runnerAlive(runner: string | null): boolean {
  if (runner === null) return false;
  const at = runner.lastIndexOf(':');
  const [host, pid] = [runner.slice(0, at), Number(runner.slice(at + 1))];
  if (host !== hostname()) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
