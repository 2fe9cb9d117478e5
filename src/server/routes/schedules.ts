// Schedules: what `settings.schedules` runs by itself, with next and last runs, and a run on
// request (in the background, through the same path as a timed run).

import { z } from 'zod';
import { route, type AnyRoute } from '../http/api.js';
import { ApiError, conflict, notFound } from '../http/errors.js';
import type { Schedules } from '../schedules/scheduler.js';
import type { Service } from '../service.js';

export const scheduleStatusSchema = z.object({
  name: z.string(),
  kind: z.enum(['backup', 'drift']),
  cron: z.string().nullable(),
  every_seconds: z.number().int().nullable(),
  devices: z.array(z.string()),
  groups: z.array(z.string()),
  start: z.string().nullable(),
  end: z.string().nullable(),
  enabled: z.boolean(),
  running: z.boolean(),
  /** Null when disabled or past its window. */
  next_run: z.string().nullable(),
  last_run: z.object({ started_at: z.string(), finished_at: z.string().nullable(), ok: z.boolean().nullable(), summary: z.string().nullable() }).nullable(),
});

export const scheduleStartedSchema = z.object({ name: z.string(), started: z.literal(true) });

export function schedulesRoutes(service: Service): AnyRoute[] {
  // Read at request time: startServer sets them before the app is built; bare app tests have none.
  const schedules = (): Schedules => {
    if (!service.schedules) throw new ApiError(503, 'unavailable', 'the schedules are not running in this service');
    return service.schedules;
  };
  return [
    route({
      method: 'get',
      path: '/schedules',
      summary: 'The schedules, with their next and last runs.',
      tag: 'schedules',
      role: 'viewer',
      responses: { 200: { description: 'In the order of the inventory.', schema: z.array(scheduleStatusSchema) } },
      handler: ({ c }) => c.json(schedules().list()),
    }),
    route({
      method: 'post',
      path: '/schedules/:name/run',
      summary: 'Run a schedule now, in the background (its window does not apply; it never overlaps its own run).',
      tag: 'schedules',
      role: 'operator',
      params: z.strictObject({ name: z.string().min(1).max(200) }),
      responses: {
        202: { description: 'Started; GET /schedules shows it running, then its last run.', schema: scheduleStartedSchema },
        404: { description: 'No such schedule.' },
        409: { description: 'The schedule is disabled, or already running.' },
        503: { description: 'The service is shutting down.' },
      },
      handler: ({ c, params, log }) => {
        const all = schedules();
        const status = all.get(params.name);
        if (!status) throw notFound(`no schedule ${params.name}`);
        if (!status.enabled) throw conflict(`schedule ${params.name} is disabled`);
        if (status.running) throw conflict(`schedule ${params.name} is already running`);
        void all.runNow(params.name);
        // runNow marks the run before returning; not running now means it was refused.
        if (!all.get(params.name)?.running) throw new ApiError(503, 'unavailable', 'the service is shutting down: no new runs are started');
        log.info('schedule', `schedule ${params.name} run on request`);
        return c.json({ name: params.name, started: true as const }, 202);
      },
    }),
  ];
}
