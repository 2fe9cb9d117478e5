// /api/v1/devices against the real server and lab: the effective inventory, API devices that
// inherit the YAML's defaults and groups (and can be planned), YAML devices read-only.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routerConfig } from '../support/pipeline-lab.js';
import { startServiceLab, type ServiceLab } from '../support/service-lab.js';
import { deviceViewSchema, type DeviceView } from '../../src/server/routes/devices.js';

let sl: ServiceLab;
let r1Port: number;

beforeAll(async () => {
  sl = await startServiceLab({
    devices: 2,
    // Top-level groups (the lines go after `settings:`): edge inherits core's role and vars.
    inventoryExtra: ['groups:', '  core:', '    role: core', '    vars: { tier: gold }', '  edge:', '    groups: [core]', '    site: lab'],
  });
  r1Port = sl.pl.lab.nodes.find((n) => n.name === 'r1')!.sshPort;
}, 60_000);
afterAll(async () => {
  await sl?.stop();
}, 60_000);

const list = (body: unknown): DeviceView[] => deviceViewSchema.array().parse(body);
const fields = (body: unknown): { field: string; message: string }[] => (body as { error: { details: { fields: { field: string; message: string }[] } } }).error.details.fields;
const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;

describe('GET /devices', () => {
  it('lists the YAML devices with their effective values, credentials by set name', async () => {
    const res = await sl.call('GET', '/api/v1/devices', { as: 'viewer' });
    expect(res.status).toBe(200);
    const devices = list(res.body);
    expect(devices.map((d) => d.name)).toEqual(['r1', 'r2']);
    expect(devices[0]).toMatchObject({ name: 'r1', host: '127.0.0.1', port: r1Port, platform: 'cisco_ios', transport: 'ssh', credentials: ['ops'], groups: [], role: null, source: 'yaml' });
    expect(res.text).not.toContain('Pipeline-Pass');
  });

  it('gets one device, 404 for an unknown one', async () => {
    const one = await sl.call('GET', '/api/v1/devices/r2', { as: 'viewer' });
    expect(one.status).toBe(200);
    expect(deviceViewSchema.parse(one.body)).toMatchObject({ name: 'r2', source: 'yaml' });
    const missing = await sl.call('GET', '/api/v1/devices/nope', { as: 'viewer' });
    expect(missing.status).toBe(404);
    expect(errorOf(missing.body).code).toBe('not_found');
  });

  it('refuses an unknown group with 400 naming query.group', async () => {
    const res = await sl.call('GET', '/api/v1/devices?group=nosuch', { as: 'viewer' });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual([{ field: 'query.group', message: expect.stringContaining('no such group nosuch') as unknown as string }]);
  });

  it('needs a token', async () => {
    expect((await sl.call('GET', '/api/v1/devices', { as: null })).status).toBe(401);
    expect((await sl.call('GET', '/api/v1/devices/r1', { as: null })).status).toBe(401);
  });
});

describe('POST and DELETE /devices', () => {
  it('adds a device that inherits defaults and groups, lists it, filters by a parent group, and plans it', async () => {
    const entry = { name: 'r1-api', host: '127.0.0.1', port: r1Port, groups: ['edge'], vars: { loopback: '10.9.9.9' } };
    const added = await sl.call('POST', '/api/v1/devices', { as: 'admin', body: entry });
    expect(added.status).toBe(201);
    expect(deviceViewSchema.parse(added.body)).toMatchObject({
      name: 'r1-api',
      port: r1Port,
      credentials: ['ops'],
      groups: ['edge', 'core'],
      role: 'core',
      site: 'lab',
      vars: { tier: 'gold', loopback: '10.9.9.9' },
      source: 'api',
    });
    expect(sl.server.service.store.apiDevices.get('r1-api')?.createdBy).toBe('admin');

    const all = list((await sl.call('GET', '/api/v1/devices', { as: 'viewer' })).body);
    expect(all.map((d) => [d.name, d.source])).toEqual([
      ['r1', 'yaml'],
      ['r2', 'yaml'],
      ['r1-api', 'api'],
    ]);
    const core = list((await sl.call('GET', '/api/v1/devices?group=core', { as: 'viewer' })).body);
    expect(core.map((d) => d.name)).toEqual(['r1-api']);
    expect((await sl.call('GET', '/api/v1/devices/r1-api', { as: 'viewer' })).body).toMatchObject({ name: 'r1-api', source: 'api' });

    // Same box as r1: the intended config is r1's, so the plan has nothing to do; it logs in with the defaults' credentials.
    sl.pl.intend('r1-api', routerConfig('r1', 0));
    const plan = await sl.call('POST', '/api/v1/plans', { as: 'operator', body: { devices: ['r1-api'] } });
    expect(plan.status).toBe(201);
    expect((plan.body as { plan: { devices: { device: string; status: string; changes: boolean }[] } }).plan.devices).toEqual([
      expect.objectContaining({ device: 'r1-api', status: 'planned', changes: false }),
    ]);

    const again = await sl.call('POST', '/api/v1/devices', { as: 'admin', body: entry });
    expect(again.status).toBe(409);
    expect(errorOf(again.body).message).toContain('added through the API already');

    expect((await sl.call('DELETE', '/api/v1/devices/r1-api', { as: 'admin' })).status).toBe(204);
    expect((await sl.call('GET', '/api/v1/devices/r1-api', { as: 'viewer' })).status).toBe(404);
    expect((await sl.call('DELETE', '/api/v1/devices/r1-api', { as: 'admin' })).status).toBe(404);
  }, 60_000);

  it('lists every bad field of an entry at once', async () => {
    const res = await sl.call('POST', '/api/v1/devices', { as: 'admin', body: { name: '-bad name', host: 'h', port: 70000, groups: ['edge', 'nosuch'], colour: 'red' } });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).code).toBe('validation_failed');
    const got = fields(res.body);
    expect(got.map((f) => f.field).sort()).toEqual(['body.colour', 'body.groups.1', 'body.name', 'body.port']);
    expect(got.find((f) => f.field === 'body.colour')?.message).toBe('unknown field');
    expect(got.find((f) => f.field === 'body.groups.1')?.message).toContain('unknown group "nosuch"');
    expect(sl.server.service.store.apiDevices.list()).toEqual([]);
  });

  it('refuses a body that is not an object, and an entry without a host', async () => {
    const notObject = await sl.call('POST', '/api/v1/devices', { as: 'admin', body: ['r9'] });
    expect(notObject.status).toBe(400);
    const noHost = await sl.call('POST', '/api/v1/devices', { as: 'admin', body: { name: 'r9' } });
    expect(noHost.status).toBe(400);
    expect(fields(noHost.body).map((f) => f.field)).toEqual(['body.host']);
  });

  it('keeps YAML devices read-only: 409 with the reason', async () => {
    const add = await sl.call('POST', '/api/v1/devices', { as: 'admin', body: { name: 'r1', host: '10.0.0.1' } });
    expect(add.status).toBe(409);
    expect(errorOf(add.body)).toMatchObject({ code: 'conflict', message: 'device r1 is defined in catnet.config.yaml, which is read-only through the API' });
    const del = await sl.call('DELETE', '/api/v1/devices/r2', { as: 'admin' });
    expect(del.status).toBe(409);
    expect(errorOf(del.body).message).toContain('defined in catnet.config.yaml, which is read-only through the API');
    expect((await sl.call('GET', '/api/v1/devices/r2', { as: 'viewer' })).status).toBe(200);
  });

  it('404 when deleting an unknown device', async () => {
    const res = await sl.call('DELETE', '/api/v1/devices/ghost', { as: 'admin' });
    expect(res.status).toBe(404);
    expect(errorOf(res.body).code).toBe('not_found');
  });

  it('is for admins only: 403 below, 401 without a token, nothing stored', async () => {
    const body = { name: 'r8', host: '127.0.0.1' };
    for (const as of ['viewer', 'operator'] as const) {
      expect((await sl.call('POST', '/api/v1/devices', { as, body })).status).toBe(403);
      expect((await sl.call('DELETE', '/api/v1/devices/r8', { as })).status).toBe(403);
    }
    expect((await sl.call('POST', '/api/v1/devices', { as: null, body })).status).toBe(401);
    expect((await sl.call('DELETE', '/api/v1/devices/r8', { as: null })).status).toBe(401);
    expect(sl.server.service.store.apiDevices.get('r8')).toBeUndefined();
  });
});
