import { describe, expect, it } from 'vitest';
import { sign } from 'hono/jwt';
import { issueToken, TokenError, verifyToken } from '../../../src/server/auth/tokens.js';

const KEY = 'k'.repeat(16) + 'test-signing-key-0123456789';
const NOW = new Date('2026-11-23T09:00:00Z');
const later = (seconds: number): Date => new Date(NOW.getTime() + seconds * 1000);
const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

async function rejection(promise: Promise<unknown>): Promise<TokenError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenError);
  return error as TokenError;
}

describe('access tokens', () => {
  it('round-trips the claims', async () => {
    const issued = await issueToken(KEY, { name: 'alice', role: 'operator' }, 900, NOW);
    expect(issued.claims).toMatchObject({ sub: 'alice', role: 'operator', iat: NOW.getTime() / 1000, exp: NOW.getTime() / 1000 + 900 });
    expect(issued.claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(issued.expiresAt).toBe('2026-11-23T09:15:00.000Z');
    expect(await verifyToken(KEY, issued.token, later(899))).toEqual(issued.claims);
  });

  it('gives each token its own id', async () => {
    const a = await issueToken(KEY, { name: 'alice', role: 'viewer' }, 60, NOW);
    const b = await issueToken(KEY, { name: 'alice', role: 'viewer' }, 60, NOW);
    expect(a.claims.jti).not.toBe(b.claims.jti);
  });

  it('refuses a nonsensical lifetime', async () => {
    await expect(issueToken(KEY, { name: 'alice', role: 'viewer' }, 0, NOW)).rejects.toThrow(RangeError);
  });

  it('reports expiry against the given clock', async () => {
    const { token } = await issueToken(KEY, { name: 'alice', role: 'admin' }, 60, NOW);
    expect((await rejection(verifyToken(KEY, token, later(60)))).reason).toBe('expired');
    expect((await rejection(verifyToken(KEY, token, later(3600)))).reason).toBe('expired');
  });

  it('refuses a token from the future', async () => {
    const { token } = await issueToken(KEY, { name: 'alice', role: 'admin' }, 3600, later(600));
    expect((await rejection(verifyToken(KEY, token, NOW))).reason).toBe('invalid');
  });

  it('refuses a tampered payload', async () => {
    const { token } = await issueToken(KEY, { name: 'alice', role: 'viewer' }, 900, NOW);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${b64url({ ...claims, role: 'admin' })}.${signature}`;
    const error = await rejection(verifyToken(KEY, forged, NOW));
    expect(error.reason).toBe('invalid');
    expect(error.message).not.toContain(forged); // the token must not leak into logs
  });

  it('refuses a token signed with another key, even an expired one, as invalid', async () => {
    const { token } = await issueToken('another-key-another-key-another-key', { name: 'alice', role: 'admin' }, 60, NOW);
    expect((await rejection(verifyToken(KEY, token, NOW))).reason).toBe('invalid');
    expect((await rejection(verifyToken(KEY, token, later(3600)))).reason).toBe('invalid');
  });

  it('refuses alg none', async () => {
    const iat = NOW.getTime() / 1000;
    const payload = { sub: 'alice', role: 'admin', iat, exp: iat + 900, jti: 'x' };
    const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`;
    expect((await rejection(verifyToken(KEY, token, NOW))).reason).toBe('invalid');
  });

  it('refuses another algorithm, even with the right key', async () => {
    const iat = NOW.getTime() / 1000;
    const token = await sign({ sub: 'alice', role: 'admin', iat, exp: iat + 900, jti: 'x' }, KEY, 'HS512');
    expect((await rejection(verifyToken(KEY, token, NOW))).reason).toBe('invalid');
  });

  it('refuses well-signed tokens whose claims are wrong', async () => {
    const iat = NOW.getTime() / 1000;
    const base = { sub: 'alice', role: 'admin', iat, exp: iat + 900, jti: 'x' };
    const bad = [
      { ...base, role: 'root' },
      { ...base, role: undefined },
      { ...base, sub: 42 },
      { ...base, sub: '' },
      { ...base, exp: String(iat + 900) },
      { ...base, jti: undefined },
    ];
    for (const payload of bad) {
      const token = await sign(payload as Parameters<typeof sign>[0], KEY, 'HS256');
      expect((await rejection(verifyToken(KEY, token, NOW))).reason, JSON.stringify(payload)).toBe('invalid');
    }
  });

  it('refuses garbage', async () => {
    for (const token of ['', 'a.b', 'a.b.c', 'not a token at all']) {
      expect((await rejection(verifyToken(KEY, token, NOW))).reason).toBe('invalid');
    }
  });
});
