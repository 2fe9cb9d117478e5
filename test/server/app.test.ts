// The service as a whole: every route × every role, the one error format with its correlation
// id, input limits, the OpenAPI document, and the operations endpoints.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/store/users.js';
import { issueToken } from '../../src/server/auth/tokens.js';
import { SIGNING_KEY, startServiceLab, type ServiceLab } from '../support/service-lab.js';

type Who = Role | null;

/** The least role of every route, pinned here so that a change to a route's role is a visible decision. */
const EXPECTED: Record<string, 'public' | Role> = {
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/me': 'viewer',
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'PUT /api/v1/users/{name}': 'admin',
  'DELETE /api/v1/users/{name}': 'admin',
  'GET /api/v1/devices': 'viewer',
  'GET /api/v1/devices/{name}': 'viewer',
  'POST /api/v1/devices': 'admin',
  'DELETE /api/v1/devices/{name}': 'admin',
  'GET /api/v1/gitops': 'viewer',
  'POST /api/v1/gitops/connect': 'admin',
  'POST /api/v1/gitops/disconnect': 'admin',
  'GET /api/v1/gitops/configs': 'viewer',
  'GET /api/v1/gitops/configs/{device}': 'viewer',
  'POST /api/v1/plans': 'operator',
  'GET /api/v1/plans': 'viewer',
  'GET /api/v1/plans/{id}': 'viewer',
  'POST /api/v1/deployments': 'operator',
  'GET /api/v1/deployments/history': 'viewer',
  'GET /api/v1/deployments/{id}': 'viewer',
  'POST /api/v1/deployments/{id}/rollback': 'operator',
  'POST /api/v1/backups': 'operator',
  'GET /api/v1/backups': 'viewer',
  'GET /api/v1/backups/{device}/{stamp}': 'viewer',
  'GET /api/v1/logs': 'viewer',
  'GET /api/v1/logs/stats': 'viewer',
  'GET /api/v1/logs/stream': 'viewer',
  'GET /api/v1/drift': 'viewer',
  'GET /api/v1/drift/{device}': 'viewer',
  'POST /api/v1/drift/check': 'operator',
  'GET /api/v1/schedules': 'viewer',
  'POST /api/v1/schedules/{name}/run': 'operator',
  'GET /metrics': 'public',
  'GET /healthz': 'public',
  'GET /readyz': 'public',
};

const RANK = { public: 0, viewer: 1, operator: 2, admin: 3 } as const;

let sl: ServiceLab;
let document: { paths: Record<string, Record<string, { 'x-catnet-role': string; requestBody?: unknown }>> };

beforeAll(async () => {
  sl = await startServiceLab({ devices: 1 });
  document = (await sl.call('GET', '/api/v1/openapi.json', { as: null })).body as typeof document;
}, 60_000);
afterAll(() => sl?.stop());

function routesOfDocument(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) out[`${method.toUpperCase()} ${path}`] = operation['x-catnet-role'];
  }
  return out;
}

describe('roles', () => {
  it('the OpenAPI document lists exactly the expected routes with their least roles', () => {
    expect(routesOfDocument()).toEqual(EXPECTED);
  });

  it('every route answers every role as its least role says: 401 without a token, 403 below it, through above it', async () => {
    const failures: string[] = [];
    for (const [route, least] of Object.entries(EXPECTED)) {
      const [method, template] = route.split(' ') as [string, string];
      const path = template.replace(/\{(\w+)\}/g, '__probe__');
      for (const who of [null, 'viewer', 'operator', 'admin'] as Who[]) {
        const status = await probe(method, path, who, document.paths[template]?.[method.toLowerCase()]?.requestBody !== undefined);
        const allowed = least === 'public' || (who !== null && RANK[who] >= RANK[least]);
        const expected = allowed ? 'neither 401 nor 403' : who === null ? '401' : '403';
        const ok = allowed ? status !== 401 && status !== 403 : status === (who === null ? 401 : 403);
        if (!ok) failures.push(`${route} as ${who ?? 'nobody'}: ${status}, expected ${expected}`);
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});

/**
 * One request that cannot change anything when it gets through: a body with an unknown field
 * (every body schema is strict), path values that name nothing. A stream is cut after its headers.
 */
async function probe(method: string, path: string, who: Who, hasBody: boolean): Promise<number> {
  const headers: Record<string, string> = who ? { authorization: `Bearer ${sl.tokens[who]}` } : {};
  const abort = new AbortController();
  const init: RequestInit = { method, headers, signal: abort.signal };
  if (hasBody) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify({ __probe: true });
  }
  const response = await fetch(sl.url + path, init);
  abort.abort();
  return response.status;
}

describe('errors', () => {
  it('has one format everywhere, with the correlation id of the request (the client’s, when given)', async () => {
    const unknown = await sl.call('GET', '/api/v1/nothing-here', { headers: { 'x-request-id': 'trace-42.a' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-request-id')).toBe('trace-42.a');
    expect(unknown.body).toEqual({ error: { code: 'not_found', message: 'no route GET /api/v1/nothing-here', details: null, correlation_id: 'trace-42.a' } });

    const unauthorized = await sl.call('GET', '/api/v1/devices', { as: null });
    const error = (unauthorized.body as { error: { code: string; correlation_id: string } }).error;
    expect([unauthorized.status, error.code]).toEqual([401, 'unauthorized']);
    expect(error.correlation_id).toBe(unauthorized.headers.get('x-request-id'));
    expect(error.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('replaces a request id that is not a sane token', async () => {
    const response = await sl.call('GET', '/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists every bad field of a body at once', async () => {
    const response = await sl.call('POST', '/api/v1/users', { body: { name: '../x', role: 'root', password: 5, extra: 1 } });
    expect(response.status).toBe(400);
    const { error } = response.body as { error: { code: string; details: { fields: { field: string }[] } } };
    expect(error.code).toBe('validation_failed');
    expect(error.details.fields.map((f) => f.field).sort()).toEqual(['body', 'body.name', 'body.password', 'body.role']);
  });

  it('refuses bodies that are not JSON, empty or too large', async () => {
    expect((await sl.call('POST', '/api/v1/auth/login', { as: null, body: '{"username":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await sl.call('POST', '/api/v1/auth/login', { as: null, body: 'username=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    const huge = await sl.call('POST', '/api/v1/auth/login', { as: null, body: { username: 'a', password: 'x'.repeat(2 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    expect((huge.body as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('logs a request’s lines under its correlation id', async () => {
    await sl.call('POST', '/api/v1/auth/login', { as: null, body: { username: 'viewer', password: 'wrong-password-1234' }, headers: { 'x-request-id': 'corr-login-1' } });
    const entries = sl.server.service.store.logs.query({ category: 'auth', limit: 1000 });
    const failed = entries.find((e) => e.message === 'failed login for viewer' && e.details?.correlationId === 'corr-login-1');
    expect(failed?.level).toBe('warn');
  });
});

describe('auth', () => {
  it('refuses a wrong password and an unknown user alike, and rate limits failures', async () => {
    const wrong = await sl.call('POST', '/api/v1/auth/login', { as: null, body: { username: 'operator', password: 'not-the-password-1' } });
    const unknown = await sl.call('POST', '/api/v1/auth/login', { as: null, body: { username: 'nobody', password: 'not-the-password-1' } });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((wrong.body as { error: { message: string } }).error.message).toBe((unknown.body as { error: { message: string } }).error.message);
    let last = unknown;
    for (let i = 0; i < 6; i++) last = await sl.call('POST', '/api/v1/auth/login', { as: null, body: { username: 'nobody', password: `wrong-${i}-password` } });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a tampered token, and a token whose user was removed', async () => {
    const [header, payload, signature] = sl.tokens.viewer.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin', sub: 'admin' })).toString('base64url')}.${signature}`;
    expect((await fetch(`${sl.url}/api/v1/users`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    const created = await sl.call('POST', '/api/v1/users', { body: { name: 'temp-user', role: 'viewer', password: 'Temp-User-Pass-99' } });
    expect(created.status).toBe(201);
    const login = await sl.call('POST', '/api/v1/auth/login', { as: null, body: { username: 'temp-user', password: 'Temp-User-Pass-99' } });
    const token = (login.body as { access_token: string }).access_token;
    expect((await fetch(`${sl.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await sl.call('DELETE', '/api/v1/users/temp-user')).status).toBe(204);
    expect((await fetch(`${sl.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('says when a token has expired', async () => {
    const { token } = await issueToken(SIGNING_KEY, { name: 'viewer', role: 'viewer' }, 60, new Date(Date.now() - 3_600_000));
    const response = await fetch(`${sl.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('token_expired');
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('never removes or demotes the last admin', async () => {
    expect((await sl.call('DELETE', '/api/v1/users/admin')).status).toBe(409);
    expect((await sl.call('PUT', '/api/v1/users/admin', { body: { role: 'viewer' } })).status).toBe(409);
  });
});

describe('operations', () => {
  it('serves health, readiness and metrics without a token', async () => {
    expect((await sl.call('GET', '/healthz', { as: null })).body).toEqual({ status: 'ok' });
    expect((await sl.call('GET', '/readyz', { as: null })).body).toEqual({ status: 'ok', checks: { store: 'ok', jobs: 'ok' } });
    const metrics = await sl.call('GET', '/metrics', { as: null });
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    for (const name of ['catnet_deployments_total', 'catnet_backups_total', 'catnet_http_requests_total', 'catnet_http_request_duration_seconds', 'catnet_drift_devices']) expect(metrics.text).toContain(`# TYPE ${name} `);
    expect(metrics.text).toMatch(/catnet_http_requests_total\{method="GET",route="\/healthz",status="200"\} [1-9]/);
  });

  it('labels unknown paths as one route, so scans cannot grow the series', async () => {
    await sl.call('GET', '/random-1');
    await sl.call('GET', '/random-2');
    const metrics = (await sl.call('GET', '/metrics', { as: null })).text;
    expect(metrics).toMatch(/catnet_http_requests_total\{method="GET",route="unmatched",status="404"\} [2-9]/);
    expect(metrics).not.toContain('random-1');
  });
});
