// `catnet users` and `catnet serve` as processes: a user added from stdin logs in over HTTP, and
// SIGTERM during a deployment lets the device in flight finish, starts no other, records the
// rest as interrupted and exits 0.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { routerConfig, startPipelineLab, type PipelineLab } from '../support/pipeline-lab.js';
import { cliPath, runCliAsync } from '../support/run-cli.js';
import { eventually } from '../support/service-lab.js';

const ADMIN_PASSWORD = 'Serve-Admin-Pass-31x';

let pl: PipelineLab;
let config: string;

beforeAll(async () => {
  pl = await startPipelineLab(2, { inventoryExtra: ['  deploy: { batch_size: 1 }'] });
  config = join(pl.dir, 'catnet.config.yaml');
}, 60_000);
afterAll(() => pl?.stop());

describe('catnet serve', () => {
  it('creates the first admin from the environment; on SIGTERM mid-deployment: finishes the device in flight, starts no other, exits 0', async () => {
    const server = startServe();
    try {
      const url = await server.url;
      const token = await login(url, 'admin', ADMIN_PASSWORD);
      // r1 answers slowly, so its push is still running when the signal comes.
      await pl.lab.setFaults('r1', { latencyMs: 150 });
      const extra = Array.from({ length: 8 }, (_, i) => `ip route 10.99.${i}.0 255.255.255.0 Null0`);
      pl.intend('r1', routerConfig('r1', 0, extra));
      pl.intend('r2', routerConfig('r2', 1, extra));
      const plan = await api(url, token, 'POST', '/api/v1/plans', {});
      expect(plan.status).toBe(201);
      const started = await api(url, token, 'POST', '/api/v1/deployments', { plan_id: (plan.body as { id: string }).id });
      expect(started.status).toBe(202);
      const id = (started.body as { id: string }).id;
      await eventually(async () => {
        const d = (await api(url, token, 'GET', `/api/v1/deployments/${id}`)).body as { devices: { device: string; status: string }[] };
        return d.devices.some((r) => r.device === 'r1' && r.status === 'running') ? true : undefined;
      }, 20_000, 'r1 running');
      server.child.kill('SIGTERM');
      const code = await server.exited;
      expect(code).toBe(0);
      expect(server.output()).toMatch(/waiting for 1 running job/);
      const store = openStore(join(pl.dir, '.catnet'));
      try {
        const results = Object.fromEntries(store.history.deviceResults(id).map((r) => [r.device, r.status]));
        expect(results).toEqual({ r1: 'succeeded', r2: 'interrupted' });
        expect(store.history.getDeployment(id)?.status).toBe('interrupted');
      } finally {
        store.close();
      }
    } finally {
      await pl.lab.setFaults('r1', {});
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  }, 90_000);
});

describe('catnet users', () => {
  it('adds a user with the password from stdin, lists it, and refuses a weak password', async () => {
    const added = await runCliAsync(['users', 'add', 'alice', '--role', 'operator', '-c', config], { input: 'Alice-Long-Pass-77\n', env: pl.env });
    expect([added.status, added.stdout]).toEqual([0, 'user alice added (operator)\n']);
    const list = await runCliAsync(['users', 'list', '--json', '-c', config], { env: pl.env });
    expect((JSON.parse(list.stdout) as { name: string; role: string }[]).map((u) => [u.name, u.role])).toContainEqual(['alice', 'operator']);
    expect(list.stdout).not.toContain('Alice-Long-Pass-77');
    const weak = await runCliAsync(['users', 'add', 'bob', '--role', 'viewer', '-c', config], { input: 'short\n', env: pl.env });
    expect(weak.status).toBe(2);
    expect(weak.stderr).toMatch(/12 characters/);
  });
});

function startServe(): { child: ChildProcess; url: Promise<string>; exited: Promise<number | null>; output: () => string } {
  const env = { ...process.env, ...pl.env, NO_COLOR: '1', CATNET_ADMIN_PASSWORD: ADMIN_PASSWORD, CATNET_JWT_SECRET: 'serve-e2e-signing-key-0123456789-abcdef' };
  const child = spawn(process.execPath, [cliPath, 'serve', '-c', config, '--listen', '127.0.0.1:0'], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (data: Buffer): void => {
      output += data.toString();
      const match = /listening on (http:\/\/\S+?) /.exec(output);
      if (match) resolve(match[1] as string);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) => reject(new Error(`catnet serve exited (${code}) before listening:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => output };
}

async function login(url: string, username: string, password: string): Promise<string> {
  const response = await api(url, undefined, 'POST', '/api/v1/auth/login', { username, password });
  expect(response.status).toBe(200);
  return (response.body as { access_token: string }).access_token;
}

async function api(url: string, token: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
