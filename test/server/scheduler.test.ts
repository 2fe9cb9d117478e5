// The scheduler without a server: next runs on a fixed clock (cron in UTC, `every` from the
// start or the window's start, the window's ends), and runs on request that never overlap, never
// run disabled, and are skipped once the service is shutting down.

import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSchedules, type Schedules } from '../../src/server/schedules/scheduler.js';
import { openService, type Service } from '../../src/server/service.js';
import { startPipelineLab, type PipelineLab } from '../support/pipeline-lab.js';

let pl: PipelineLab;
let service: Service;

beforeAll(async () => {
  pl = await startPipelineLab(1, {
    inventoryExtra: [
      '  schedules:',
      '    - { name: every-10s, kind: drift, every: 10s, devices: [r1] }',
      "    - { name: quarterly, kind: backup, cron: '*/15 * * * *' }",
      "    - { name: six-fields, kind: backup, cron: '30 0 3 * * *' }",
      '    - { name: from-one, kind: backup, every: 1h, start: 2030-01-01T01:00:00Z }',
      "    - { name: cron-from-half, kind: backup, cron: '*/15 * * * *', start: 2030-01-01T00:30:00Z }",
      "    - { name: ended, kind: backup, cron: '*/15 * * * *', end: 2030-01-01T00:10:00Z }",
      '    - { name: started-earlier, kind: drift, every: 1h, start: 2029-12-31T22:30:00Z }',
      '    - { name: off, kind: drift, every: 10s, enabled: false }',
    ],
  });
  const env = { ...pl.env, CATNET_JWT_SECRET: 'test-signing-key-0123456789abcdef-0123456789' };
  service = await openService({ configFile: join(pl.dir, 'catnet.config.yaml'), env, logDestination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
}, 60_000);
afterAll(async () => {
  service?.close();
  await pl?.stop();
}, 60_000);

const T = new Date('2030-01-01T00:00:05.000Z');

function withSchedules<R>(now: () => Date, use: (s: Schedules) => R): R {
  const schedules = startSchedules(service, { now });
  try {
    return use(schedules);
  } finally {
    schedules.stop();
  }
}

describe('next runs', () => {
  it('computes cron in UTC, every from the start, and the window', () => {
    withSchedules(
      () => T,
      (s) => {
        const next = Object.fromEntries(s.list().map((x) => [x.name, x.next_run]));
        expect(next).toEqual({
          'every-10s': '2030-01-01T00:00:15.000Z',
          quarterly: '2030-01-01T00:15:00.000Z',
          'six-fields': '2030-01-01T03:00:30.000Z',
          // A run exactly at `start` counts.
          'from-one': '2030-01-01T01:00:00.000Z',
          'cron-from-half': '2030-01-01T00:30:00.000Z',
          // The next quarter is past `end`.
          ended: null,
          // Every hour counted from the window's start: 22:30, 23:30, 00:30.
          'started-earlier': '2030-01-01T00:30:00.000Z',
          off: null,
        });
      },
    );
  });

  it('lists settings as given, and nothing once stopped', () => {
    const s = startSchedules(service, { now: () => T });
    expect(s.get('from-one')).toMatchObject({ kind: 'backup', cron: null, every_seconds: 3600, devices: [], groups: [], start: '2030-01-01T01:00:00.000Z', end: null, enabled: true, running: false, last_run: null });
    expect(s.get('nope')).toBeUndefined();
    s.stop();
    expect(s.get('quarterly')?.next_run).toBeNull();
  });
});

describe('runs on request', () => {
  it('never overlaps a run of the same schedule, and records the last run', async () => {
    const s = startSchedules(service);
    try {
      const first = s.runNow('every-10s');
      expect(s.get('every-10s')?.running).toBe(true);
      expect(service.jobs.ids('drift')).toHaveLength(1);
      expect(await s.runNow('every-10s')).toBe(false);
      expect(await first).toBe(true);
      const status = s.get('every-10s');
      expect(status?.running).toBe(false);
      expect(status?.last_run).toMatchObject({ ok: true, summary: '0 drifted, 1 in sync, 0 failed' });
      expect(Date.parse(status!.last_run!.finished_at!)).toBeGreaterThanOrEqual(Date.parse(status!.last_run!.started_at));
      expect(service.store.drift.get('r1')?.status).toBe('in_sync');
      expect(await s.runNow('nope')).toBe(false);
      expect(await s.runNow('off')).toBe(false);
      expect(s.get('off')?.last_run).toBeNull();
    } finally {
      s.stop();
    }
  });

  it('records runs whose devices cannot be reached as failed', async () => {
    const s = startSchedules(service);
    await pl.lab.setFaults('r1', { refuseConnections: true });
    try {
      expect(await s.runNow('quarterly')).toBe(true);
      expect(s.get('quarterly')?.last_run).toMatchObject({ ok: false, summary: '0 devices backed up (0 changed), 1 failed' });
      expect(await s.runNow('every-10s')).toBe(true);
      expect(s.get('every-10s')?.last_run).toMatchObject({ ok: false, summary: '0 drifted, 0 in sync, 1 failed' });
      expect(service.store.drift.get('r1')).toMatchObject({ status: 'error', error: expect.any(String) as unknown as string });
    } finally {
      s.stop();
      await pl.lab.setFaults('r1', {});
    }
  });

  it('skips a run once the service is shutting down', async () => {
    const s = startSchedules(service);
    try {
      await service.jobs.drain();
      expect(await s.runNow('quarterly')).toBe(false);
      expect(s.get('quarterly')?.running).toBe(false);
    } finally {
      s.stop();
    }
  });
});
