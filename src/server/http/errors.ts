// One error format for every response of the API: `{ "error": { code, message, details,
// correlation_id } }`. Routes throw ApiError; anything else becomes a 500 whose message says
// nothing about internals (the log has the details, under the same correlation id).

import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'token_expired'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers (Retry-After, WWW-Authenticate). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: unknown; correlation_id: string };
}

export function errorResponse(c: Context, error: ApiError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details ?? null, correlation_id: c.get('correlationId') ?? '' } };
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(body, error.status);
}

/** Every bad field at once: `{ field: "devices.0", message }`, with `where` (body, query, path) in front. */
export function validationError(where: 'body' | 'query' | 'path', error: z.ZodError): ApiError {
  const fields = error.issues.map((issue) => ({ field: [where, ...issue.path.map(String)].join('.'), message: issue.message }));
  const list = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new ApiError(400, 'validation_failed', `invalid request ${where}: ${list}`, { fields });
}

export const notFound = (what: string): ApiError => new ApiError(404, 'not_found', what);
export const conflict = (message: string, details?: unknown): ApiError => new ApiError(409, 'conflict', message, details);
