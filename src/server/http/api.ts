// The API's routes as data: method, path, the least role allowed, zod schemas for the path,
// query, body and responses, and the handler. `mountRoutes` validates every input with those
// schemas before a handler runs, and openapi.ts writes the OpenAPI document from the same
// specs, so the document cannot drift from what the server accepts.

import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { Logger } from '../../obs/logger.js';
import type { Role } from '../../store/users.js';
import { ApiError, validationError } from './errors.js';

/** `public` needs no token; the others need a token of that role or a higher one. */
export type MinRole = 'public' | Role;

export interface Caller {
  name: string;
  role: Role;
}

export interface AppEnv {
  Variables: {
    correlationId: string;
    log: Logger;
    /** The matched route pattern, for metrics labels. */
    route: string;
    caller: Caller | undefined;
  };
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<B, Q, P> {
  c: Context<AppEnv>;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  /** Undefined only on public routes. */
  caller: Caller;
  log: Logger;
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Default application/json. */
  contentType?: string;
}

export interface RouteSpec<B = undefined, Q = undefined, P = undefined> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Below the API base, Hono syntax: `/devices/:name`. */
  path: string;
  summary: string;
  tag: string;
  role: MinRole;
  body?: B;
  query?: Q;
  params?: P;
  responses: Record<number, ResponseSpec>;
  handler: (input: RouteInput<B, Q, P>) => Response | Promise<Response>;
}

/** Identity, for type inference of a spec's schemas in its handler. */
export function route<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<B, Q, P>,
): RouteSpec<B, Q, P> {
  return spec;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs of any schema types live in one list
export type AnyRoute = RouteSpec<any, any, any>;

export type Authenticate = (c: Context<AppEnv>, role: MinRole) => Promise<Caller | undefined>;

export function mountRoutes(app: Hono<AppEnv>, base: string, routes: readonly AnyRoute[], authenticate: Authenticate): void {
  for (const spec of routes) {
    const pattern = base + spec.path;
    app.on(spec.method.toUpperCase(), pattern, async (c) => {
      c.set('route', pattern);
      const caller = await authenticate(c, spec.role);
      c.set('caller', caller);
      const params: unknown = spec.params ? parse(spec.params as z.ZodType, c.req.param(), 'path') : undefined;
      const query: unknown = spec.query ? parse(spec.query as z.ZodType, c.req.query(), 'query') : undefined;
      const body: unknown = spec.body ? parse(spec.body as z.ZodType, await readJson(c, acceptsNothing(spec.body as z.ZodType)), 'body') : undefined;
      return spec.handler({ c, body, query, params, caller: caller as Caller, log: c.get('log') });
    });
  }
}

function parse(schema: z.ZodType, value: unknown, where: 'body' | 'query' | 'path'): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(where, result.error);
  return result.data;
}

/** Whether a body schema takes no body at all (`z.strictObject(…).optional()`): then none is fine. */
export function acceptsNothing(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

async function readJson(c: Context<AppEnv>, optional: boolean): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '' && optional) return undefined;
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ApiError(415, 'bad_request', 'the request body must be JSON (Content-Type: application/json)');
  if (text.trim() === '') throw new ApiError(400, 'bad_request', 'the request body is empty: a JSON object is expected');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError(400, 'bad_request', `the request body is not valid JSON: ${(error as Error).message}`);
  }
}
