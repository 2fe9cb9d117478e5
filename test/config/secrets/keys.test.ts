import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretError } from '../../../src/config/secrets/box.js';
import { generateMasterKey, loadMasterKeys, selectMasterKey } from '../../../src/config/secrets/keys.js';

const dir = mkdtempSync(join(tmpdir(), 'catnet-keys-'));
const a = generateMasterKey('a');
const b = generateMasterKey('b-2');
const c = generateMasterKey('c_3');

function keyFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SecretError);
  return (error as Error).message;
}

describe('generateMasterKey', () => {
  it('makes <id>:<base64 of 32 random bytes>', () => {
    expect(a).toMatch(/^a:[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(2), 'base64')).toHaveLength(32);
    expect(generateMasterKey('a')).not.toBe(a);
  });

  it('refuses a bad id', () => {
    expect(() => generateMasterKey('no spaces')).toThrow(/invalid key id/);
    expect(() => generateMasterKey('x'.repeat(33))).toThrow(/invalid key id/);
  });
});

describe('loadMasterKeys', () => {
  it('reads several keys from CATNET_MASTER_KEY, the first being the default', async () => {
    const keys = await loadMasterKeys({ env: { CATNET_MASTER_KEY: ` ${b}, ${a}\n${c} ` } });
    expect(keys.map((k) => k.id)).toEqual(['b-2', 'a', 'c_3']);
    expect(Buffer.from(keys[0]?.key ?? []).toString('base64')).toBe(b.slice(4));
    expect(selectMasterKey(keys).id).toBe('b-2');
    expect(selectMasterKey(keys, 'c_3').id).toBe('c_3');
    expect(() => selectMasterKey(keys, 'zz')).toThrow('master key "zz" is not configured (configured: b-2, a, c_3)');
  });

  it('reads a key file with comments, after the environment keys', async () => {
    const file = keyFile('keys.txt', `# CatNet master keys\n\n${b}   # new\n${a}\n`);
    const keys = await loadMasterKeys({ env: { CATNET_MASTER_KEY: c }, keyFile: file });
    expect(keys.map((k) => k.id)).toEqual(['c_3', 'b-2', 'a']);
  });

  it('finds the key file from CATNET_MASTER_KEY_FILE', async () => {
    const file = keyFile('env-keys.txt', `${a}\n`);
    expect((await loadMasterKeys({ env: { CATNET_MASTER_KEY_FILE: file } })).map((k) => k.id)).toEqual(['a']);
  });

  it('accepts the same key twice, not two keys under one id', async () => {
    expect(await loadMasterKeys({ env: { CATNET_MASTER_KEY: `${a},${a}` } })).toHaveLength(1);
    const other = generateMasterKey('a');
    expect(await failure(loadMasterKeys({ env: { CATNET_MASTER_KEY: `${a},${other}` } }))).toBe('CATNET_MASTER_KEY: key 2: key id "a" is already used by another key');
  });

  it('names the file and line of every bad key, never the key material', async () => {
    const material = 'c2VjcmV0LW1hdGVyaWFs';
    const file = keyFile('bad.txt', `${a}\n# ok\nnocolon${material}\nbad id:${a.slice(2)}\nshort:${material}\n${b} ${c}\n`);
    const message = await failure(loadMasterKeys({ env: {}, keyFile: file }));
    expect(message.split('\n')).toEqual([
      `${file}:3: not a master key (expected <key-id>:<base64 of 32 bytes>, one key per line)`,
      `${file}:4: several values on one line (expected <key-id>:<base64 of 32 bytes>, one key per line)`,
      `${file}:5: key "short": the key material is not base64 of 32 bytes`,
      `${file}:6: several values on one line (expected <key-id>:<base64 of 32 bytes>, one key per line)`,
    ]);
    expect(message).not.toContain(material);
    expect(message).not.toContain(a.slice(2));
  });

  it('names the environment variable of a bad key', async () => {
    const message = await failure(loadMasterKeys({ env: { CATNET_MASTER_KEY: `${a},x!:abc` } }));
    expect(message).toBe('CATNET_MASTER_KEY: key 2: invalid key id: use 1 to 32 letters, digits, "_" or "-" (expected <key-id>:<base64 of 32 bytes>, one key per line)');
  });

  it('says how to get a key when there is none', async () => {
    expect(await failure(loadMasterKeys({ env: { CATNET_MASTER_KEY: ' ' } }))).toMatch(/^no master key: set CATNET_MASTER_KEY.*catnet secrets keygen/);
    expect(await failure(loadMasterKeys({ env: {}, keyFile: join(dir, 'missing.txt') }))).toBe(`${join(dir, 'missing.txt')}: cannot read the master key file: no such file`);
  });
});
