// Operations endpoints outside the API version: Prometheus metrics (optionally behind their own
// bearer token, since scrapers do not log in), liveness, and readiness (the store answers).

import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { route, type AnyRoute } from '../http/api.js';
import { ApiError } from '../http/errors.js';
import type { Service } from '../service.js';

const health = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.record(z.string(), z.string()).optional() });

export function operationsRoutes(service: Service): AnyRoute[] {
  const tokenEnv = service.project.inventory.settings.server.metrics_token_env;
  return [
    route({
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics: the pipeline’s and the service’s.',
      tag: 'operations',
      role: 'public',
      responses: { 200: { description: 'Prometheus text exposition format.', schema: z.string(), contentType: 'text/plain' } },
      handler: async ({ c }) => {
        const expected = tokenEnv ? service.env[tokenEnv] : undefined;
        if (expected) checkMetricsToken(c.req.header('authorization'), expected);
        return c.body(await service.metrics.text(), 200, { 'Content-Type': service.metrics.contentType });
      },
    }),
    route({
      method: 'get',
      path: '/healthz',
      summary: 'Liveness: the process answers.',
      tag: 'operations',
      role: 'public',
      responses: { 200: { description: 'Alive.', schema: health } },
      handler: ({ c }) => c.json({ status: 'ok' as const }),
    }),
    route({
      method: 'get',
      path: '/readyz',
      summary: 'Readiness: the store answers and the service accepts work.',
      tag: 'operations',
      role: 'public',
      responses: { 200: { description: 'Ready.', schema: health }, 503: { description: 'Not ready (store unreachable, or shutting down).', schema: health } },
      handler: ({ c }) => {
        const checks: Record<string, string> = { store: storeCheck(service), jobs: service.jobs.accepting ? 'ok' : 'shutting down' };
        const ok = Object.values(checks).every((v) => v === 'ok');
        return c.json({ status: ok ? ('ok' as const) : ('unavailable' as const), checks }, ok ? 200 : 503);
      },
    }),
  ];
}

function storeCheck(service: Service): string {
  try {
    service.store.db.prepare('SELECT 1').get();
    return 'ok';
  } catch (error) {
    return `unreachable: ${(error as Error).message}`;
  }
}

function checkMetricsToken(header: string | undefined, expected: string): void {
  const given = Buffer.from(/^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '');
  const wanted = Buffer.from(expected);
  // Constant time, also in length: compare equal-length buffers, then the lengths.
  const same = given.length === wanted.length && timingSafeEqual(given, wanted);
  if (!same) throw new ApiError(401, 'unauthorized', 'the metrics endpoint needs its bearer token', undefined, { 'WWW-Authenticate': 'Bearer realm="metrics"' });
}
