import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigFileError } from '../../../src/config/config-file-error.js';
import { encryptSecret, type MasterKey } from '../../../src/config/secrets/box.js';
import { checkCredentials, loadCredentials } from '../../../src/config/secrets/credentials-file.js';
import { MASK, redact, resetRedaction } from '../../../src/obs/redact.js';

const dir = mkdtempSync(join(tmpdir(), 'catnet-credentials-'));
const key = (id: string): MasterKey => ({ id, key: new Uint8Array(randomBytes(32)) });
const demo = key('demo');
const old = key('old');
const pem = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';

function write(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

async function goodFile(): Promise<string> {
  return write('good.yaml', [
    '# Lab logins',
    'credentials:',
    '  default:',
    '    username: admin',
    `    password: ${await encryptSecret('S3cret-pass', demo)}`,
    `    enable_secret: ${await encryptSecret('En4ble-secret', old)}`,
    '  break-glass:',
    `    username: "${await encryptSecret('local-admin', demo)}"`,
    `    password: ${await encryptSecret('Br3ak-glass', demo)}`,
    `    private_key: ${await encryptSecret(pem, demo)}`,
  ]);
}

afterEach(() => resetRedaction());

describe('loadCredentials', () => {
  it('decrypts every set', async () => {
    const credentials = await loadCredentials(await goodFile(), [demo, old]);
    expect([...credentials.values()]).toEqual([
      { name: 'default', username: 'admin', password: 'S3cret-pass', enableSecret: 'En4ble-secret' },
      { name: 'break-glass', username: 'local-admin', password: 'Br3ak-glass', privateKey: pem },
    ]);
    expect(await checkCredentials(await goodFile(), [demo, old])).toEqual([]);
  });

  it('registers every decrypted value for redaction', async () => {
    await loadCredentials(await goodFile(), [demo, old]);
    const line = 'login admin/S3cret-pass, enable En4ble-secret, local-admin/Br3ak-glass';
    expect(redact(line)).toBe(`login admin/${MASK}, enable ${MASK}, ${MASK}/${MASK}`);
    expect(redact(`key:\n${pem}`)).toBe(`key:\n${MASK}`);
  });

  it('lists every value that does not decrypt, with its line', async () => {
    const file = await goodFile();
    const error = await loadCredentials(file, [demo]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as Error).message).toBe(`${file}:6: credentials.default.enable_secret: encrypted with key "old", which is not configured (configured: demo)`);

    const problems = await checkCredentials(file, [key('demo'), old]);
    expect(problems.map((p) => `${p.line}: ${p.field}`)).toEqual(['5: credentials.default.password', '8: credentials.break-glass.username', '9: credentials.break-glass.password', '10: credentials.break-glass.private_key']);
    expect(problems.every((p) => /authentication failed/.test(p.message))).toBe(true);
  });

  it('refuses secrets in plain text and unknown fields, all at once', async () => {
    const file = write('plain.yaml', [
      'credentials:',
      '  default:',
      '    username: admin',
      '    password: hunter2',
      '    enable_secret: also-plain',
      '    pasword: typo',
      '  "bad name":',
      `    username: x`,
      `    password: ${await encryptSecret('p4ssword', demo)}`,
    ]);
    const error = await loadCredentials(file, [demo]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as Error).message.split('\n')).toEqual([
      `${file}:4: credentials.default.password: not encrypted; encrypt it with \`catnet secrets encrypt\``,
      `${file}:5: credentials.default.enable_secret: not encrypted; encrypt it with \`catnet secrets encrypt\``,
      `${file}:6: credentials.default.pasword: unknown field`,
      `${file}:7: credentials.bad name: invalid name: use letters, digits, ".", "_" or "-"`,
    ]);
  });

  it('reports a malformed token, a missing file and an empty file', async () => {
    const file = write('malformed.yaml', ['credentials:', '  default:', '    username: admin', '    password: enc:v1:demo:not-base64!']);
    expect(await checkCredentials(file, [demo])).toEqual([{ line: 4, field: 'credentials.default.password', message: 'malformed encrypted value (expected enc:v1:<key-id>:<base64>)' }]);
    expect(await checkCredentials(join(dir, 'missing.yaml'), [demo])).toEqual([{ line: undefined, field: '', message: 'cannot read: no such file' }]);
    expect((await checkCredentials(write('empty.yaml', ['credentials: {}']), [demo])).map((p) => p.message)).toEqual(['no credential sets']);
  });
});
