import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSigningKey } from '../../../src/server/auth/signing-key.js';

const root = mkdtempSync(join(tmpdir(), 'catnet-signing-key-'));
let n = 0;
const freshDir = (): string => join(root, `state-${++n}`);

describe('JWT signing key', () => {
  it('comes from the environment when set', async () => {
    const key = 'e'.repeat(40);
    expect(await loadSigningKey(freshDir(), { CATNET_JWT_SIGNING_KEY: key })).toEqual({ key, origin: 'env' });
    expect(await loadSigningKey(freshDir(), { MY_KEY: key }, 'MY_KEY')).toEqual({ key, origin: 'env' });
  });

  it('refuses a short key from the environment, naming the variable', async () => {
    await expect(loadSigningKey(freshDir(), { MY_KEY: 'short' }, 'MY_KEY')).rejects.toThrow(/MY_KEY is too short/);
  });

  it('creates a private key file on first use and reuses it', async () => {
    const dir = freshDir();
    // An empty variable counts as unset.
    const first = await loadSigningKey(dir, { CATNET_JWT_SIGNING_KEY: '' });
    const file = join(dir, 'jwt-signing.key');
    expect(first).toMatchObject({ origin: 'file', file });
    expect(first.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(file, 'utf8')).toBe(first.key);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const second = await loadSigningKey(dir, {});
    expect(second).toEqual(first);
  });

  it('accepts a hand-written key file with a trailing newline', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    writeFileSync(join(dir, 'jwt-signing.key'), `${'h'.repeat(32)}\n`);
    expect((await loadSigningKey(dir, {})).key).toBe('h'.repeat(32));
  });

  it('refuses an empty or short key file, naming it', async () => {
    for (const content of ['', 'tooshort']) {
      const dir = freshDir();
      mkdirSync(dir);
      const file = join(dir, 'jwt-signing.key');
      writeFileSync(file, content);
      await expect(loadSigningKey(dir, {})).rejects.toThrow(file);
      expect(readFileSync(file, 'utf8')).toBe(content); // left alone for the operator
    }
  });
});
