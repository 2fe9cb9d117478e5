// POST/GET /api/v1/backups against the lab: backups taken now, listed per device, read redacted,
// and unredacted only by admins.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupMetaView } from '../../src/server/routes/deployment-views.js';
import { backupOutcomeView, backupView } from '../../src/server/routes/backups.js';
import { changeByHand } from '../support/pipeline-lab.js';
import { startServiceLab, type ServiceLab, fieldsOf, messageOf } from '../support/service-lab.js';

const SECRET = 'Carol-Secret-99x';

let sl: ServiceLab;
beforeAll(async () => {
  sl = await startServiceLab({ devices: 2 });
  await changeByHand(sl.pl.lab, 'r1', [`username carol privilege 15 password 0 ${SECRET}`]);
}, 60_000);
afterAll(async () => {
  await sl?.stop();
}, 60_000);


describe('backups', () => {
  let id: string;

  it('backs up the selected devices now, and only stores a changed config', async () => {
    const res = await sl.call('POST', '/api/v1/backups', { as: 'operator', body: { devices: ['r1'] } });
    expect(res.status).toBe(200);
    const [r1, ...rest] = (res.body as unknown[]).map((o) => backupOutcomeView.parse(o));
    expect(rest).toEqual([]);
    expect(r1).toMatchObject({ device: 'r1', ok: true, created: true, error: null });
    id = r1?.backup_id as string;
    expect(id).toMatch(/^r1\/\d{8}T\d{6}Z/);
    const again = await sl.call('POST', '/api/v1/backups', { as: 'admin', body: {} });
    const outcomes = (again.body as unknown[]).map((o) => backupOutcomeView.parse(o));
    expect(outcomes.map((o) => o.device).sort()).toEqual(['r1', 'r2']);
    expect(outcomes.find((o) => o.device === 'r1')).toMatchObject({ ok: true, created: false, backup_id: id });
    expect(outcomes.find((o) => o.device === 'r2')).toMatchObject({ ok: true, created: true });
  });

  it('lists a device’s backups, newest first', async () => {
    await changeByHand(sl.pl.lab, 'r1', ['ip domain-name backups.example']);
    const newer = backupOutcomeView.parse(((await sl.call('POST', '/api/v1/backups', { as: 'operator', body: { devices: ['r1'] } })).body as unknown[])[0]);
    const res = await sl.call('GET', '/api/v1/backups?device=r1', { as: 'viewer' });
    expect(res.status).toBe(200);
    const list = (res.body as unknown[]).map((b) => backupMetaView.parse(b));
    expect(list.map((b) => b.id)).toEqual([newer.backup_id, id]);
    expect(list[1]).toMatchObject({ device: 'r1', reason: 'manual', trigger: 'api:operator', deployment_id: null });
    expect(list[1]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows a backup redacted, and raw only to admins', async () => {
    const shown = await sl.call('GET', `/api/v1/backups/${id}`, { as: 'viewer' });
    expect(shown.status).toBe(200);
    const view = backupView.parse(shown.body);
    expect(view.meta.id).toBe(id);
    expect(view.text).toContain('username carol privilege 15 password 0 ********');
    expect(shown.text).not.toContain(SECRET);
    expect((await sl.call('GET', `/api/v1/backups/${id}?raw=false`, { as: 'operator' })).text).not.toContain(SECRET);
    for (const role of ['viewer', 'operator'] as const) {
      const refused = await sl.call('GET', `/api/v1/backups/${id}?raw=true`, { as: role });
      expect(refused.status).toBe(403);
      expect(messageOf(refused.body)).toContain('only admins');
      expect(refused.text).not.toContain(SECRET);
    }
    const raw = await sl.call('GET', `/api/v1/backups/${id}?raw=true`, { as: 'admin' });
    expect(raw.status).toBe(200);
    expect(backupView.parse(raw.body).text).toContain(`username carol privilege 15 password 0 ${SECRET}`);
  });

  it('404s what does not exist, 400s what is not a backup id', async () => {
    const unknownDevice = await sl.call('GET', '/api/v1/backups?device=r9', { as: 'viewer' });
    expect(unknownDevice.status).toBe(404);
    expect(messageOf(unknownDevice.body)).toContain('r9');
    expect((await sl.call('GET', '/api/v1/backups/r1/20200101T000000Z', { as: 'viewer' })).status).toBe(404);
    expect((await sl.call('GET', '/api/v1/backups/r9/20200101T000000Z', { as: 'viewer' })).status).toBe(404);
    const malformed = await sl.call('GET', '/api/v1/backups/r1/yesterday', { as: 'viewer' });
    expect(malformed.status).toBe(400);
    expect(messageOf(malformed.body)).toContain('invalid backup id');
    const hidden = await sl.call('GET', '/api/v1/backups/.git/20200101T000000Z', { as: 'viewer' });
    expect(hidden.status).toBe(400);
  });

  it('validates inputs, listing every bad field', async () => {
    const body = await sl.call('POST', '/api/v1/backups', { as: 'operator', body: { devices: [1], groups: 'core', all: true } });
    expect(body.status).toBe(400);
    expect(fieldsOf(body.body)).toEqual(expect.arrayContaining(['body.devices.0', 'body.groups', 'body']));
    const unknown = await sl.call('POST', '/api/v1/backups', { as: 'operator', body: { devices: ['r9'] } });
    expect(unknown.status).toBe(400);
    expect(messageOf(unknown.body)).toContain('"r9"');
    const noDevice = await sl.call('GET', '/api/v1/backups', { as: 'viewer' });
    expect(noDevice.status).toBe(400);
    expect(fieldsOf(noDevice.body)).toEqual(['query.device']);
    const raw = await sl.call('GET', `/api/v1/backups/${id}?raw=1`, { as: 'admin' });
    expect(fieldsOf(raw.body)).toEqual(['query.raw']);
  });

  it('lets viewers read and operators back up', async () => {
    expect((await sl.call('POST', '/api/v1/backups', { as: 'viewer', body: {} })).status).toBe(403);
    expect((await sl.call('POST', '/api/v1/backups', { as: null, body: {} })).status).toBe(401);
    expect((await sl.call('GET', '/api/v1/backups?device=r1', { as: null })).status).toBe(401);
    expect((await sl.call('GET', `/api/v1/backups/${id}`, { as: null })).status).toBe(401);
  });
});
