// /api/v1/gitops against the real server and lab: the source in force, intended configs (never
// a secret in plaintext), and connecting a GitHub repository — GitHub's API is the msw fake
// (test/support/fake-github.ts) in this process, where the server runs too.

import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routerConfig } from '../support/pipeline-lab.js';
import { FakeGitHub } from '../support/fake-github.js';
import { startServiceLab, type ServiceLab, fieldsOf } from '../support/service-lab.js';
import { configStatusSchema, gitopsViewSchema, intendedConfigSchema } from '../../src/server/routes/gitops.js';

const TOKEN = 'ghp_fakeToken0123456789abcdef';
const SECRET = 'Zq9-Secret-Xy';
const GH_SECRET = 'Gh7-Secret-Qp';

const fake = new FakeGitHub({
  repo: 'acme/network',
  refs: ['main'],
  files: { 'configs/r1.cfg': routerConfig('r1', 0), 'configs/r2.cfg': routerConfig('r2-github', 1, [`enable secret 0 ${GH_SECRET}`, '!']) },
});
// The tests' own requests go to the service on loopback: only GitHub's are answered by the fake.
const github = setupServer(...fake.handlers());

let sl: ServiceLab;

beforeAll(async () => {
  github.listen({ onUnhandledRequest: 'bypass' });
  sl = await startServiceLab({ devices: 2, env: { GITHUB_TOKEN: TOKEN } });
  sl.pl.intend('r2', routerConfig('r2', 1, [`enable secret 0 ${SECRET}`, '!']));
}, 60_000);
afterAll(async () => {
  github.close();
  await sl?.stop();
}, 60_000);

const errorOf = (body: unknown) => (body as { error: { code: string; message: string; details: { fields?: { field: string; message: string }[] } } }).error;

describe('local source', () => {
  it('shows the source in force', async () => {
    const res = await sl.call('GET', '/api/v1/gitops', { as: 'viewer' });
    expect(res.status).toBe(200);
    expect(gitopsViewSchema.parse(res.body)).toEqual({ origin: 'settings', type: 'local', path: 'configs' });
  });

  it('lists each device’s intended config without its text, and a device that has none', async () => {
    const added = await sl.call('POST', '/api/v1/devices', { as: 'admin', body: { name: 'nocfg', host: '127.0.0.1', port: 22 } });
    expect(added.status).toBe(201);
    try {
      const res = await sl.call('GET', '/api/v1/gitops/configs', { as: 'viewer' });
      expect(res.status).toBe(200);
      const configs = configStatusSchema.array().parse(res.body);
      expect(configs.slice(0, 2)).toEqual([
        { device: 'r1', ok: true, origin: { kind: 'file', path: 'r1.cfg', location: expect.stringMatching(/configs\/r1\.cfg$/) as unknown as string } },
        { device: 'r2', ok: true, origin: { kind: 'file', path: 'r2.cfg', location: expect.stringMatching(/configs\/r2\.cfg$/) as unknown as string } },
      ]);
      expect(configs[2]).toMatchObject({ device: 'nocfg', ok: false, error: expect.stringContaining('no intended config for nocfg') as unknown as string });
      expect(res.text).not.toContain('hostname');

      const one = await sl.call('GET', '/api/v1/gitops/configs/nocfg', { as: 'viewer' });
      expect(one.status).toBe(422);
      expect(errorOf(one.body).message).toContain('no intended config for nocfg');
    } finally {
      await sl.call('DELETE', '/api/v1/devices/nocfg', { as: 'admin' });
    }
  });

  it('shows one config with its secrets masked; 404 for an unknown device', async () => {
    const res = await sl.call('GET', '/api/v1/gitops/configs/r2', { as: 'viewer' });
    expect(res.status).toBe(200);
    const config = intendedConfigSchema.parse(res.body);
    expect(config).toMatchObject({ device: 'r2', origin: { kind: 'file', path: 'r2.cfg' } });
    expect(config.text).toContain('hostname r2\n');
    expect(config.text).toContain('enable secret 0 ********');
    expect(res.text).not.toContain(SECRET);
    expect((await sl.call('GET', '/api/v1/gitops/configs/ghost', { as: 'viewer' })).status).toBe(404);
  });

  it('needs a token on every read', async () => {
    for (const path of ['/api/v1/gitops', '/api/v1/gitops/configs', '/api/v1/gitops/configs/r1']) expect((await sl.call('GET', path, { as: null })).status).toBe(401);
  });
});

describe('connect and disconnect', () => {
  it('lists every bad field of a connect request', async () => {
    const res = await sl.call('POST', '/api/v1/gitops/connect', { as: 'admin', body: { repo: 'no-slash', token_env: '1BAD', ref: '', branch: 'main' } });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).details.fields?.map((f) => f.field).sort()).toEqual(['body', 'body.ref', 'body.repo', 'body.token_env']);
  });

  it('refuses to send one of CatNet’s own secrets to GitHub as the token', async () => {
    for (const token_env of ['CATNET_MASTER_KEY', 'CATNET_JWT_SECRET', 'CATNET_ADMIN_PASSWORD']) {
      const res = await sl.call('POST', '/api/v1/gitops/connect', { as: 'admin', body: { repo: 'acme/network', token_env } });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['body.token_env']);
    }
    expect((await sl.call('GET', '/api/v1/gitops', { as: 'viewer' })).body).toMatchObject({ origin: 'settings', type: 'local' });
  });

  it('refuses a repository, ref or folder GitHub does not have, and records nothing', async () => {
    for (const [body, field] of [
      [{ repo: 'acme/missing' }, 'body.repo'],
      [{ repo: 'acme/network', ref: 'nope' }, 'body.ref'],
      [{ repo: 'acme/network', path: 'nowhere' }, 'body.path'],
      [{ repo: 'acme/network', path: '../up' }, 'body.path'],
    ] as const) {
      const res = await sl.call('POST', '/api/v1/gitops/connect', { as: 'admin', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(res.body).details.fields?.map((f) => f.field)).toEqual([field]);
    }
    expect((await sl.call('GET', '/api/v1/gitops', { as: 'viewer' })).body).toMatchObject({ origin: 'settings', type: 'local' });
  });

  it('is for admins only', async () => {
    for (const as of ['viewer', 'operator'] as const) {
      expect((await sl.call('POST', '/api/v1/gitops/connect', { as, body: { repo: 'acme/network' } })).status).toBe(403);
      expect((await sl.call('POST', '/api/v1/gitops/disconnect', { as })).status).toBe(403);
    }
    expect((await sl.call('POST', '/api/v1/gitops/connect', { as: null, body: { repo: 'acme/network' } })).status).toBe(401);
    expect((await sl.call('POST', '/api/v1/gitops/disconnect', { as: null })).status).toBe(401);
  });

  it('connects GitHub, and later configs and plans come from it until disconnected', async () => {
    const res = await sl.call('POST', '/api/v1/gitops/connect', { as: 'admin', body: { repo: 'acme/network' } });
    expect(res.status, res.text).toBe(200);
    const view = { origin: 'gitops', type: 'github', repo: 'acme/network', ref: 'main', path: 'configs', token_env: 'GITHUB_TOKEN' };
    expect(gitopsViewSchema.parse(res.body)).toEqual(view);
    expect(res.text).not.toContain(TOKEN);
    expect((await sl.call('GET', '/api/v1/gitops', { as: 'viewer' })).body).toEqual(view);

    const configs = configStatusSchema.array().parse((await sl.call('GET', '/api/v1/gitops/configs', { as: 'viewer' })).body);
    expect(configs.map((c) => [c.device, c.origin?.location])).toEqual([
      ['r1', 'github:acme/network@main:configs/r1.cfg'],
      ['r2', 'github:acme/network@main:configs/r2.cfg'],
    ]);
    const r2 = await sl.call('GET', '/api/v1/gitops/configs/r2', { as: 'viewer' });
    expect(intendedConfigSchema.parse(r2.body).text).toContain('hostname r2-github\n');
    expect(r2.text).not.toContain(GH_SECRET);

    const plan = await sl.call('POST', '/api/v1/plans', { as: 'operator', body: { devices: ['r2'] } });
    expect(plan.status, plan.text).toBe(201);
    const planned = (plan.body as { plan: { source: string; devices: { device: string; status: string; changes: boolean; lines: string[] }[] } }).plan;
    expect(planned.source).toBe('github:acme/network@main:configs');
    expect(planned.devices[0]).toMatchObject({ device: 'r2', status: 'planned', changes: true });
    expect(planned.devices[0]!.lines).toContain('hostname r2-github');
    expect(plan.text).not.toContain(GH_SECRET);

    const off = await sl.call('POST', '/api/v1/gitops/disconnect', { as: 'admin' });
    expect(off.status).toBe(200);
    expect(gitopsViewSchema.parse(off.body)).toEqual({ origin: 'settings', type: 'local', path: 'configs' });
    const local = await sl.call('GET', '/api/v1/gitops/configs/r2', { as: 'viewer' });
    expect(intendedConfigSchema.parse(local.body).text).toContain('hostname r2\n');
    // Disconnecting twice is not an error: the settings' source stays in force.
    expect((await sl.call('POST', '/api/v1/gitops/disconnect', { as: 'admin' })).status).toBe(200);
  }, 60_000);
});
