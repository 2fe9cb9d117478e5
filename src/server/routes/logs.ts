// The job log over HTTP: a filtered, paged list, counts by level and category, and a live
// stream (SSE). The filters are the store's (`JobLog.query`), as `catnet logs` uses them.
// Entries were redacted when they were logged: they are returned as stored.

import { z } from 'zod';
import { LOG_LEVELS, type StoredLogEntry } from '../../store/job-log.js';
import type { LogLevel, LogQuery } from '../../store/types.js';
import { route, type AnyRoute } from '../http/api.js';
import { ApiError } from '../http/errors.js';
import type { Service } from '../service.js';
import { logStream } from './log-stream.js';
import { limitQuery } from './schemas.js';

export const logLevelSchema = z.enum(LOG_LEVELS as readonly [LogLevel, ...LogLevel[]]);

// Stored times are UTC with milliseconds (`toISOString`), compared as text: normalise to that
// form so an offset or a missing fraction still compares correctly.
const isoTime = z.iso
  .datetime({ offset: true, error: 'an ISO 8601 time, e.g. 2024-05-01T12:00:00Z' })
  .transform((value) => new Date(value).toISOString());

const name = z.string().min(1).max(200);

const filterShape = {
  deployment: name.optional(),
  job: name.optional(),
  device: name.optional(),
  level: logLevelSchema.optional().describe('this level and above'),
  category: name.optional(),
  since: isoTime.optional().describe('ISO 8601, inclusive'),
  until: isoTime.optional().describe('ISO 8601, inclusive'),
};

type Filters = z.output<z.ZodObject<typeof filterShape>>;

/** The time range must not be empty by construction (a likely swapped pair). */
function withRange<S extends z.ZodType<Filters>>(schema: S): S {
  return schema.refine((q) => q.since === undefined || q.until === undefined || q.since <= q.until, { message: 'until is before since', path: ['until'] });
}

const listQuery = withRange(z.strictObject({ ...filterShape, limit: limitQuery, offset: z.coerce.number().int().min(0).default(0) }));
const statsQuery = withRange(z.strictObject(filterShape));
const streamQuery = withRange(z.strictObject({ ...filterShape, after_id: z.coerce.number().int().min(0).optional().describe('send the stored entries after this id first (the Last-Event-ID header wins)') }));

export const logEntrySchema = z.object({
  id: z.number().int(),
  time: z.string(),
  level: logLevelSchema,
  category: z.string(),
  device: z.string().nullable(),
  deployment: z.string().nullable(),
  job: z.string().nullable(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const logListSchema = z.object({
  entries: z.array(logEntrySchema),
  limit: z.number().int(),
  offset: z.number().int(),
  next_offset: z.number().int().nullable(),
});

export const logStatsSchema = z.object({
  total: z.number().int(),
  by_level: z.object({ debug: z.number().int(), info: z.number().int(), warn: z.number().int(), error: z.number().int() }),
  by_category: z.record(z.string(), z.number().int()),
});

export function logEntryView(entry: StoredLogEntry): z.infer<typeof logEntrySchema> {
  return {
    id: entry.id,
    time: entry.time,
    level: entry.level,
    category: entry.category,
    device: entry.device ?? null,
    deployment: entry.deployment ?? null,
    job: entry.job ?? null,
    message: entry.message,
    details: entry.details ?? null,
  };
}

function storeFilters(q: Filters): LogQuery {
  return { deployment: q.deployment, job: q.job, device: q.device, level: q.level, category: q.category, since: q.since, until: q.until };
}

/** The standard SSE resume header, sent by EventSource on reconnect: a whole number or absent. */
function lastEventId(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const value = header.trim();
  if (!/^\d{1,15}$/.test(value)) {
    const message = 'must be the id of a log entry (a whole number ≥ 0)';
    throw new ApiError(400, 'validation_failed', `invalid request header: last-event-id: ${message}`, { fields: [{ field: 'header.last-event-id', message }] });
  }
  return Number(value);
}

export function logsRoutes(service: Service): AnyRoute[] {
  const logs = service.store.logs;
  return [
    route({
      method: 'get',
      path: '/logs',
      summary: 'The job log, oldest first, filtered and paged.',
      tag: 'logs',
      role: 'viewer',
      query: listQuery,
      responses: { 200: { description: 'A page of entries; next_offset is null on the last page.', schema: logListSchema } },
      handler: ({ c, query }) => {
        // One more than asked tells whether there is a next page without counting them all.
        const rows = logs.query({ ...storeFilters(query), limit: query.limit + 1, offset: query.offset });
        const more = rows.length > query.limit;
        return c.json({
          entries: rows.slice(0, query.limit).map(logEntryView),
          limit: query.limit,
          offset: query.offset,
          next_offset: more ? query.offset + query.limit : null,
        });
      },
    }),
    route({
      method: 'get',
      path: '/logs/stats',
      summary: 'How many entries match the filters, by level and by category.',
      tag: 'logs',
      role: 'viewer',
      query: statsQuery,
      responses: { 200: { description: 'Counts.', schema: logStatsSchema } },
      handler: ({ c, query }) => {
        const stats = logs.stats(storeFilters(query));
        return c.json({ total: stats.total, by_level: stats.byLevel, by_category: stats.byCategory });
      },
    }),
    route({
      method: 'get',
      path: '/logs/stream',
      summary: 'New job log entries as Server-Sent Events (`event: log`, `id`, JSON `data`), with the same filters; resume with Last-Event-ID or after_id.',
      tag: 'logs',
      role: 'viewer',
      query: streamQuery,
      responses: { 200: { description: 'An event stream: a comment heartbeat every 15 s while idle; it ends when the service shuts down.', contentType: 'text/event-stream' } },
      handler: ({ c, query, log }) => {
        const afterId = lastEventId(c.req.header('last-event-id')) ?? query.after_id;
        return logStream(c, { logs, filters: storeFilters(query), afterId, shutdown: service.shutdownSignal, log, view: logEntryView });
      },
    }),
  ];
}
