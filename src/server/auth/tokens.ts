// Short-lived access tokens for the HTTP API: JWT, HS256 only, signed with the service's key
// (see signing-key.ts). Only this service issues and verifies them.

import { randomUUID } from 'node:crypto';
import { sign, verify } from 'hono/jwt';

export type Role = 'admin' | 'operator' | 'viewer';
const ROLES: readonly string[] = ['admin', 'operator', 'viewer'] satisfies Role[];

export interface TokenClaims {
  sub: string;
  role: Role;
  iat: number;
  exp: number;
  jti: string;
}

export class TokenError extends Error {
  override name = 'TokenError';
  constructor(
    readonly reason: 'expired' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

const IAT_LEEWAY_SECONDS = 60;
const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

export async function issueToken(
  key: string,
  subject: { name: string; role: TokenClaims['role'] },
  ttlSeconds: number,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: string; claims: TokenClaims }> {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new RangeError(`token lifetime must be a positive whole number of seconds, got ${ttlSeconds}`);
  if (subject.name === '' || !ROLES.includes(subject.role)) throw new TypeError('token subject needs a name and a known role');
  const iat = seconds(now);
  const claims: TokenClaims = { sub: subject.name, role: subject.role, iat, exp: iat + ttlSeconds, jti: randomUUID() };
  const token = await sign({ ...claims }, key, 'HS256');
  return { token, expiresAt: new Date(claims.exp * 1000).toISOString(), claims };
}

function isWholeSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function toClaims(payload: unknown): TokenClaims | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const { sub, role, iat, exp, jti } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '' || typeof role !== 'string' || !ROLES.includes(role)) return undefined;
  if (!isWholeSeconds(iat) || !isWholeSeconds(exp) || exp <= iat || typeof jti !== 'string' || jti === '') return undefined;
  return { sub, role: role as Role, iat, exp, jti };
}

export async function verifyToken(key: string, token: string, now: Date = new Date()): Promise<TokenClaims> {
  let payload: unknown;
  try {
    // hono checks exp/iat/nbf against Date.now() and takes no clock, so those checks are off here and
    // done below against `now` (tests use a fake clock). hono still checks the header (alg must be
    // HS256, so `none` and others are refused) and the signature, before we look at any claim.
    payload = await verify(token, key, { alg: 'HS256', exp: false, iat: false, nbf: false });
  } catch (error) {
    // The error's name only: hono's messages embed the whole token, which must not reach the logs.
    throw new TokenError('invalid', `invalid token: ${error instanceof Error ? error.name : 'unreadable'}`);
  }
  const claims = toClaims(payload);
  if (!claims) throw new TokenError('invalid', 'invalid token: claims missing or malformed');
  const at = seconds(now);
  // Same service issues and verifies: a token from the future was not made by us; the leeway
  // only absorbs a clock stepped back by NTP after issuance.
  if (claims.iat > at + IAT_LEEWAY_SECONDS) throw new TokenError('invalid', 'invalid token: issued in the future');
  if (claims.exp <= at) throw new TokenError('expired', `token expired at ${new Date(claims.exp * 1000).toISOString()}`);
  return claims;
}
