// POST/GET /api/v1/plans against the lab: a fresh plan per request, stored and pruned, shown
// redacted while the stored plan keeps the real commands for the deploy.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planResponse, planListItem } from '../../src/server/routes/deployment-views.js';
import { planFileSchema } from '../../src/pipeline/plan-file.js';
import { routerConfig } from '../support/pipeline-lab.js';
import { startServiceLab, type ServiceLab, fieldsOf, messageOf } from '../support/service-lab.js';

const SECRET = 'Sup3rSecretPw!';
const SECRET_LINE = `username bob privilege 15 password 0 ${SECRET}`;

let sl: ServiceLab;
beforeAll(async () => {
  // A small plans_keep, to see old plans pruned.
  sl = await startServiceLab({ devices: 2, inventoryExtra: ['  server: { plans_keep: 3 }'] });
  sl.pl.intend('r1', routerConfig('r1', 0, [SECRET_LINE, 'ip domain-name lab.example', '!']));
}, 60_000);
afterAll(async () => {
  await sl?.stop();
}, 60_000);


describe('POST /plans', () => {
  let id: string;

  it('plans the selected devices, stores the plan and shows it redacted', async () => {
    const res = await sl.call('POST', '/api/v1/plans', { as: 'operator', body: { devices: ['r1', 'r2'] } });
    expect(res.status).toBe(201);
    const plan = planResponse.parse(res.body);
    id = plan.id;
    expect(plan.id).toMatch(/^p-\d{8}T\d{6}-[0-9a-f]{4}$/);
    expect(plan.actor).toBe('api:operator');
    expect(plan.changes).toBe(true);
    expect(plan.errors).toBe(0);
    const r1 = plan.plan.devices.find((d) => d.device === 'r1');
    const r2 = plan.plan.devices.find((d) => d.device === 'r2');
    expect(r1?.changes).toBe(true);
    expect(r1?.commands.map((c) => c.text)).toContain('ip domain-name lab.example');
    expect(r1?.lines.some((line) => line.startsWith('username bob privilege 15 password 0 ********'))).toBe(true);
    expect(r1?.backupId).toMatch(/^r1\//);
    expect(r2?.changes).toBe(false);
    expect(res.text).not.toContain(SECRET);
  });

  it('keeps the real commands in the store (a deploy sends them)', () => {
    const stored = planFileSchema.parse(sl.server.service.store.plans.get(id)?.plan);
    expect(stored.devices.find((d) => d.device === 'r1')?.lines).toContain(SECRET_LINE);
  });

  it('plans every device when none is selected', async () => {
    const res = await sl.call('POST', '/api/v1/plans', { as: 'admin', body: {} });
    expect(res.status).toBe(201);
    expect(planResponse.parse(res.body).plan.devices.map((d) => d.device).sort()).toEqual(['r1', 'r2']);
  });

  it('keeps a device that cannot be planned in the plan, with status error, and counts it', async () => {
    rmSync(join(sl.pl.dir, 'configs', 'r2.cfg'));
    try {
      const res = await sl.call('POST', '/api/v1/plans', { as: 'operator', body: { groups: [], devices: ['r2'] } });
      expect(res.status).toBe(201);
      const plan = planResponse.parse(res.body);
      expect(plan.errors).toBe(1);
      expect(plan.changes).toBe(false);
      expect(plan.plan.devices[0]).toMatchObject({ device: 'r2', status: 'error' });
      expect(plan.plan.devices[0]?.error).toBeTruthy();
    } finally {
      sl.pl.intend('r2', routerConfig('r2', 1));
    }
  });

  it('refuses an unknown device or group with 400 and the names', async () => {
    const res = await sl.call('POST', '/api/v1/plans', { as: 'operator', body: { devices: ['r1', 'r9'], groups: ['nope'] } });
    expect(res.status).toBe(400);
    expect(messageOf(res.body)).toContain('"r9"');
    expect(messageOf(res.body)).toContain('"nope"');
  });

  it('lists every bad field of the body', async () => {
    const res = await sl.call('POST', '/api/v1/plans', { as: 'operator', body: { devices: 'r1', groups: [3], extra: true } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['body.devices', 'body.groups.0', 'body']));
    expect(messageOf(res.body)).toContain('extra');
  });

  it('is for operators: a viewer gets 403, no token 401', async () => {
    expect((await sl.call('POST', '/api/v1/plans', { as: 'viewer', body: {} })).status).toBe(403);
    expect((await sl.call('POST', '/api/v1/plans', { as: null, body: {} })).status).toBe(401);
  });
});

describe('GET /plans and /plans/:id', () => {
  it('lists plans newest first, pruned to plans_keep', async () => {
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await sl.call('POST', '/api/v1/plans', { as: 'operator', body: { devices: ['r2'] } });
      made.push(planResponse.parse(res.body).id);
    }
    const res = await sl.call('GET', '/api/v1/plans', { as: 'viewer' });
    expect(res.status).toBe(200);
    const list = res.body as unknown[];
    expect(list.map((p) => planListItem.parse(p).id)).toEqual(made.slice(1).reverse());
    expect(list[0]).toMatchObject({ actor: 'api:operator' });
    const limited = await sl.call('GET', '/api/v1/plans?limit=1', { as: 'viewer' });
    expect((limited.body as unknown[]).length).toBe(1);
  });

  it('shows one plan as POST did, redacted', async () => {
    const made = await sl.call('POST', '/api/v1/plans', { as: 'operator', body: { devices: ['r1'] } });
    const { id } = planResponse.parse(made.body);
    const res = await sl.call('GET', `/api/v1/plans/${id}`, { as: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(made.body);
    expect(res.text).not.toContain(SECRET);
    expect(res.text).toContain('********');
  });

  it('404s an unknown plan, 400s bad queries', async () => {
    const res = await sl.call('GET', '/api/v1/plans/p-20200101T000000-abcd', { as: 'viewer' });
    expect(res.status).toBe(404);
    expect(messageOf(res.body)).toContain('p-20200101T000000-abcd');
    const bad = await sl.call('GET', '/api/v1/plans?limit=0&x=1', { as: 'viewer' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['query.limit', 'query']));
  });

  it('needs a token', async () => {
    expect((await sl.call('GET', '/api/v1/plans', { as: null })).status).toBe(401);
    expect((await sl.call('GET', '/api/v1/plans/p-20200101T000000-abcd', { as: null })).status).toBe(401);
  });
});
