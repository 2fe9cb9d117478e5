// The job log over HTTP: filters, paging, stats, validation, roles, and the SSE stream (live
// entries in order, resume, no leak on disconnect, end on shutdown), against the real server.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEARTBEAT_MS } from '../../src/server/routes/log-stream.js';
import { logEntrySchema, logListSchema, logStatsSchema } from '../../src/server/routes/logs.js';
import type { LogEntry } from '../../src/store/types.js';
import { eventually, startServiceLab, type ServiceLab } from '../support/service-lab.js';

let sl: ServiceLab;

beforeAll(async () => {
  sl = await startServiceLab({ devices: 1 });
}, 60_000);

afterAll(async () => {
  await sl?.stop();
}, 60_000);

function append(entry: Partial<LogEntry> & { message: string }): number {
  return sl.server.service.store.logs.append({ time: new Date().toISOString(), level: 'info', category: 'test', ...entry });
}

/** JobLog keeps its followers private; the count is what shows a stream unsubscribed. */
function listenerCount(): number {
  return (sl.server.service.store.logs as unknown as { listeners: Set<unknown> }).listeners.size;
}

async function list(query: string): Promise<string[]> {
  const res = await sl.call('GET', `/api/v1/logs?${query}`, { as: 'viewer' });
  expect(res.status, res.text).toBe(200);
  return logListSchema.parse(res.body).entries.map((e) => e.message);
}

describe('GET /logs', () => {
  const t = (s: number) => new Date(Date.UTC(2031, 0, 1, 0, 0, s)).toISOString();
  beforeAll(() => {
    append({ time: t(0), level: 'debug', category: 'plan', device: 'r1', deployment: 'dep-a', message: 'a1' });
    append({ time: t(1), level: 'info', category: 'deploy', device: 'r1', deployment: 'dep-a', message: 'a2', details: { commands: 3 } });
    append({ time: t(2), level: 'warn', category: 'deploy', device: 'r2', deployment: 'dep-a', message: 'a3' });
    append({ time: t(3), level: 'error', category: 'verify', device: 'r2', deployment: 'dep-a', message: 'a4' });
    append({ time: t(4), level: 'info', category: 'backup', device: 'r1', job: 'job-a', message: 'a5' });
  });

  it('filters by deployment, device, job, level and above, and category', async () => {
    expect(await list('deployment=dep-a')).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(await list('deployment=dep-a&device=r1')).toEqual(['a1', 'a2']);
    expect(await list('job=job-a')).toEqual(['a5']);
    expect(await list('deployment=dep-a&level=warn')).toEqual(['a3', 'a4']);
    expect(await list('deployment=dep-a&level=debug')).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(await list('deployment=dep-a&category=deploy')).toEqual(['a2', 'a3']);
    expect(await list('deployment=nope')).toEqual([]);
  });

  it('filters by an inclusive time range, whatever the offset or precision of the bounds', async () => {
    expect(await list(`since=${encodeURIComponent('2031-01-01T01:00:01+01:00')}&until=2031-01-01T00:00:03Z`)).toEqual(['a2', 'a3', 'a4']);
    expect(await list(`since=${t(4)}`)).toEqual(['a5']);
    expect(await list('until=2031-01-01T00:00:00Z&deployment=dep-a')).toEqual(['a1']);
  });

  it('returns entries with every field, null where absent', async () => {
    const res = await sl.call('GET', '/api/v1/logs?deployment=dep-a&category=deploy&device=r1', { as: 'viewer' });
    const [entry] = logListSchema.parse(res.body).entries;
    expect(entry).toEqual({ id: expect.any(Number), time: t(1), level: 'info', category: 'deploy', device: 'r1', deployment: 'dep-a', job: null, message: 'a2', details: { commands: 3 } });
    const [backup] = logListSchema.parse((await sl.call('GET', '/api/v1/logs?job=job-a', { as: 'viewer' })).body).entries;
    expect(backup).toMatchObject({ deployment: null, job: 'job-a', details: null });
  });

  it('pages with limit, offset and next_offset', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => append({ deployment: 'dep-page', message: `p${i}` }));
    const seen: number[] = [];
    const offsets: (number | null)[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const res = await sl.call('GET', `/api/v1/logs?deployment=dep-page&limit=2&offset=${offset}`, { as: 'viewer' });
      const page = logListSchema.parse(res.body);
      expect(page).toMatchObject({ limit: 2, offset });
      seen.push(...page.entries.map((e) => e.id));
      offset = page.next_offset;
      offsets.push(offset);
    }
    expect(offsets).toEqual([2, 4, null]);
    expect(seen).toEqual(ids);
    // An exact fit has no next page either.
    const exact = logListSchema.parse((await sl.call('GET', '/api/v1/logs?deployment=dep-page&limit=5', { as: 'viewer' })).body);
    expect(exact.entries).toHaveLength(5);
    expect(exact.next_offset).toBeNull();
    const defaults = logListSchema.parse((await sl.call('GET', '/api/v1/logs?deployment=dep-page', { as: 'viewer' })).body);
    expect(defaults).toMatchObject({ limit: 100, offset: 0, next_offset: null });
  });

  it('rejects bad values, listing each field', async () => {
    const res = await sl.call('GET', '/api/v1/logs?level=loud&since=yesterday&limit=0&offset=-1', { as: 'viewer' });
    expect(res.status).toBe(400);
    const body = res.body as { error: { code: string; details: { fields: { field: string }[] } } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.fields.map((f) => f.field).sort()).toEqual(['query.level', 'query.limit', 'query.offset', 'query.since']);
    const tooMany = await sl.call('GET', '/api/v1/logs?limit=1001&until=2031-13-01T00:00:00Z', { as: 'viewer' });
    expect((tooMany.body as typeof body).error.details.fields.map((f) => f.field).sort()).toEqual(['query.limit', 'query.until']);
    const swapped = await sl.call('GET', `/api/v1/logs?since=${t(3)}&until=${t(1)}`, { as: 'viewer' });
    expect(swapped.status).toBe(400);
    expect((swapped.body as typeof body).error.details.fields.map((f) => f.field)).toEqual(['query.until']);
    expect((await sl.call('GET', '/api/v1/logs?levle=warn', { as: 'viewer' })).status).toBe(400);
  });

  it('needs a token; a viewer may read', async () => {
    for (const path of ['/api/v1/logs', '/api/v1/logs/stats', '/api/v1/logs/stream']) {
      const res = await sl.call('GET', path, { as: null });
      expect(res.status, path).toBe(401);
      expect((res.body as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect((await sl.call('GET', '/api/v1/logs', { as: 'viewer' })).status).toBe(200);
    expect((await sl.call('GET', '/api/v1/logs/stats', { as: 'viewer' })).status).toBe(200);
  });
});

describe('GET /logs/stats', () => {
  it('counts the entries matching the filters by level and category', async () => {
    for (const [level, category] of [['debug', 'plan'], ['info', 'deploy'], ['warn', 'deploy'], ['error', 'verify'], ['error', 'deploy']] as const) {
      append({ deployment: 'dep-stats', level, category, message: `${level} ${category}` });
    }
    append({ deployment: 'dep-other', level: 'error', category: 'deploy', message: 'elsewhere' });
    const all = await sl.call('GET', '/api/v1/logs/stats?deployment=dep-stats', { as: 'viewer' });
    expect(all.status).toBe(200);
    expect(logStatsSchema.parse(all.body)).toEqual({ total: 5, by_level: { debug: 1, info: 1, warn: 1, error: 2 }, by_category: { plan: 1, deploy: 3, verify: 1 } });
    const warnUp = logStatsSchema.parse((await sl.call('GET', '/api/v1/logs/stats?deployment=dep-stats&level=warn&category=deploy', { as: 'viewer' })).body);
    expect(warnUp).toEqual({ total: 2, by_level: { debug: 0, info: 0, warn: 1, error: 1 }, by_category: { deploy: 2 } });
    const bad = await sl.call('GET', '/api/v1/logs/stats?level=loud&limit=5', { as: 'viewer' });
    expect(bad.status).toBe(400);
  });
});

interface Frame {
  event?: string;
  id?: string;
  data?: string;
  comment?: string;
}

/** Opens the stream as a viewer and parses its frames as they arrive. */
async function openStream(query = '', headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${sl.url}/api/v1/logs/stream${query}`, { headers: { authorization: `Bearer ${sl.tokens.viewer}`, ...headers }, signal: controller.signal });
  const frames: Frame[] = [];
  let ended = false;
  const reading = (async () => {
    if (!response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          frames.push(parseFrame(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Aborted by the test.
    } finally {
      ended = true;
    }
  })();
  const logs = () => frames.filter((f) => f.event === 'log').map((f) => ({ id: Number(f.id), entry: logEntrySchema.parse(JSON.parse(f.data ?? '')) }));
  return { response, frames, logs, ended: () => ended, reading, abort: () => controller.abort() };
}

function parseFrame(text: string): Frame {
  const frame: Frame = {};
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    const match = /^(event|id|data): ?(.*)$/.exec(line);
    if (!match) continue;
    const [, field, value] = match as unknown as [string, 'event' | 'id' | 'data', string];
    frame[field] = field === 'data' && frame.data !== undefined ? `${frame.data}\n${value}` : value;
  }
  return frame;
}

describe('GET /logs/stream', () => {
  const live: number[] = [];

  it('sends the matching entries appended after it opened, in order, with their ids', async () => {
    const before = listenerCount();
    append({ deployment: 'dep-live', message: 'old: not sent without a resume id' });
    const stream = await openStream('?deployment=dep-live&level=info');
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(listenerCount()).toBe(before + 1);
    live.push(append({ deployment: 'dep-live', level: 'info', message: 'm1', details: { n: 1 } }));
    append({ deployment: 'dep-live', level: 'debug', message: 'too low' });
    append({ deployment: 'dep-elsewhere', level: 'error', message: 'other deployment' });
    live.push(append({ deployment: 'dep-live', level: 'error', message: 'm2' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    live.push(append({ deployment: 'dep-live', level: 'warn', message: 'm3' }));
    // The last one sent is the last appended: everything before it has been decided.
    await eventually(() => (stream.logs().length >= 3 ? true : undefined), 5000, 'three live entries');
    expect(stream.logs().map((l) => l.id)).toEqual(live);
    expect(stream.logs().map((l) => [l.entry.id, l.entry.message, l.entry.deployment])).toEqual([
      [live[0], 'm1', 'dep-live'],
      [live[1], 'm2', 'dep-live'],
      [live[2], 'm3', 'dep-live'],
    ]);
    expect(stream.logs()[0]?.entry.details).toEqual({ n: 1 });
    stream.abort();
    await stream.reading;
    await eventually(() => (listenerCount() === before ? true : undefined), 5000, 'the listener to be removed');
  });

  it('resumes after Last-Event-ID (which wins over after_id) with the missed entries, then live ones', async () => {
    const before = listenerCount();
    const stream = await openStream('?deployment=dep-live&level=info&after_id=0', { 'Last-Event-ID': String(live[0]) });
    const next = append({ deployment: 'dep-live', level: 'info', message: 'm4' });
    await eventually(() => (stream.logs().length >= 3 ? true : undefined), 5000, 'backlog and live entry');
    expect(stream.logs().map((l) => l.entry.message)).toEqual(['m2', 'm3', 'm4']);
    expect(stream.logs().map((l) => l.id)).toEqual([live[1], live[2], next]);
    stream.abort();
    await eventually(() => (listenerCount() === before ? true : undefined), 5000, 'the listener to be removed');
    const byQuery = await openStream(`?deployment=dep-live&after_id=${live[1]}`);
    await eventually(() => (byQuery.logs().length >= 2 ? true : undefined), 5000, 'backlog by after_id');
    expect(byQuery.logs().map((l) => l.entry.message)).toEqual(['m3', 'm4']);
    byQuery.abort();
  });

  it('loses and repeats nothing when entries arrive while the backlog is sent', async () => {
    // A backlog larger than one read of the store, and bursts appended while it is being sent.
    const expected = Array.from({ length: 700 }, (_, i) => append({ deployment: 'dep-race', message: `backlog ${i}` }));
    let appending = true;
    const writer = (async () => {
      for (let tick = 0; appending && tick < 200; tick++) {
        for (let i = 0; i < 10; i++) expected.push(append({ deployment: 'dep-race', message: `live ${tick}.${i}` }));
        append({ deployment: 'dep-other', message: 'not this one' });
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const stream = await openStream(`?deployment=dep-race&after_id=${(expected[0] ?? 1) - 1}`);
    await eventually(() => (stream.logs().length >= 5 ? true : undefined), 5000, 'some entries');
    appending = false;
    await writer;
    await eventually(() => (stream.logs().length >= expected.length ? true : undefined), 10_000, 'every entry');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stream.logs().map((l) => l.id)).toEqual(expected);
    stream.abort();
  });

  it('rejects bad filters and a bad Last-Event-ID', async () => {
    const bad = await sl.call('GET', '/api/v1/logs/stream?level=loud&after_id=-3', { as: 'viewer' });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { details: { fields: { field: string }[] } } }).error.details.fields.map((f) => f.field).sort()).toEqual(['query.after_id', 'query.level']);
    const header = await sl.call('GET', '/api/v1/logs/stream', { as: 'viewer', headers: { 'Last-Event-ID': 'abc' } });
    expect(header.status).toBe(400);
    expect((header.body as { error: { details: { fields: { field: string }[] } } }).error.details.fields[0]?.field).toBe('header.last-event-id');
  });

  // Last: it shuts the server down.
  it(
    'sends a heartbeat while idle and ends when the service shuts down',
    async () => {
      const before = listenerCount();
      const stream = await openStream('?deployment=dep-quiet');
      await eventually(() => (stream.frames.some((f) => f.comment === 'heartbeat') ? true : undefined), HEARTBEAT_MS + 5000, 'a heartbeat');
      expect(stream.ended()).toBe(false);
      await sl.server.close();
      await eventually(() => (stream.ended() ? true : undefined), 5000, 'the stream to end');
      expect(listenerCount()).toBe(before);
      expect(stream.logs()).toEqual([]);
    },
    HEARTBEAT_MS + 30_000,
  );
});
