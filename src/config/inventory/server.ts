// `settings.server`: the HTTP service of `catnet serve`. Secrets never appear in the file, only the
// names of the environment variables that hold them, so the inventory can stay in Git.

import { z } from 'zod';

const count = (min: number) => z.number().int().min(min);

/** Names an environment variable; checked so that a value pasted by mistake (a secret) is refused. */
export const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name (letters, digits and "_", not starting with a digit)');

export interface ListenAddress {
  /** Host name or address; an IPv6 address without its brackets. */
  host: string;
  port: number;
}

/** `host:port`, `[v6]:port`; a reason when it is not one. */
export function parseListen(value: string): ListenAddress | string {
  const match = /^(?:\[([^\]]*)\]|([^:[\]]*)):([^:]*)$/.exec(value);
  if (!match) {
    return value.split(':').length > 2 && !value.startsWith('[')
      ? 'write an IPv6 address in brackets, like [::1]:8080'
      : 'expected host:port, like 127.0.0.1:8080 or [::1]:8080';
  }
  const host = match[1] ?? match[2] ?? '';
  const portText = match[3] ?? '';
  if (host.trim() === '') return 'the host must not be empty (0.0.0.0 listens on every IPv4 address)';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) return 'the port must be a number from 0 to 65535';
  return { host, port: Number(portText) };
}

// prefault, not default: the default text goes through the same parsing as a written one.
const listen = z
  .string()
  .transform((value, ctx) => {
    const parsed = parseListen(value);
    if (typeof parsed !== 'string') return parsed;
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  })
  .prefault('127.0.0.1:8080');

export const serverSchema = z
  .strictObject({
    listen,
    token_ttl_s: count(60).max(86_400).default(900),
    jwt_secret_env: envName.default('CATNET_JWT_SECRET'),
    /** When set (and the variable is not empty), `/metrics` needs this bearer token. */
    metrics_token_env: envName.optional(),
    admin_password_env: envName.default('CATNET_ADMIN_PASSWORD'),
    body_limit_kb: count(1).max(102_400).default(1024),
    login_rate: z.strictObject({ attempts: count(1).default(5), window_s: count(1).default(900) }).prefault({}),
    plans_keep: count(1).default(500),
  })
  .prefault({});
