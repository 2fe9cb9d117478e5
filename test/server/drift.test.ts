// /api/v1/drift against the real server and lab: a device changed behind CatNet's back is found
// drifted with the commands that bring it back, keeps its `since` while it drifts, shows in the
// gauges and the job log, and is in sync again once restored.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftListSchema, driftRecordSchema } from '../../src/server/routes/drift.js';
import { changeByHand } from '../support/pipeline-lab.js';
import { startServiceLab, type ServiceLab } from '../support/service-lab.js';

let sl: ServiceLab;

beforeAll(async () => {
  sl = await startServiceLab({ devices: 2 });
}, 60_000);
afterAll(async () => {
  await sl?.stop();
}, 60_000);

const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;
const check = async (body: unknown) => {
  const res = await sl.call('POST', '/api/v1/drift/check', { as: 'operator', body });
  expect(res.status, res.text).toBe(200);
  return driftListSchema.parse(res.body);
};
const metric = async (line: string): Promise<number | undefined> => {
  const text = (await sl.call('GET', '/metrics', { as: null })).text;
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
};
const driftLogs = (level: 'info' | 'warn') => sl.server.service.store.logs.query({ category: 'drift', level, device: 'r1' }).filter((e) => e.level === level);

describe('drift', () => {
  it('has no record before the first check', async () => {
    const all = await sl.call('GET', '/api/v1/drift', { as: 'viewer' });
    expect(all.status).toBe(200);
    expect(driftListSchema.parse(all.body)).toEqual({ devices: [], drifted: 0 });
    const one = await sl.call('GET', '/api/v1/drift/r1', { as: 'viewer' });
    expect(one.status).toBe(404);
    expect(errorOf(one.body).code).toBe('not_found');
  });

  it('checks every device in sync', async () => {
    const result = await check({});
    expect(result.devices.map((d) => [d.device, d.status, d.commands, d.since])).toEqual([
      ['r1', 'in_sync', 0, null],
      ['r2', 'in_sync', 0, null],
    ]);
    expect(result.drifted).toBe(0);
    expect(await metric('catnet_device_drift{device="r1"}')).toBe(0);
    expect(await metric('catnet_drift_devices')).toBe(0);
  });

  it('finds a change by hand, keeps since while it drifts, and is in sync once restored', async () => {
    await changeByHand(sl.pl.lab, 'r1', ['interface Loopback9', ' description drift']);
    const first = await check({ devices: ['r1'] });
    expect(first.devices).toHaveLength(1);
    const r1 = first.devices[0]!;
    expect(r1).toMatchObject({ device: 'r1', status: 'drifted', error: null });
    expect(r1.lines).toContain('no interface Loopback9');
    expect(r1.commands).toBe(r1.lines.length);
    expect(r1.since).toBe(r1.checked_at);
    expect(first.drifted).toBe(1);
    expect(await metric('catnet_device_drift{device="r1"}')).toBe(r1.commands);
    expect(await metric('catnet_drift_devices')).toBe(1);
    const warnings = driftLogs('warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('r1 drifted');

    const second = await check({ devices: ['r1'] });
    expect(second.devices[0]).toMatchObject({ status: 'drifted', since: r1.since });
    expect(second.devices[0]!.checked_at >= r1.checked_at).toBe(true);
    // One warning per drift, not one per check.
    expect(driftLogs('warn')).toHaveLength(1);

    const one = await sl.call('GET', '/api/v1/drift/r1', { as: 'viewer' });
    expect(driftRecordSchema.parse(one.body)).toMatchObject({ device: 'r1', status: 'drifted', since: r1.since });
    const all = driftListSchema.parse((await sl.call('GET', '/api/v1/drift', { as: 'viewer' })).body);
    expect(all.drifted).toBe(1);
    expect(all.devices.map((d) => [d.device, d.status])).toEqual([
      ['r1', 'drifted'],
      ['r2', 'in_sync'],
    ]);

    await changeByHand(sl.pl.lab, 'r1', ['no interface Loopback9']);
    const back = await check({ devices: ['r1'] });
    expect(back.devices[0]).toMatchObject({ device: 'r1', status: 'in_sync', commands: 0, lines: [], since: null });
    expect(back.drifted).toBe(0);
    expect(await metric('catnet_device_drift{device="r1"}')).toBe(0);
    expect(await metric('catnet_drift_devices')).toBe(0);
    expect(driftLogs('info').some((e) => e.message.includes('back in sync'))).toBe(true);
  });

  it('redacts secrets in the stored and served lines', async () => {
    await changeByHand(sl.pl.lab, 'r2', ['snmp-server community Drift-Community-77 RO']);
    try {
      const result = await check({ devices: ['r2'] });
      const r2 = result.devices[0]!;
      expect(r2.status).toBe('drifted');
      expect(r2.lines.some((l) => l.startsWith('no snmp-server community'))).toBe(true);
      const served = await sl.call('GET', '/api/v1/drift/r2', { as: 'viewer' });
      expect(served.text).not.toContain('Drift-Community-77');
      expect(JSON.stringify(sl.server.service.store.drift.get('r2'))).not.toContain('Drift-Community-77');
    } finally {
      await changeByHand(sl.pl.lab, 'r2', ['no snmp-server community Drift-Community-77']);
    }
  });

  it('refuses bad bodies and unknown devices or groups', async () => {
    const badType = await sl.call('POST', '/api/v1/drift/check', { as: 'operator', body: { devices: 'r1' } });
    expect(badType.status).toBe(400);
    expect(errorOf(badType.body).code).toBe('validation_failed');
    const extra = await sl.call('POST', '/api/v1/drift/check', { as: 'operator', body: { device: ['r1'] } });
    expect(extra.status).toBe(400);
    const unknown = await sl.call('POST', '/api/v1/drift/check', { as: 'operator', body: { devices: ['nope'], groups: ['nogroup'] } });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown.body).message).toMatch(/no device "nope".*no group "nogroup"/);
  });

  it('lets viewers read and operators check', async () => {
    expect((await sl.call('GET', '/api/v1/drift', { as: null })).status).toBe(401);
    expect((await sl.call('GET', '/api/v1/drift/r1', { as: null })).status).toBe(401);
    expect((await sl.call('POST', '/api/v1/drift/check', { as: null, body: {} })).status).toBe(401);
    const viewer = await sl.call('POST', '/api/v1/drift/check', { as: 'viewer', body: {} });
    expect(viewer.status).toBe(403);
    expect(errorOf(viewer.body).code).toBe('forbidden');
    expect((await sl.call('POST', '/api/v1/drift/check', { as: 'admin', body: { devices: ['r2'] } })).status).toBe(200);
  });
});
