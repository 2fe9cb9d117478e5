// Per request: a correlation id (the client's X-Request-Id when it is a sane token, else a new
// one), returned in the response header and carried by every log line of the request; the
// request counted and timed by route pattern; and mutating requests audited in the job log.

import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Service } from '../service.js';
import type { AppEnv } from './api.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestContext(service: Pick<Service, 'logger' | 'serviceMetrics'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const offered = c.req.header('x-request-id');
    const id = offered !== undefined && REQUEST_ID.test(offered) ? offered : randomUUID();
    c.set('correlationId', id);
    c.set('log', service.logger.child({ correlationId: id }));
    c.set('route', 'unmatched');
    c.set('caller', undefined);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', id);
    const { method } = c.req;
    const status = c.res.status;
    service.serviceMetrics.observeRequest({ method, route: c.get('route'), status }, (performance.now() - started) / 1000);
    const caller = c.get('caller');
    // Reads are not audited (a dashboard polling would drown the log); every change is, failed or not.
    if (method !== 'GET' && method !== 'HEAD' && c.get('route') !== 'unmatched') {
      const who = caller ? `${caller.name} (${caller.role})` : 'anonymous';
      c.get('log')[status >= 500 ? 'error' : 'info']('audit', `${who} ${method} ${c.req.path} → ${status}`, { details: { user: caller?.name ?? null, status } });
    } else if (status >= 500) {
      c.get('log').error('http', `${method} ${c.req.path} → ${status}`);
    }
  };
}
