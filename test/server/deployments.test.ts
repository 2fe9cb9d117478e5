// Plan → deploy → history → rollback over HTTP against the lab: the deployment runs in the
// background, the secret in the intended config reaches the device but never a response.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planResponse, deploymentDetail, deploymentSummary } from '../../src/server/routes/deployment-views.js';
import { deploymentAccepted, rollbackAccepted } from '../../src/server/routes/deployments.js';
import { backupOutcomeView, backupView } from '../../src/server/routes/backups.js';
import { routerConfig } from '../support/pipeline-lab.js';
import { eventually, startServiceLab, type ServiceLab, fieldsOf, messageOf } from '../support/service-lab.js';

const SECRET = 'Sup3rSecretPw!';
const SECRET_LINE = `username bob privilege 15 password 0 ${SECRET}`;

let sl: ServiceLab;
/** Every response body these tests saw: none may hold the secret. */
const seen: string[] = [];
type Call = Parameters<ServiceLab['call']>;
const call = async (...args: Call) => {
  const res = await sl.call(...args);
  seen.push(res.text);
  return res;
};

beforeAll(async () => {
  sl = await startServiceLab({ devices: 2 });
  sl.pl.intend('r1', routerConfig('r1', 0, [SECRET_LINE, '!']));
}, 60_000);
afterAll(async () => {
  await sl?.stop();
}, 60_000);


async function plan(): Promise<ReturnType<typeof planResponse.parse>> {
  const res = await call('POST', '/api/v1/plans', { as: 'operator', body: {} });
  expect(res.status).toBe(201);
  return planResponse.parse(res.body);
}

async function finished(id: string): Promise<ReturnType<typeof deploymentDetail.parse>> {
  return eventually(async () => {
    const res = await call('GET', `/api/v1/deployments/${id}`, { as: 'viewer' });
    const d = deploymentDetail.parse(res.body);
    return d.status === 'running' || d.status === 'pending' ? undefined : d;
  }, 30_000, `deployment ${id} to end`);
}

describe('plan → deploy → history → rollback', () => {
  let deploymentId: string;
  let backupBefore: string;

  it('deploys a stored plan in the background: 202 with Location, then succeeded', async () => {
    const made = await plan();
    expect(made.changes).toBe(true);
    const res = await call('POST', '/api/v1/deployments', { as: 'operator', body: { plan_id: made.id, batch_size: '50%', max_failures: 0, canary: 0 } });
    expect(res.status).toBe(202);
    const accepted = deploymentAccepted.parse(res.body);
    deploymentId = accepted.id;
    expect(accepted.id).toMatch(/^d-\d{8}T\d{6}-[0-9a-f]{4}$/);
    expect(accepted.status).toBe('running');
    expect(res.headers.get('location')).toBe(`/api/v1/deployments/${accepted.id}`);
    expect(accepted.location).toBe(res.headers.get('location'));

    const done = await finished(accepted.id);
    expect(done.status).toBe('succeeded');
    expect(done.actor).toBe('api:operator');
    expect(done.options).toMatchObject({ batch_size: '50%', max_failures: 0, canary: 0, dry_run: false });
    const r1 = done.devices.find((d) => d.device === 'r1');
    expect(r1).toMatchObject({ status: 'succeeded', error: null });
    expect(r1?.applied).toContain('username bob privilege 15 password 0 ********');
    expect(r1?.backup_before).toMatch(/^r1\//);
    expect(r1?.backup_after).toMatch(/^r1\//);
    expect(r1?.checks.length).toBeGreaterThan(0);
    expect(r1).not.toHaveProperty('transcript');
    expect(done.devices.find((d) => d.device === 'r2')?.status).toBe('unchanged');
    backupBefore = r1?.backup_before as string;
    // The real secret reached the device, unredacted.
    expect(sl.pl.lab.device('r1').showRunning()).toContain(SECRET_LINE);
  });

  it('shows transcripts on request, redacted', async () => {
    const res = await call('GET', `/api/v1/deployments/${deploymentId}?transcript=true`, { as: 'viewer' });
    expect(res.status).toBe(200);
    const r1 = deploymentDetail.parse(res.body).devices.find((d) => d.device === 'r1');
    expect(r1?.transcript).toContain('username bob');
    expect(r1?.transcript).toContain('********');
  });

  it('lists it in the history, newest first, filtered by device and status', async () => {
    const all = await call('GET', '/api/v1/deployments/history', { as: 'viewer' });
    expect(all.status).toBe(200);
    const list = (all.body as unknown[]).map((d) => deploymentSummary.parse(d));
    expect(list[0]).toMatchObject({ id: deploymentId, status: 'succeeded', actor: 'api:operator', source: expect.stringMatching(/configs\/$/) });
    expect(list[0]?.finished_at).not.toBeNull();
    expect(list[0]?.summary).toContain('1 succeeded');
    const r1 = await call('GET', '/api/v1/deployments/history?device=r1&limit=5', { as: 'viewer' });
    expect((r1.body as { id: string }[]).map((d) => d.id)).toContain(deploymentId);
    const other = await call('GET', '/api/v1/deployments/history?device=r7', { as: 'viewer' });
    expect(other.body).toEqual([]);
    const failed = await call('GET', '/api/v1/deployments/history?status=failed', { as: 'viewer' });
    expect((failed.body as { id: string }[]).map((d) => d.id)).not.toContain(deploymentId);
  });

  it('refuses to deploy a plan with no change: 409', async () => {
    const again = await plan();
    expect(again.changes).toBe(false);
    const res = await call('POST', '/api/v1/deployments', { as: 'operator', body: { plan_id: again.id } });
    expect(res.status).toBe(409);
    expect(messageOf(res.body)).toContain('nothing to deploy');
  });

  it('rolls the deployment back in the background to the pre-deploy backup', async () => {
    const res = await call('POST', `/api/v1/deployments/${deploymentId}/rollback`, { as: 'operator' });
    expect(res.status).toBe(202);
    const accepted = rollbackAccepted.parse(res.body);
    expect(accepted.job_id).toMatch(new RegExp(`^rb-${deploymentId}-[0-9a-f]{4}$`));
    // r2 was unchanged: it took no backup and is not rolled back.
    expect(accepted.devices).toEqual(['r1']);
    const logs = sl.server.service.store.logs;
    await eventually(() => (logs.query({ job: accepted.job_id }).some((e) => e.message.includes('ended')) ? true : undefined), 30_000, 'the rollback to end');
    const entries = logs.query({ job: accepted.job_id });
    expect(entries.some((e) => e.device === 'r1' && e.message.includes(`restored ${backupBefore}`))).toBe(true);
    expect(entries.at(-1)?.message).toContain('1 of 1 device(s) restored');

    // The running config is the pre-deploy one again: a backup taken now has its hash.
    const now = await call('POST', '/api/v1/backups', { as: 'operator', body: { devices: ['r1'] } });
    const [outcome] = (now.body as unknown[]).map((o) => backupOutcomeView.parse(o));
    const current = backupView.parse((await call('GET', `/api/v1/backups/${outcome?.backup_id as string}`, { as: 'admin' })).body);
    const before = backupView.parse((await call('GET', `/api/v1/backups/${backupBefore}?raw=true`, { as: 'admin' })).body);
    expect(current.meta.sha256).toBe(before.meta.sha256);
    expect(sl.pl.lab.device('r1').showRunning()).not.toContain('username bob');
  });

  it('refuses a rollback while the deployment runs, and of a deployment that changed nothing (dry run): 409', async () => {
    const made = await plan();
    const res = await call('POST', '/api/v1/deployments', { as: 'operator', body: { plan_id: made.id, dry_run: true } });
    expect(res.status).toBe(202);
    const { id } = deploymentAccepted.parse(res.body);
    const early = await call('POST', `/api/v1/deployments/${id}/rollback`, { as: 'operator' });
    expect(early.status).toBe(409);
    expect(messageOf(early.body)).toMatch(/still running|pre-deploy backup/);
    const done = await finished(id);
    expect(done.devices.find((d) => d.device === 'r1')?.status).toBe('dry_run');
    const late = await call('POST', `/api/v1/deployments/${id}/rollback`, { as: 'operator', body: { save: false } });
    expect(late.status).toBe(409);
    expect(messageOf(late.body)).toContain('pre-deploy backup');
    // The dry run left the device alone.
    expect(sl.pl.lab.device('r1').showRunning()).not.toContain('username bob');
  });

  it('never showed the secret in any response', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const text of seen) expect(text).not.toContain(SECRET);
  });
});

describe('POST /deployments input', () => {
  it('lists every bad field', async () => {
    const res = await call('POST', '/api/v1/deployments', {
      as: 'operator',
      body: { plan_id: 7, dry_run: 'yes', canary: -1, batch_size: '0%', max_failures: 1.5, confirm_timer_min: 0, auto_rollback: 1, save: 'no', extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(
      expect.arrayContaining(['body.plan_id', 'body.dry_run', 'body.canary', 'body.batch_size', 'body.max_failures', 'body.confirm_timer_min', 'body.auto_rollback', 'body.save', 'body']),
    );
    const missing = await call('POST', '/api/v1/deployments', { as: 'operator', body: { batch_size: 'ten' } });
    expect(fieldsOf(missing.body)).toEqual(expect.arrayContaining(['body.plan_id', 'body.batch_size']));
  });

  it('takes batch sizes as a count, a count string or a share', async () => {
    for (const batch_size of [2, '2', '25%']) {
      const res = await call('POST', '/api/v1/deployments', { as: 'operator', body: { plan_id: 'p-20200101T000000-abcd', batch_size, confirm_timer_min: null } });
      // Valid input: it gets as far as looking the plan up.
      expect(res.status).toBe(404);
    }
  });

  it('404s an unknown plan', async () => {
    const res = await call('POST', '/api/v1/deployments', { as: 'operator', body: { plan_id: 'p-20200101T000000-abcd' } });
    expect(res.status).toBe(404);
    expect(messageOf(res.body)).toContain('p-20200101T000000-abcd');
  });

  it('is for operators', async () => {
    expect((await call('POST', '/api/v1/deployments', { as: 'viewer', body: { plan_id: 'x' } })).status).toBe(403);
    expect((await call('POST', '/api/v1/deployments', { as: null, body: { plan_id: 'x' } })).status).toBe(401);
  });
});

describe('reading deployments and rollback input', () => {
  it('404s an unknown deployment, for reading and rolling back', async () => {
    expect((await call('GET', '/api/v1/deployments/d-20200101T000000-abcd', { as: 'viewer' })).status).toBe(404);
    expect((await call('POST', '/api/v1/deployments/d-20200101T000000-abcd/rollback', { as: 'operator' })).status).toBe(404);
  });

  it('validates the history query and the transcript flag', async () => {
    const res = await call('GET', '/api/v1/deployments/history?limit=0&status=done&x=1', { as: 'viewer' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['query.limit', 'query.status', 'query']));
    const flag = await call('GET', '/api/v1/deployments/d-20200101T000000-abcd?transcript=yes', { as: 'viewer' });
    expect(fieldsOf(flag.body)).toEqual(['query.transcript']);
  });

  it('validates an optional rollback body', async () => {
    const [latest] = sl.server.service.store.history.listDeployments({ limit: 1, status: 'succeeded' });
    const id = latest?.id ?? 'd-20200101T000000-abcd';
    const bad = await call('POST', `/api/v1/deployments/${id}/rollback`, { as: 'operator', body: { devices: 'r1', save: 'yes', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['body.devices', 'body.save', 'body']));
    const notJson = await call('POST', `/api/v1/deployments/${id}/rollback`, { as: 'operator', body: '{devices', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    const notIn = await call('POST', `/api/v1/deployments/${id}/rollback`, { as: 'operator', body: { devices: ['r9'] } });
    expect(notIn.status).toBe(400);
    expect(messageOf(notIn.body)).toContain('r9');
  });

  it('lets viewers read and only operators roll back', async () => {
    expect((await call('GET', '/api/v1/deployments/history', { as: null })).status).toBe(401);
    expect((await call('GET', '/api/v1/deployments/d-20200101T000000-abcd', { as: null })).status).toBe(401);
    expect((await call('POST', '/api/v1/deployments/d-20200101T000000-abcd/rollback', { as: 'viewer' })).status).toBe(403);
    expect((await call('POST', '/api/v1/deployments/d-20200101T000000-abcd/rollback', { as: null })).status).toBe(401);
  });
});
