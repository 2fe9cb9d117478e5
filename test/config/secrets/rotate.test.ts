import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigFileError } from '../../../src/config/config-file-error.js';
import { encryptSecret, SecretError, tokenKeyId, type MasterKey } from '../../../src/config/secrets/box.js';
import { loadCredentials } from '../../../src/config/secrets/credentials-file.js';
import { rotateCredentials } from '../../../src/config/secrets/rotate.js';
import { resetRedaction } from '../../../src/obs/redact.js';

const key = (id: string): MasterKey => ({ id, key: new Uint8Array(randomBytes(32)) });
const k1 = key('k1');
const k2 = key('k2');
const k3 = key('k3');
const now = new Date('2025-03-04T05:06:07.890Z');

async function setup(): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'catnet-rotate-'));
  const file = join(dir, 'credentials.yaml');
  const text = [
    '# Logins for the core routers',
    'credentials:',
    '  default:',
    '    username: admin   # the AAA account',
    `    password: ${await encryptSecret('S3cret-pass', k1)}`,
    `    enable_secret: "${await encryptSecret('En4ble-secret', k2)}"`,
    '',
    '  break-glass:   # local account',
    `    username: ${await encryptSecret('local-admin', k1)}`,
    `    password: '${await encryptSecret('Br3ak-glass', k1)}'`,
    '',
  ].join('\n');
  writeFileSync(file, text, { mode: 0o644 });
  return { dir, file };
}

const tokens = (text: string) => text.match(/enc:v1:[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+/g) ?? [];

afterEach(() => resetRedaction());

describe('rotateCredentials', () => {
  it('re-encrypts every value under the new key, keeping comments and layout', async () => {
    const { dir, file } = await setup();
    const before = readFileSync(file, 'utf8');
    const result = await rotateCredentials(file, [k1, k2, k3], 'k3', now);
    expect(result).toEqual({ values: 4, fromKeys: { k1: 3, k2: 1 }, backupFile: `${file}.bak-20250304T050607Z` });

    const after = readFileSync(file, 'utf8');
    expect(tokens(after).map(tokenKeyId)).toEqual(['k3', 'k3', 'k3', 'k3']);
    // Only the tokens changed.
    expect(after.replace(/enc:v1:[^\s"']+/g, 'TOKEN')).toBe(before.replace(/enc:v1:[^\s"']+/g, 'TOKEN'));
    expect(statSync(file).mode & 0o777).toBe(0o600);

    expect(readFileSync(result.backupFile, 'utf8')).toBe(before);
    expect(statSync(result.backupFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['credentials.yaml', 'credentials.yaml.bak-20250304T050607Z']);

    // The old keys are no longer needed.
    const credentials = await loadCredentials(file, [k3]);
    expect(credentials.get('default')).toEqual({ name: 'default', username: 'admin', password: 'S3cret-pass', enableSecret: 'En4ble-secret' });
    expect(credentials.get('break-glass')).toEqual({ name: 'break-glass', username: 'local-admin', password: 'Br3ak-glass' });
  });

  it('keeps every earlier backup', async () => {
    const { file } = await setup();
    const first = await rotateCredentials(file, [k1, k2, k3], 'k3', now);
    const second = await rotateCredentials(file, [k3], 'k3', now);
    expect(second.backupFile).toBe(`${first.backupFile}-2`);
    expect(second.fromKeys).toEqual({ k3: 4 });
  });

  it('writes nothing when a value cannot be decrypted, and lists every such value', async () => {
    const { dir, file } = await setup();
    const before = readFileSync(file);
    const error = await rotateCredentials(file, [k1, key('k2'), k3], 'k3', now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as Error).message).toMatch(new RegExp(`^${file}:6: credentials.default.enable_secret: cannot decrypt with key "k2": authentication failed`));

    const missing = await rotateCredentials(file, [k3, k2], 'k3', now).catch((e: unknown) => e);
    expect((missing as ConfigFileError).problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '5: encrypted with key "k1", which is not configured (configured: k3, k2)',
      '9: encrypted with key "k1", which is not configured (configured: k3, k2)',
      '10: encrypted with key "k1", which is not configured (configured: k3, k2)',
    ]);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['credentials.yaml']);
  });

  it('refuses a target key that is not configured', async () => {
    const { dir, file } = await setup();
    const error = await rotateCredentials(file, [k1, k2], 'k9', now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretError);
    expect((error as Error).message).toBe('master key "k9" is not configured (configured: k1, k2)');
    expect(readdirSync(dir)).toEqual(['credentials.yaml']);
  });
});
