// The loop over HTTP, watched the way an operator and Prometheus watch it: a deployment's log
// lines arrive live on the SSE stream while it runs, and the metrics count it afterwards.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routerConfig } from '../support/pipeline-lab.js';
import { eventually, startServiceLab, type ServiceLab } from '../support/service-lab.js';

let sl: ServiceLab;

beforeAll(async () => {
  sl = await startServiceLab({ devices: 2 });
}, 60_000);
afterAll(() => sl?.stop());

interface SseEvent {
  event: string;
  id: string;
  data: string;
}

/** Reads SSE frames from a streaming response as they arrive. */
function sseReader(response: Response): { events: SseEvent[]; done: Promise<void> } {
  const events: SseEvent[] = [];
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const done = (async () => {
    for (;;) {
      const { value, done: end } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (end) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event: SseEvent = { event: 'message', id: '', data: '' };
        for (const line of frame.split('\n')) {
          if (line.startsWith('event:')) event.event = line.slice(6).trim();
          else if (line.startsWith('id:')) event.id = line.slice(3).trim();
          else if (line.startsWith('data:')) event.data += line.slice(5).trim();
        }
        if (event.data !== '') events.push(event);
      }
    }
  })();
  return { events, done };
}

describe('a deployment over HTTP', () => {
  it('streams its log lines live, and counts it in /metrics', async () => {
    const metric = async (pattern: RegExp): Promise<number> => Number(pattern.exec((await sl.call('GET', '/metrics', { as: null })).text)?.[1] ?? 0);
    const succeededBefore = await metric(/^catnet_deployments_total\{status="succeeded"\} (\d+)/m);
    const deviceBefore = await metric(/^catnet_device_deployments_total\{status="succeeded"\} (\d+)/m);

    const abort = new AbortController();
    const stream = await fetch(`${sl.url}/api/v1/logs/stream?category=deploy`, { headers: { authorization: `Bearer ${sl.tokens.viewer}` }, signal: abort.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const live = sseReader(stream);

    sl.pl.intend('r1', routerConfig('r1', 0, ['ip route 10.77.0.0 255.255.0.0 Null0']));
    const plan = await sl.call('POST', '/api/v1/plans', { as: 'operator', body: { devices: ['r1'] } });
    expect(plan.status).toBe(201);
    const started = await sl.call('POST', '/api/v1/deployments', { as: 'operator', body: { plan_id: (plan.body as { id: string }).id } });
    expect(started.status).toBe(202);
    const id = (started.body as { id: string }).id;

    const lines = await eventually(() => {
      const mine = live.events.map((e) => JSON.parse(e.data) as { deployment?: string; message: string }).filter((e) => e.deployment === id);
      return mine.some((e) => /^deployment succeeded/.test(e.message)) ? mine : undefined;
    }, 30_000, 'the deployment’s last log line on the stream');
    expect(lines[0]?.message).toMatch(/^deployment of 1 device started by api:operator/);
    expect(lines.some((e) => e.message.startsWith('pushed '))).toBe(true);
    const ids = live.events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    abort.abort();
    await live.done;

    const deployment = (await sl.call('GET', `/api/v1/deployments/${id}`, { as: 'viewer' })).body as { status: string };
    expect(deployment.status).toBe('succeeded');
    expect(await metric(/^catnet_deployments_total\{status="succeeded"\} (\d+)/m)).toBe(succeededBefore + 1);
    expect(await metric(/^catnet_device_deployments_total\{status="succeeded"\} (\d+)/m)).toBe(deviceBefore + 1);
    expect(await metric(/^catnet_deployment_duration_seconds_count (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect(await metric(/^catnet_backups_total\{result="created"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
