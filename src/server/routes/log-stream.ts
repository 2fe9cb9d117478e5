// `GET /logs/stream`: the job log as Server-Sent Events. The store is the buffer: appends only
// wake the sender, which reads everything after the last id it sent with the same query GET
// /logs uses (as `catnet logs --follow` polls the store). Subscribing before the first read
// means nothing appended while the backlog is sent is lost, and reading by id means nothing is
// sent twice and the order is the store's.

import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { Logger } from '../../obs/logger.js';
import type { JobLog, StoredLogEntry } from '../../store/job-log.js';
import type { LogQuery } from '../../store/types.js';
import type { AppEnv } from '../http/api.js';

/** A comment this often while idle, so proxies and load balancers keep the connection open. */
export const HEARTBEAT_MS = 15_000;
/** Entries read from the store at a time, so a large backlog does not sit in memory at once. */
const BATCH = 500;

export interface LogStreamOptions {
  logs: JobLog;
  /** Deployment, job, device, level, category, since, until: no afterId, limit or offset. */
  filters: LogQuery;
  /** Send the stored entries after this id first; undefined: only entries appended from now on. */
  afterId: number | undefined;
  /** The service's shutdown: the stream ends with it. */
  shutdown: AbortSignal;
  log: Logger;
  /** An entry as the API shows it (the same view as GET /logs). */
  view: (entry: StoredLogEntry) => unknown;
}

export function logStream(c: Context<AppEnv>, options: LogStreamOptions): Response {
  const { logs, filters, shutdown, log, view } = options;
  // Nginx buffers responses unless told otherwise, which would hold the events back.
  c.header('X-Accel-Buffering', 'no');
  const response = streamSSE(c, async (stream) => {
    // Everything before the first await runs before the response is returned: the stream is
    // subscribed before the client can see it open.
    let last = options.afterId;
    let pending = last !== undefined;
    let ended = false;
    let wake: (() => void) | undefined;
    const nudge = (): void => {
      wake?.();
      wake = undefined;
    };
    const unsubscribe = logs.onAppend((entry) => {
      // Ids only grow: without a starting id, the first append marks where "new" begins.
      last ??= entry.id - 1;
      pending = true;
      nudge();
    });
    const end = (): void => {
      ended = true;
      nudge();
    };
    stream.onAbort(end);
    shutdown.addEventListener('abort', end);
    if (shutdown.aborted) end();
    try {
      // Headers and a first line at once, so the client knows it is subscribed.
      await stream.write(': connected\n\n');
      while (!ended) {
        if (pending && last !== undefined) {
          pending = false;
          last = await sendAfter(stream, logs, filters, view, last, () => ended);
          continue;
        }
        const woken = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), HEARTBEAT_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(true);
          };
        });
        if (!woken && !ended) await stream.write(': heartbeat\n\n');
      }
    } catch (error) {
      log.error('http', `log stream failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      wake = undefined;
      unsubscribe();
      shutdown.removeEventListener('abort', end);
    }
  });
  // streamSSE asks for keep-alive; a kept idle socket would hold a shutdown back by the
  // keep-alive timeout, and an event-stream client opens a new connection to resume anyway.
  response.headers.set('Connection', 'close');
  return response;
}

/** Sends every matching entry after `after`, in id order; returns the last id sent. */
async function sendAfter(stream: SSEStreamingApi, logs: JobLog, filters: LogQuery, view: LogStreamOptions['view'], after: number, ended: () => boolean): Promise<number> {
  let last = after;
  for (;;) {
    const batch = logs.query({ ...filters, afterId: last, limit: BATCH });
    for (const entry of batch) {
      await stream.writeSSE({ event: 'log', id: String(entry.id), data: JSON.stringify(view(entry)) });
      last = entry.id;
      // The store closes after the streams end: do not read it again once ended.
      if (ended()) return last;
    }
    if (batch.length < BATCH) return last;
  }
}
