// Logging in: a user name and password for a short-lived access token. Failed logins are
// rate limited per user and client address; an unknown user costs the same time as a wrong
// password, and both get the same answer (no user enumeration).

import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { z } from 'zod';
import { verifyDummy, verifyPassword } from '../auth/passwords.js';
import { issueToken } from '../auth/tokens.js';
import { route, type AnyRoute, type AppEnv } from '../http/api.js';
import { ApiError } from '../http/errors.js';
import type { Service } from '../service.js';
import { userSchema } from './schemas.js';

const loginBody = z.strictObject({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(1024),
});

const tokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_at: z.string().describe('ISO 8601'),
  user: userSchema,
});

export function authRoutes(service: Service): AnyRoute[] {
  const ttl = service.project.inventory.settings.server.token_ttl_s;
  return [
    route({
      method: 'post',
      path: '/auth/login',
      summary: 'Exchange a user name and password for an access token.',
      tag: 'auth',
      role: 'public',
      body: loginBody,
      responses: { 200: { description: 'Logged in.', schema: tokenResponse }, 401: { description: 'Wrong user name or password.' }, 429: { description: 'Too many failed logins: wait Retry-After seconds.' } },
      handler: async ({ c, body, log }) => {
        const key = `${body.username}|${clientAddress(c)}`;
        const gate = service.limiter.check(key);
        if (!gate.allowed) {
          log.warn('auth', `login of ${body.username} refused: too many failed attempts`);
          throw new ApiError(429, 'rate_limited', `too many failed logins: try again in ${gate.retryAfterSeconds} s`, { retry_after_s: gate.retryAfterSeconds }, { 'Retry-After': String(gate.retryAfterSeconds) });
        }
        const user = service.store.users.get(body.username);
        const ok = user ? await verifyPassword(body.password, user.passwordHash) : await verifyDummy(body.password);
        if (!user || !ok) {
          service.limiter.fail(key);
          log.warn('auth', `failed login for ${body.username}`);
          throw new ApiError(401, 'unauthorized', 'wrong user name or password');
        }
        service.limiter.succeed(key);
        const issued = await issueToken(service.signingKey, { name: user.name, role: user.role }, ttl);
        log.info('auth', `${user.name} (${user.role}) logged in`);
        return c.json({ access_token: issued.token, token_type: 'Bearer' as const, expires_at: issued.expiresAt, user: { name: user.name, role: user.role } });
      },
    }),
    route({
      method: 'get',
      path: '/auth/me',
      summary: 'The caller, as the token says and the store confirms.',
      tag: 'auth',
      role: 'viewer',
      responses: { 200: { description: 'The caller.', schema: userSchema } },
      handler: ({ c, caller }) => c.json({ name: caller.name, role: caller.role }),
    }),
  ];
}

function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Outside a Node server (app.request in tests): one bucket for all.
    return 'local';
  }
}
