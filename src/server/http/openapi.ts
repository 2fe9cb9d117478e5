// The OpenAPI 3.1 document, written from the route specs and their zod schemas (JSON Schema
// 2020-12 is OpenAPI 3.1's own dialect): what a client reads is what the server validates.

import { z } from 'zod';
import { acceptsNothing, type AnyRoute } from './api.js';

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown(),
    correlation_id: z.string(),
  }),
});

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

export function openApiDocument(routes: readonly AnyRoute[], base: string, info: OpenApiInfo): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = (base + spec.path).replace(/:(\w+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      operationId: operationId(spec),
      summary: spec.summary,
      tags: [spec.tag],
      description: spec.role === 'public' ? 'No token needed.' : `Needs a token of role \`${spec.role}\`${spec.role === 'admin' ? '' : ' or higher'}.`,
      'x-catnet-role': spec.role,
      security: spec.role === 'public' ? [] : [{ bearer: [] }],
      parameters: [...parameters(spec.params, 'path'), ...parameters(spec.query, 'query')],
      responses: responses(spec),
    };
    if (spec.body) operation.requestBody = { required: !acceptsNothing(spec.body as z.ZodType), content: { 'application/json': { schema: jsonSchema(spec.body as z.ZodType, 'input') } } };
    (paths[path] ??= {})[spec.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: jsonSchema(errorSchema, 'output') },
    },
    paths,
  };
}

function responses(spec: AnyRoute): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(spec.responses)) {
    out[status] = {
      description: response.description,
      ...(response.schema ? { content: { [response.contentType ?? 'application/json']: { schema: jsonSchema(response.schema, 'output') } } } : {}),
    };
  }
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  if (spec.body || spec.query || spec.params) out['400'] ??= error('Invalid input: every bad field is listed in `details.fields`.');
  if (spec.role !== 'public') {
    out['401'] ??= error('No token, or an invalid or expired one.');
    out['403'] ??= error('The token’s role may not do this.');
  }
  return out;
}

function parameters(schema: unknown, where: 'path' | 'query'): Record<string, unknown>[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const fieldSchema = jsonSchema(field, 'input');
    const { description, ...rest } = fieldSchema;
    return { name, in: where, required: where === 'path' || !field.safeParse(undefined).success, schema: rest, ...(description ? { description } : {}) };
  });
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function operationId(spec: AnyRoute): string {
  const words = spec.path
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part));
  return [spec.method, ...words].join('-').replace(/-(\w)/g, (_, ch: string) => ch.toUpperCase());
}
