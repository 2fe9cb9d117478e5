// How plans, deployments and backups look on the wire: snake_case, null for what is absent,
// and every text that can carry config lines or commands redacted. The stored records keep
// the real text (a deploy or a restore needs it); only these views leave the process.

import { z } from 'zod';
import { redact } from '../../obs/redact.js';
import { redactForOutput } from '../../obs/redact-value.js';
import { planFileSchema, type PlanFile } from '../../pipeline/plan-file.js';
import type { BackupMeta } from '../../store/backups.js';
import type { StoredPlan } from '../../store/plans.js';
import type { DeploymentRecord, DeviceResultRecord } from '../../store/types.js';

const deploymentStatus = z.enum(['pending', 'running', 'succeeded', 'failed', 'rolled_back', 'partially_failed', 'interrupted']);
const deviceStatus = z.enum(['pending', 'running', 'unchanged', 'succeeded', 'failed', 'rolled_back', 'rollback_failed', 'stale', 'skipped', 'interrupted', 'dry_run']);
export { deploymentStatus as deploymentStatusSchema };


export const planResponse = z.object({
  id: z.string(),
  created_at: z.string(),
  actor: z.string(),
  /** Whether any device has something to send. */
  changes: z.boolean(),
  /** Devices that could not be planned (status `error` in the plan). */
  errors: z.number().int(),
  plan: planFileSchema.describe('The plan file (as `catnet plan --out` writes it), every command, diff and line redacted.'),
});

export const planListItem = z.object({ id: z.string(), created_at: z.string(), actor: z.string() });

/** A stored plan's body, checked: the store keeps it as opaque JSON. */
export function storedPlanFile(stored: StoredPlan): PlanFile {
  return planFileSchema.parse(stored.plan);
}

export function planView(stored: StoredPlan): z.output<typeof planResponse> {
  const plan = storedPlanFile(stored);
  return {
    id: stored.id,
    created_at: stored.createdAt,
    actor: stored.actor,
    changes: plan.devices.some((d) => d.changes),
    errors: plan.devices.filter((d) => d.status === 'error').length,
    plan: redactForOutput(plan),
  };
}

export const deploymentSummary = z.object({
  id: z.string(),
  status: deploymentStatus,
  actor: z.string(),
  source: z.string(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  summary: z.string().nullable(),
});

const check = z.object({ name: z.string(), ok: z.boolean(), detail: z.string() });

export const deviceResultView = z.object({
  device: z.string(),
  status: deviceStatus,
  commands: z.array(z.string()),
  applied: z.array(z.string()),
  error: z.string().nullable(),
  checks: z.array(check),
  backup_before: z.string().nullable(),
  backup_after: z.string().nullable(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  /** Only with `?transcript=true`. */
  transcript: z.string().nullable().optional(),
});

export const deploymentDetail = deploymentSummary.extend({
  /** The options it ran with (dry_run, canary, batch_size, max_failures, auto_rollback, save, confirm_timer_min). */
  options: z.record(z.string(), z.unknown()),
  devices: z.array(deviceResultView),
});

export function deploymentSummaryView(d: DeploymentRecord): z.output<typeof deploymentSummary> {
  return {
    id: d.id,
    status: d.status,
    actor: d.actor,
    source: redact(d.source),
    created_at: d.createdAt,
    started_at: d.startedAt ?? null,
    finished_at: d.finishedAt ?? null,
    summary: d.summary === undefined ? null : redact(d.summary),
  };
}

export function deploymentDetailView(d: DeploymentRecord, results: readonly DeviceResultRecord[], withTranscript: boolean): z.output<typeof deploymentDetail> {
  return {
    ...deploymentSummaryView(d),
    options: redactForOutput(Object.fromEntries(Object.entries(d.options).map(([key, value]) => [snakeCase(key), value]))),
    devices: results.map((r) => ({
      device: r.device,
      status: r.status,
      commands: r.commands.map((line) => redact(line)),
      applied: r.applied.map((line) => redact(line)),
      error: r.error === undefined ? null : redact(r.error),
      checks: r.checks.map((c) => ({ name: redact(c.name), ok: c.ok, detail: redact(c.detail) })),
      backup_before: r.backupBefore ?? null,
      backup_after: r.backupAfter ?? null,
      started_at: r.startedAt ?? null,
      finished_at: r.finishedAt ?? null,
      ...(withTranscript ? { transcript: r.transcript === undefined ? null : redact(r.transcript) } : {}),
    })),
  };
}

export const backupMetaView = z.object({
  id: z.string(),
  device: z.string(),
  taken_at: z.string(),
  reason: z.enum(['manual', 'pre-deploy', 'post-deploy', 'plan', 'scheduled', 'rollback', 'pre-rollback']),
  deployment_id: z.string().nullable(),
  sha256: z.string(),
  trigger: z.string(),
});

export function backupMeta(meta: BackupMeta): z.output<typeof backupMetaView> {
  return { id: meta.id, device: meta.device, taken_at: meta.takenAt, reason: meta.reason, deployment_id: meta.deploymentId ?? null, sha256: meta.sha256, trigger: meta.trigger };
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
