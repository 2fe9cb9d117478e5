// Drift: each device's last read-only plan against its intent in Git (status, the commands that
// would bring it back, since when it drifts), and a check on request through the same code as
// the scheduled drift runs. The stored lines were redacted when recorded.

import { z } from 'zod';
import { selectDevices, TargetError } from '../../pipeline/targets.js';
import type { DriftRecord } from '../../store/drift.js';
import { route, type AnyRoute } from '../http/api.js';
import { ApiError, notFound } from '../http/errors.js';
import { countDrifted, runDriftCheck } from '../schedules/drift-check.js';
import type { Service } from '../service.js';
import { selectionSchema } from './schemas.js';

export const driftRecordSchema = z.object({
  device: z.string(),
  status: z.enum(['in_sync', 'drifted', 'error']),
  /** Commands needed to match the intent (0 in sync). */
  commands: z.number().int(),
  lines: z.array(z.string()),
  since: z.string().nullable(),
  checked_at: z.string(),
  error: z.string().nullable(),
});

export const driftListSchema = z.object({
  devices: z.array(driftRecordSchema),
  /** Devices whose last known state is drifted. */
  drifted: z.number().int(),
});

export type DriftRecordJson = z.infer<typeof driftRecordSchema>;

export function driftView(record: DriftRecord): DriftRecordJson {
  return { device: record.device, status: record.status, commands: record.commands, lines: record.lines, since: record.since, checked_at: record.checkedAt, error: record.error ?? null };
}

export function driftRoutes(service: Service): AnyRoute[] {
  // Job ids must be unique among running jobs: two checks can start in the same millisecond.
  let checks = 0;
  return [
    route({
      method: 'get',
      path: '/drift',
      summary: 'Drift of every checked device from its intended config.',
      tag: 'drift',
      role: 'viewer',
      responses: { 200: { description: 'Devices by name, and how many drift.', schema: driftListSchema } },
      handler: ({ c }) => {
        const records = service.store.drift.list();
        return c.json({ devices: records.map(driftView), drifted: countDrifted(records) });
      },
    }),
    route({
      method: 'get',
      path: '/drift/:device',
      summary: 'Drift of one device.',
      tag: 'drift',
      role: 'viewer',
      params: z.strictObject({ device: z.string().min(1).max(200) }),
      responses: { 200: { description: 'The device’s last check.', schema: driftRecordSchema }, 404: { description: 'The device was never checked.' } },
      handler: ({ c, params }) => {
        const record = service.store.drift.get(params.device);
        if (!record) throw notFound(`no drift check of ${params.device} yet`);
        return c.json(driftView(record));
      },
    }),
    route({
      method: 'post',
      path: '/drift/check',
      summary: 'Check devices for drift now (a read-only plan; nothing is pushed). None of devices and groups: every device.',
      tag: 'drift',
      role: 'operator',
      body: z.strictObject(selectionSchema),
      responses: {
        200: { description: 'The checked devices’ records; `drifted` counts those of them that drift.', schema: driftListSchema },
        400: { description: 'An unknown device or group.' },
        503: { description: 'The service is shutting down.' },
      },
      handler: async ({ c, body, caller, log }) => {
        let devices;
        try {
          devices = selectDevices(service.inventory(), { devices: body.devices ?? [], groups: body.groups ?? [] });
        } catch (error) {
          if (error instanceof TargetError) throw new ApiError(400, 'bad_request', error.message);
          throw error;
        }
        // A job, so that a shutdown waits for the check instead of closing the store under it.
        const records = await new Promise<DriftRecord[]>((resolve, reject) => {
          service.jobs.start(
            `drift-check-${++checks}-${caller.name}`,
            'drift',
            async () => {
              const ctx = service.openRun(`api:${caller.name}`);
              ctx.logger = log;
              try {
                resolve(await runDriftCheck(service, ctx, devices));
              } finally {
                service.closeRun(ctx);
              }
            },
            reject,
          );
        });
        return c.json({ devices: records.map(driftView), drifted: countDrifted(records) });
      },
    }),
  ];
}
