// `/metrics` behind its own bearer token (settings.server.metrics_token_env): scrapers do not
// log in, so the token is compared as a shared secret, and it never appears in the metrics.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceLab, type ServiceLab } from '../support/service-lab.js';

const TOKEN = 'scrape-token-9f8e7d6c5b4a';
let sl: ServiceLab;

beforeAll(async () => {
  sl = await startServiceLab({ devices: 1, inventoryExtra: ['  server: { metrics_token_env: CATNET_METRICS_TOKEN }'], env: { CATNET_METRICS_TOKEN: TOKEN } });
}, 60_000);
afterAll(() => sl?.stop());

describe('/metrics with a token', () => {
  it('needs the token, and a user token is not it', async () => {
    expect((await sl.call('GET', '/metrics', { as: null })).status).toBe(401);
    expect((await sl.call('GET', '/metrics', { as: 'admin' })).status).toBe(401);
    expect((await sl.call('GET', '/metrics', { as: null, headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    const ok = await sl.call('GET', '/metrics', { as: null, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('# TYPE catnet_deployments_total counter');
    expect(ok.text).not.toContain(TOKEN);
  });

  it('leaves health and readiness open', async () => {
    expect((await sl.call('GET', '/healthz', { as: null })).status).toBe(200);
    expect((await sl.call('GET', '/readyz', { as: null })).status).toBe(200);
  });
});
