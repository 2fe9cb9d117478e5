// /api/v1/schedules against the real server and lab: next runs, a run on request (never two at
// once), a scheduled backup of the selected devices only, a 10 s drift schedule that fires by
// itself, a disabled schedule and one whose window has not opened, which never run.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupStoreFor } from '../../src/pipeline/context.js';
import { scheduleStartedSchema, scheduleStatusSchema } from '../../src/server/routes/schedules.js';
import type { ScheduleStatus } from '../../src/server/schedules/scheduler.js';
import { eventually, startServiceLab, type ServiceLab } from '../support/service-lab.js';

let sl: ServiceLab;

beforeAll(async () => {
  sl = await startServiceLab({
    devices: 2,
    inventoryExtra: [
      '  schedules:',
      '    - name: drift-fast',
      '      kind: drift',
      '      every: 10s',
      '      devices: [r2]',
      '    - name: nightly-backup',
      '      kind: backup',
      "      cron: '0 2 * * *'",
      '      devices: [r1]',
      '    - name: paused-backup',
      '      kind: backup',
      '      every: 1h',
      '      enabled: false',
      '    - name: later-drift',
      '      kind: drift',
      '      every: 10s',
      '      start: 2099-01-01T00:00:00Z',
    ],
  });
}, 60_000);
afterAll(async () => {
  await sl?.stop();
}, 60_000);

const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;
const schedules = async (): Promise<ScheduleStatus[]> => {
  const res = await sl.call('GET', '/api/v1/schedules', { as: 'viewer' });
  expect(res.status).toBe(200);
  return scheduleStatusSchema.array().parse(res.body);
};
const one = async (name: string): Promise<ScheduleStatus> => (await schedules()).find((s) => s.name === name)!;
const finished = (name: string, after?: string) => async () => {
  const s = await one(name);
  return s.last_run?.finished_at && (after === undefined || s.last_run.started_at > after) ? s : undefined;
};

describe('GET /schedules', () => {
  it('lists every schedule with its next run, none for a disabled one', async () => {
    const before = Date.now();
    const list = await schedules();
    expect(list.map((s) => s.name)).toEqual(['drift-fast', 'nightly-backup', 'paused-backup', 'later-drift']);
    const [fast, nightly, paused, later] = list as [ScheduleStatus, ScheduleStatus, ScheduleStatus, ScheduleStatus];
    expect(fast).toMatchObject({ kind: 'drift', cron: null, every_seconds: 10, devices: ['r2'], groups: [], enabled: true });
    expect(Date.parse(fast.next_run!) - before).toBeLessThanOrEqual(10_000);
    expect(nightly).toMatchObject({ kind: 'backup', cron: '0 2 * * *', every_seconds: null, devices: ['r1'], running: false, last_run: null });
    const next = new Date(nightly.next_run!);
    expect([next.getUTCHours(), next.getUTCMinutes(), next.getUTCSeconds()]).toEqual([2, 0, 0]);
    expect(next.getTime() - before).toBeLessThanOrEqual(24 * 3600_000);
    expect(paused).toMatchObject({ enabled: false, next_run: null });
    expect(later).toMatchObject({ start: '2099-01-01T00:00:00.000Z', next_run: '2099-01-01T00:00:00.000Z' });
  });

  it('needs a token', async () => {
    expect((await sl.call('GET', '/api/v1/schedules', { as: null })).status).toBe(401);
  });
});

describe('POST /schedules/:name/run', () => {
  it('runs a backup schedule of the selected devices only, never twice at once', async () => {
    const start = await sl.call('POST', '/api/v1/schedules/nightly-backup/run', { as: 'operator' });
    expect(start.status, start.text).toBe(202);
    expect(scheduleStartedSchema.parse(start.body)).toEqual({ name: 'nightly-backup', started: true });
    const again = await sl.call('POST', '/api/v1/schedules/nightly-backup/run', { as: 'operator' });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).message).toContain('already running');

    const done = await eventually(finished('nightly-backup'), 20_000, 'the backup run');
    expect(done.last_run).toMatchObject({ ok: true, summary: expect.stringContaining('1 device backed up') as unknown as string });
    expect(done.running).toBe(false);
    const backups = backupStoreFor(sl.server.service.project.inventory.settings);
    expect(backups.list('r1').map((b) => b.reason)).toContain('scheduled');
    expect(backups.list('r1').find((b) => b.reason === 'scheduled')?.trigger).toBe('schedule:nightly-backup');
    expect(backups.list('r2').map((b) => b.reason)).not.toContain('scheduled');

    const metrics = (await sl.call('GET', '/metrics', { as: null })).text;
    expect(metrics).toContain('catnet_schedule_runs_total{schedule="nightly-backup",result="ok"} 1');
    const log = sl.server.service.store.logs.query({ category: 'schedule' }).filter((e) => e.job?.startsWith('nightly-backup-'));
    expect(log.map((e) => e.message)).toEqual([expect.stringContaining('started (run on request)'), expect.stringContaining('finished')]);
    expect(new Set(log.map((e) => e.job)).size).toBe(1);
  });

  it('refuses unknown (404) and disabled (409) schedules, and viewers', async () => {
    const unknown = await sl.call('POST', '/api/v1/schedules/nope/run', { as: 'operator' });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).code).toBe('not_found');
    const disabled = await sl.call('POST', '/api/v1/schedules/paused-backup/run', { as: 'operator' });
    expect(disabled.status).toBe(409);
    expect(errorOf(disabled.body).message).toContain('disabled');
    const viewer = await sl.call('POST', '/api/v1/schedules/nightly-backup/run', { as: 'viewer' });
    expect(viewer.status).toBe(403);
    expect((await sl.call('POST', '/api/v1/schedules/nightly-backup/run', { as: null })).status).toBe(401);
    expect((await sl.call('POST', `/api/v1/schedules/${'x'.repeat(201)}/run`, { as: 'operator' })).status).toBe(400);
  });
});

describe('timed runs', () => {
  it('fires a 10 s drift schedule by itself, and not one whose window has not opened', async () => {
    const fired = await eventually(finished('drift-fast'), 15_000, 'the drift schedule to fire');
    expect(fired.last_run).toMatchObject({ ok: true, summary: '0 drifted, 1 in sync, 0 failed' });
    const started = sl.server.service.store.logs.query({ category: 'schedule' }).filter((e) => e.job?.startsWith('drift-fast-') && e.message.includes('started'));
    expect(started[0]?.message).toContain('(scheduled)');
    expect(sl.server.service.store.drift.get('r2')?.status).toBe('in_sync');
    // Only the schedule's devices were checked.
    expect(sl.server.service.store.drift.get('r1')).toBeUndefined();
    expect(Date.parse((await one('drift-fast')).next_run!)).toBeGreaterThan(Date.parse(fired.last_run!.started_at));

    // Run on request too, through the same path.
    expect((await sl.call('POST', '/api/v1/schedules/drift-fast/run', { as: 'admin' })).status).toBe(202);
    await eventually(finished('drift-fast', fired.last_run!.started_at), 15_000, 'the drift run on request');

    const later = await one('later-drift');
    expect(later.last_run).toBeNull();
    expect(sl.server.service.store.logs.query({}).some((e) => e.job?.startsWith('later-drift-'))).toBe(false);
    expect(sl.server.service.store.logs.query({}).some((e) => e.job?.startsWith('paused-backup-'))).toBe(false);
  }, 40_000);
});
