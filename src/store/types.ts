// What the store keeps about deployments, devices and jobs: the contract between the pipeline
// (which writes) and the CLI, the service and the Action (which read). Every text in it has
// been redacted before it got here.

export type DeploymentStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'rolled_back' | 'partially_failed' | 'interrupted';

export type DeviceStatus =
  | 'pending'
  | 'running'
  /** Nothing to change (the plan was empty, or the device already matched). */
  | 'unchanged'
  | 'succeeded'
  | 'failed'
  /** The change failed and the device was restored to its pre-deploy backup. */
  | 'rolled_back'
  /** The change failed and so did the restore: the device needs a person. */
  | 'rollback_failed'
  /** The running config changed since the plan: refused, re-plan. */
  | 'stale'
  /** Not attempted: an earlier wave failed, the failure budget ran out, or the run was stopped. */
  | 'skipped'
  | 'interrupted'
  /** `--dry-run`: everything but the push. */
  | 'dry_run';

export interface CheckResult {
  /** `reconnect`, `interfaces`, `ping 10.0.0.1`, `convergence`, or a custom check's name. */
  name: string;
  ok: boolean;
  /** What was seen, in a sentence (the failing interfaces, the output that did not match…). */
  detail: string;
}

export interface DeploymentRecord {
  id: string;
  status: DeploymentStatus;
  /** Who or what started it: `cli:alice`, `api:bob`, `action:pr-42`. */
  actor: string;
  /** Where the intended configs came from: `configs/`, `github:owner/repo@<sha>:configs`. */
  source: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** The options it ran with (canary, batch size, auto rollback…). */
  options: Record<string, unknown>;
  /** The plan it deployed (the plan file's JSON). */
  plan: unknown;
  /** One line for lists: `3 devices: 2 succeeded, 1 rolled back`. */
  summary?: string;
}

export interface DeviceResultRecord {
  deploymentId: string;
  device: string;
  status: DeviceStatus;
  /** The commands planned for the device, as typed. */
  commands: string[];
  /** Those the device accepted. */
  applied: string[];
  error?: string;
  checks: CheckResult[];
  /** Backup ids (`<device>/<timestamp>`) taken before and after the change. */
  backupBefore?: string;
  backupAfter?: string;
  startedAt?: string;
  finishedAt?: string;
  /** The device session's transcript, redacted. */
  transcript?: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  id?: number;
  time: string;
  level: LogLevel;
  /** `backup`, `plan`, `deploy`, `verify`, `rollback`, `device`, `auth`, `http`, `schedule`… */
  category: string;
  device?: string;
  deployment?: string;
  /** A job that is not a deployment (a scheduled backup, a drift check). */
  job?: string;
  message: string;
  details?: Record<string, unknown>;
}

export interface LogQuery {
  deployment?: string;
  job?: string;
  device?: string;
  /** This level and above. */
  level?: LogLevel;
  category?: string;
  /** ISO times, inclusive. */
  since?: string;
  until?: string;
  /** Entries with a larger id only (for following). */
  afterId?: number;
  limit?: number;
  offset?: number;
}

export interface LockHolder {
  owner: string;
  expiresAt: string;
}
