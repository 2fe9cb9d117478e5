// Deployments over the API: started from a stored plan and run in the background (202 with the
// id at once; the record exists before the response leaves), read back with per-device results,
// listed, and rolled back to each device's pre-deploy backup, also in the background.

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { deployPlan } from '../../pipeline/deploy.js';
import { deployOptionsFrom, type DeployOverrides } from '../../pipeline/deploy-options.js';
import { errorMessage } from '../../pipeline/errors.js';
import { changedDevices } from '../../pipeline/plan-file.js';
import { mapLimit } from '../../pipeline/plan.js';
import { applyRollback, rollbackTarget } from '../../pipeline/rollback.js';
import { parseBatchSize } from '../../pipeline/waves.js';
import { newDeploymentId } from '../../store/history.js';
import type { DeviceResultRecord } from '../../store/types.js';
import { route, type AnyRoute } from '../http/api.js';
import { ApiError, conflict, notFound } from '../http/errors.js';
import type { Service } from '../service.js';
import { deploymentDetail, deploymentDetailView, deploymentStatusSchema, deploymentSummary, deploymentSummaryView, storedPlanFile } from './deployment-views.js';
import { limitQuery } from './schemas.js';

/** `10`, `"10"` or `"25%"`, checked by the same parser the deploy uses ("0%" or "abc" are refused here, not mid-run). */
const batchSize = z
  .union([z.number().int().min(1), z.string().max(20)])
  .transform(String)
  .superRefine((value, ctx) => {
    try {
      parseBatchSize(value, 1);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: errorMessage(error) });
    }
  });

export const deployBody = z.strictObject({
  plan_id: z.string().min(1).max(100),
  dry_run: z.boolean().optional(),
  canary: z.number().int().min(0).optional(),
  batch_size: batchSize.optional(),
  max_failures: z.number().int().min(0).optional(),
  /** Can only turn the inventory's setting off. */
  auto_rollback: z.boolean().optional(),
  /** Can only turn the inventory's setting off. */
  save: z.boolean().optional(),
  /** Minutes before the device reverts on its own unless confirmed; null: no timer. */
  confirm_timer_min: z.number().int().min(1).nullable().optional(),
});

export const rollbackBody = z.strictObject({
  /** Default: every device of the deployment that has a pre-deploy backup. */
  devices: z.array(z.string().min(1)).max(10_000).optional(),
  /** `write memory` after the restore; default true (as `catnet rollback`). */
  save: z.boolean().optional(),
});

export const deploymentAccepted = z.object({ id: z.string(), status: deploymentStatusSchema, location: z.string() });
export const rollbackAccepted = z.object({ job_id: z.string(), devices: z.array(z.string()) });

const idParam = z.strictObject({ id: z.string().min(1).max(100) });

/** Device results a rollback restores: the deployment may have changed them. Dry runs and stale devices were never touched. */
const UNTOUCHED = new Set(['dry_run', 'stale']);

export function deploymentsRoutes(service: Service): AnyRoute[] {
  const { history } = service.store;
  const settings = service.project.inventory.settings;
  return [
    route({
      method: 'post',
      path: '/deployments',
      summary: 'Deploy a stored plan in the background; poll the Location for its outcome.',
      tag: 'deployments',
      role: 'operator',
      body: deployBody,
      responses: {
        202: { description: 'Started; `Location` is the deployment.', schema: deploymentAccepted },
        404: { description: 'No such plan.' },
        409: { description: 'The plan changes no device: nothing to deploy.' },
      },
      handler: ({ c, body, caller, log }) => {
        const stored = service.store.plans.get(body.plan_id);
        if (!stored) throw notFound(`no plan ${body.plan_id}`);
        const plan = storedPlanFile(stored);
        if (changedDevices(plan).length === 0) {
          const errors = plan.devices.filter((d) => d.status === 'error').map((d) => d.device);
          throw conflict(`plan ${stored.id} has nothing to deploy: no device has changes${errors.length ? ` (not planned: ${errors.join(', ')})` : ''}; change the intended configs and plan again`, { plan_id: stored.id, not_planned: errors });
        }
        const overrides: DeployOverrides = {
          dryRun: body.dry_run,
          autoRollback: body.auto_rollback,
          save: body.save,
          ...(body.confirm_timer_min !== undefined ? { confirmTimerMin: body.confirm_timer_min } : {}),
          canary: body.canary,
          batchSize: body.batch_size,
          maxFailures: body.max_failures,
        };
        const options = deployOptionsFrom(settings, overrides);
        const id = newDeploymentId();
        const jobLog = service.logger.child({ deployment: id });
        service.jobs.start(
          id,
          'deployment',
          // Async: runs synchronously up to deployPlan's first await, so the record exists on return.
          async (signal) => {
            const ctx = service.openRun(`api:${caller.name}`);
            try {
              return await deployPlan(ctx, plan, { ...options, signal, deploymentId: id });
            } finally {
              service.closeRun(ctx);
            }
          },
          (error) => {
            jobLog.error('deploy', `deployment ${id} failed unexpectedly: ${errorMessage(error)}`);
            // deployPlan records the end of a run it completes; a throw would leave it "running" forever.
            const record = history.getDeployment(id);
            if (record && (record.status === 'pending' || record.status === 'running')) {
              history.updateDeployment(id, { status: 'failed', finishedAt: new Date().toISOString(), summary: `failed: ${errorMessage(error)}` });
            }
          },
        );
        const record = history.getDeployment(id);
        if (!record) throw new ApiError(500, 'internal', `deployment ${id} could not be started: the service log has the reason`);
        log.info('deploy', `deployment ${id} of plan ${stored.id} started by ${caller.name}${options.dryRun ? ' (dry run)' : ''}`, { deployment: id });
        const location = `/api/v1/deployments/${id}`;
        c.header('Location', location);
        return c.json({ id, status: record.status, location }, 202);
      },
    }),
    // Before /deployments/:id, or "history" would be taken for an id.
    route({
      method: 'get',
      path: '/deployments/history',
      summary: 'Deployments, newest first.',
      tag: 'deployments',
      role: 'viewer',
      query: z.strictObject({ limit: limitQuery, device: z.string().min(1).max(200).optional(), status: deploymentStatusSchema.optional() }),
      responses: { 200: { description: 'Deployments, newest first.', schema: z.array(deploymentSummary) } },
      handler: ({ c, query }) => c.json(history.listDeployments({ limit: query.limit, device: query.device, status: query.status }).map(deploymentSummaryView)),
    }),
    route({
      method: 'get',
      path: '/deployments/:id',
      summary: 'One deployment with every device’s result (redacted; transcripts with ?transcript=true).',
      tag: 'deployments',
      role: 'viewer',
      params: idParam,
      query: z.strictObject({ transcript: z.enum(['true', 'false']).default('false') }),
      responses: { 200: { description: 'The deployment.', schema: deploymentDetail }, 404: { description: 'No such deployment.' } },
      handler: ({ c, params, query }) => {
        const deployment = history.getDeployment(params.id);
        if (!deployment) throw notFound(`no deployment ${params.id}`);
        return c.json(deploymentDetailView(deployment, history.deviceResults(params.id), query.transcript === 'true'));
      },
    }),
    route({
      method: 'post',
      path: '/deployments/:id/rollback',
      summary: 'Restore the pre-deploy backup of the deployment’s devices, in the background.',
      tag: 'deployments',
      role: 'operator',
      params: idParam,
      // Optional: no body means every device that has a pre-deploy backup, saved afterwards.
      body: rollbackBody.optional(),
      responses: {
        202: { description: 'Started; the job log (job = job_id) has each device’s outcome.', schema: rollbackAccepted },
        404: { description: 'No such deployment.' },
        409: { description: 'The deployment is still running, a rollback of it is running, or no device of it has a pre-deploy backup.' },
      },
      handler: ({ c, params, body: given, caller, log }) => {
        const body = given ?? {};
        const deployment = history.getDeployment(params.id);
        if (!deployment) throw notFound(`no deployment ${params.id}`);
        if (deployment.status === 'pending' || deployment.status === 'running') throw conflict(`deployment ${params.id} is still ${deployment.status}: roll it back once it has ended`);
        if (service.jobs.ids('rollback').some((job) => job.startsWith(`rb-${params.id}-`))) throw conflict(`a rollback of deployment ${params.id} is already running`);
        const results = history.deviceResults(params.id);
        const unknown = (body.devices ?? []).filter((name) => !results.some((r) => r.device === name));
        if (unknown.length > 0) throw new ApiError(400, 'bad_request', `deployment ${params.id} did not include ${unknown.join(', ')}`);
        const chosen = results.filter((r) => r.backupBefore !== undefined && !UNTOUCHED.has(r.status) && (body.devices === undefined || body.devices.includes(r.device)));
        if (chosen.length === 0) throw conflict(`no device of deployment ${params.id}${body.devices ? ' among those given' : ''} has a pre-deploy backup to roll back to`);
        const jobId = `rb-${params.id}-${randomBytes(2).toString('hex')}`;
        const jobLog = service.logger.child({ job: jobId, deployment: params.id });
        service.jobs.start(jobId, 'rollback', (signal) => rollBack(service, { jobId, deploymentId: params.id, actor: `api:${caller.name}`, results: chosen, save: body.save !== false, signal }), (error) =>
          jobLog.error('rollback', `rollback job ${jobId} failed unexpectedly: ${errorMessage(error)}`),
        );
        log.info('rollback', `rollback ${jobId} of deployment ${params.id} started by ${caller.name}: ${chosen.map((r) => r.device).join(', ')}`, { job: jobId, deployment: params.id });
        return c.json({ job_id: jobId, devices: chosen.map((r) => r.device) }, 202);
      },
    }),
  ];
}

interface RollbackJob {
  jobId: string;
  deploymentId: string;
  actor: string;
  results: readonly DeviceResultRecord[];
  save: boolean;
  signal: AbortSignal;
}

/** Each device back to the backup taken before the deployment; every outcome in the job log. */
async function rollBack(service: Service, job: RollbackJob): Promise<void> {
  const opened = service.openRun(job.actor);
  // The pipeline's own log lines (the restore's) carry the job too.
  const ctx = { ...opened, logger: opened.logger.child({ job: job.jobId, deployment: job.deploymentId }) };
  let restored = 0;
  try {
    ctx.logger.info('rollback', `rolling back deployment ${job.deploymentId} on ${job.results.length} device(s), started by ${job.actor}`);
    await mapLimit(job.results, ctx.project.inventory.settings.concurrency, async (result) => {
      const log = ctx.logger.child({ device: result.device });
      // Shutting down: devices not started yet are left as they are, and said so.
      if (job.signal.aborted) return log.warn('rollback', `${result.device}: not rolled back: the service is shutting down`);
      const device = ctx.project.inventory.devices.find((d) => d.name === result.device);
      if (!device) return log.error('rollback', `${result.device}: not rolled back: it is not in the inventory any more`);
      try {
        const outcome = await applyRollback(ctx, device, rollbackTarget(ctx, device, `deployment:${job.deploymentId}`), { save: job.save });
        if (outcome.ok) restored++;
      } catch (error) {
        log.error('rollback', `${result.device}: rollback failed: ${errorMessage(error)}`);
      }
    });
    (restored === job.results.length ? ctx.logger.info : ctx.logger.error)('rollback', `rollback of deployment ${job.deploymentId} ended: ${restored} of ${job.results.length} device(s) restored`);
  } finally {
    service.closeRun(opened);
  }
}
