// Plans over the API: `catnet plan` for the selected devices (a fresh backup of each), kept in
// the store under an id that POST /deployments takes. The stored plan holds the commands as
// they will be sent, secrets included; every response shows it redacted.

import { z } from 'zod';
import { planDevices } from '../../pipeline/plan.js';
import { selectDevices, TargetError } from '../../pipeline/targets.js';
import { route, type AnyRoute } from '../http/api.js';
import { ApiError, notFound } from '../http/errors.js';
import type { Service } from '../service.js';
import { planListItem, planResponse, planView } from './deployment-views.js';
import { limitQuery, selectionSchema } from './schemas.js';

export const planIdParam = z.strictObject({ id: z.string().min(1).max(100) });

export function plansRoutes(service: Service): AnyRoute[] {
  const plans = service.store.plans;
  return [
    route({
      method: 'post',
      path: '/plans',
      summary: 'Plan the selected devices now (a fresh backup of each) and keep the plan for a deployment.',
      tag: 'plans',
      role: 'operator',
      body: z.strictObject(selectionSchema),
      responses: {
        201: { description: 'Planned and stored. Devices that could not be planned are in it with status `error` (counted in `errors`).', schema: planResponse },
        400: { description: 'Unknown device or group.' },
      },
      handler: async ({ c, body, caller, log }) => {
        const actor = `api:${caller.name}`;
        const ctx = service.openRun(actor);
        let plan;
        try {
          plan = await planDevices(ctx, targets(() => selectDevices(ctx.project.inventory, body)));
        } finally {
          service.closeRun(ctx);
        }
        const stored = plans.save({ actor, plan });
        plans.prune(service.project.inventory.settings.server.plans_keep);
        const view = planView(stored);
        log.info('plan', `plan ${stored.id} made by ${caller.name}: ${plan.devices.length} devices, ${plan.devices.filter((d) => d.changes).length} with changes, ${view.errors} not planned`);
        return c.json(view, 201);
      },
    }),
    route({
      method: 'get',
      path: '/plans',
      summary: 'Stored plans, newest first (without their bodies).',
      tag: 'plans',
      role: 'viewer',
      query: z.strictObject({ limit: limitQuery }),
      responses: { 200: { description: 'Plans, newest first.', schema: z.array(planListItem) } },
      handler: ({ c, query }) => c.json(plans.list(query.limit).map((p) => ({ id: p.id, created_at: p.createdAt, actor: p.actor }))),
    }),
    route({
      method: 'get',
      path: '/plans/:id',
      summary: 'One stored plan, redacted.',
      tag: 'plans',
      role: 'viewer',
      params: planIdParam,
      responses: { 200: { description: 'The plan.', schema: planResponse }, 404: { description: 'No such plan (or pruned).' } },
      handler: ({ c, params }) => {
        const stored = plans.get(params.id);
        if (!stored) throw notFound(`no plan ${params.id}`);
        return c.json(planView(stored));
      },
    }),
  ];
}

/** The selection's devices; an unknown device or group is the caller's mistake (400), as on the CLI. */
export function targets<T>(select: () => T): T {
  try {
    return select();
  } catch (error) {
    if (error instanceof TargetError) throw new ApiError(400, 'bad_request', error.message);
    throw error;
  }
}
