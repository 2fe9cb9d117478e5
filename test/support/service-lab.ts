// The HTTP service on a loopback port against a pipeline lab: a user per role, logged in, and a
// small fetch helper. Tests talk to the real server over HTTP and the server to the lab's
// devices over SSH; nothing is mocked.

import { join } from 'node:path';
import { Writable } from 'node:stream';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import type { Role } from '../../src/store/users.js';
import { startPipelineLab, type PipelineLab } from './pipeline-lab.js';

/** The service's token signing key in these tests (tests may sign their own tokens with it). */
export const SIGNING_KEY = 'test-signing-key-0123456789abcdef-0123456789';

export const PASSWORDS: Record<Role, string> = { admin: 'Admin-Pass-4k9m2x', operator: 'Operator-Pass-7h3q1z', viewer: 'Viewer-Pass-2w8e5r' };

export interface ServiceLab {
  pl: PipelineLab;
  server: RunningServer;
  url: string;
  /** Access tokens of `admin`, `operator` and `viewer` (users of those names and roles). */
  tokens: Record<Role, string>;
  /** fetch on the server: `as` a role's token (or none), JSON body when `body` is given. */
  call(method: string, path: string, options?: { as?: Role | null; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: unknown; headers: Headers; text: string }>;
  stop(): Promise<void>;
}

export interface ServiceLabOptions {
  devices?: number;
  inventoryExtra?: string[];
  /** Where the service's log lines go (they are in the job log either way); default nowhere. */
  logDestination?: NodeJS.WritableStream;
  env?: Record<string, string | undefined>;
}

export async function startServiceLab(options: ServiceLabOptions = {}): Promise<ServiceLab> {
  const pl = await startPipelineLab(options.devices ?? 2, { inventoryExtra: options.inventoryExtra ?? [] });
  const env = { ...pl.env, CATNET_JWT_SECRET: SIGNING_KEY, ...options.env };
  const server = await startServer({ configFile: join(pl.dir, 'catnet.config.yaml'), env, listen: { host: '127.0.0.1', port: 0 }, logDestination: options.logDestination ?? discard() });
  try {
    for (const role of ['admin', 'operator', 'viewer'] as const) {
      if (!server.service.store.users.get(role)) server.service.store.users.add({ name: role, role, passwordHash: await hashPassword(PASSWORDS[role]) });
    }
    const tokens = {} as Record<Role, string>;
    const call: ServiceLab['call'] = async (method, path, opts = {}) => {
      const headers: Record<string, string> = { ...opts.headers };
      const as = opts.as === undefined ? 'admin' : opts.as;
      if (as) headers.authorization = `Bearer ${tokens[as]}`;
      if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
      const response = await fetch(server.url + path, { method, headers, ...(opts.body !== undefined ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}) });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text === '' ? undefined : (JSON.parse(text) as unknown);
      } catch {
        // Not JSON (metrics text): kept as text.
      }
      return { status: response.status, body, headers: response.headers, text };
    };
    for (const role of ['admin', 'operator', 'viewer'] as const) {
      const login = await call('POST', '/api/v1/auth/login', { as: null, body: { username: role, password: PASSWORDS[role] } });
      if (login.status !== 200) throw new Error(`login of ${role} failed: ${login.text}`);
      tokens[role] = (login.body as { access_token: string }).access_token;
    }
    return {
      pl,
      server,
      url: server.url,
      tokens,
      call,
      stop: async () => {
        await server.close();
        await pl.stop();
      },
    };
  } catch (error) {
    await server.close();
    await pl.stop();
    throw error;
  }
}

/** Polls `check` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

/** The `field`s of a validation error response (`body.name`, `query.limit`…). */
export const fieldsOf = (body: unknown): string[] => (body as { error: { details: { fields: { field: string }[] } } }).error.details.fields.map((f) => f.field);

/** The message of an error response. */
export const messageOf = (body: unknown): string => (body as { error: { message: string } }).error.message;
