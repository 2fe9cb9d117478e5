import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, isEncrypted, SecretError, tokenKeyId, type MasterKey } from '../../../src/config/secrets/box.js';

const key = (id: string): MasterKey => ({ id, key: new Uint8Array(randomBytes(32)) });
const k1 = key('k1');
const k2 = key('k2');
const plain = 'correct horse battery staple';

async function failure(token: string, keys: MasterKey[]): Promise<SecretError> {
  const error = await decryptSecret(token, keys).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SecretError);
  return error as SecretError;
}

describe('encryptSecret / decryptSecret', () => {
  it('round-trips text, including unicode and newlines', async () => {
    for (const value of [plain, 'pässwörd ✓', '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n']) {
      const token = await encryptSecret(value, k1);
      expect(token).toMatch(/^enc:v1:k1:[A-Za-z0-9+/]+={0,2}$/);
      expect(isEncrypted(token)).toBe(true);
      expect(tokenKeyId(token)).toBe('k1');
      expect(await decryptSecret(token, [k2, k1])).toBe(value);
    }
  });

  it('uses a fresh nonce for every value', async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, () => encryptSecret(plain, k1)));
    expect(new Set(tokens).size).toBe(20);
    const nonces = tokens.map((t) => Buffer.from(t.split(':')[3] as string, 'base64').subarray(0, 24).toString('hex'));
    expect(new Set(nonces).size).toBe(20);
  });

  it('names an unknown key id and the configured ones', async () => {
    const token = await encryptSecret(plain, k1);
    const error = await failure(token, [k2]);
    expect(error.message).toBe('encrypted with key "k1", which is not configured (configured: k2)');
    expect((await failure(token, [])).message).toContain('(configured: none)');
  });

  it('fails authentication with the wrong key material under the right id', async () => {
    const token = await encryptSecret(plain, k1);
    const error = await failure(token, [key('k1')]);
    expect(error.message).toMatch(/^cannot decrypt with key "k1": authentication failed/);
    expect(error.message).not.toContain(plain);
    expect(error.message).not.toContain(token.split(':')[3]);
  });

  it('detects a tampered token', async () => {
    const token = await encryptSecret(plain, k1);
    const bytes = Buffer.from(token.split(':')[3] as string, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1;
    const tampered = `enc:v1:k1:${bytes.toString('base64')}`;
    expect((await failure(tampered, [k1])).message).toMatch(/authentication failed/);
  });

  it.each([
    ['no prefix', plain],
    ['old version', 'enc:v0:k1:AAAA'],
    ['bad key id', 'enc:v1:k 1:AAAA'],
    ['not base64', 'enc:v1:k1:%%%%'],
    ['too short', 'enc:v1:k1:AAAA'],
    ['missing data', 'enc:v1:k1:'],
  ])('rejects a malformed token (%s) without repeating it', async (_what, token) => {
    const error = await failure(token, [k1]);
    expect(error.message).toBe('malformed encrypted value (expected enc:v1:<key-id>:<base64>)');
  });
});
