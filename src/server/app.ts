// The HTTP application: request context, body limit, the API routes (validated by their zod
// schemas), the OpenAPI document written from those same routes, and one error format for
// everything, unknown routes and unexpected failures included.

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { mountRoutes, type AnyRoute, type AppEnv } from './http/api.js';
import { authenticator } from './http/authenticate.js';
import { ApiError, errorResponse } from './http/errors.js';
import { openApiDocument } from './http/openapi.js';
import { requestContext } from './http/request-context.js';
import { ShuttingDownError } from './jobs.js';
import { apiRoutes, API_BASE, operationsRoutes } from './routes/index.js';
import type { Service } from './service.js';

export const API_VERSION = '1.0.0';

export function createApp(service: Service): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestContext(service));
  const maxSize = service.project.inventory.settings.server.body_limit_kb * 1024;
  app.use(
    '*',
    bodyLimit({
      maxSize,
      onError: () => {
        // Connection: close, since the rest of the body is not read: a client must not reuse the socket.
        throw new ApiError(413, 'payload_too_large', `the request body is larger than the limit of ${maxSize / 1024} kB`, undefined, { Connection: 'close' });
      },
    }),
  );
  const api = apiRoutes(service);
  const operations = operationsRoutes(service);
  const document = openApiDocument([...api.map((r) => ({ ...r, path: API_BASE + r.path })), ...operations], '', { title: 'CatNet API', version: API_VERSION, description: 'GitOps for Cisco IOS device configurations.' });
  const auth = authenticator(service);
  mountRoutes(app, API_BASE, api, auth);
  mountRoutes(app, '', operations, auth);
  app.get(`${API_BASE}/openapi.json`, (c) => {
    c.set('route', `${API_BASE}/openapi.json`);
    return c.json(document);
  });
  app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found', `no route ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof ShuttingDownError) return errorResponse(c, new ApiError(503, 'unavailable', error.message));
    c.get('log').error('http', `${c.req.method} ${c.req.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return errorResponse(c, new ApiError(500, 'internal', 'internal error: the service log has the details under this correlation id'));
  });
  return app;
}

export type { AnyRoute };
