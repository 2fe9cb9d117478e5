// `catnet secrets` as users run it: the built CLI in a separate process, keys from a key file
// or the environment, values on stdin.

import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../support/run-cli.js';

const TOKEN = /^enc:v1:([A-Za-z0-9_-]+):[A-Za-z0-9+/]+={0,2}$/;

afterEach(() => vi.unstubAllEnvs());

function workdir(): string {
  vi.stubEnv('CATNET_MASTER_KEY', '');
  vi.stubEnv('CATNET_MASTER_KEY_FILE', '');
  return mkdtempSync(join(tmpdir(), 'catnet-secrets-e2e-'));
}

function keygen(id: string): string {
  const result = runCli(['secrets', 'keygen', '--id', id]);
  expect(result.status).toBe(0);
  expect(result.stderr).toContain('CATNET_MASTER_KEY');
  return result.stdout.trim();
}

function encrypt(cwd: string, value: string, args: string[] = []): string {
  const result = runCli(['secrets', 'encrypt', ...args], { cwd, input: value });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^enc:v1:\S+\n$/);
  return result.stdout.trim();
}

describe('catnet secrets', () => {
  it('keygen, encrypt, check, rotate, check', () => {
    const cwd = workdir();
    const old = keygen('old');
    expect(old).toMatch(/^old:[A-Za-z0-9+/]{43}=$/);
    writeFileSync(join(cwd, 'keys.txt'), `# master keys\n${old}\n`);
    const keyFile = ['--key-file', 'keys.txt'];

    const password = encrypt(cwd, 'S3cret-pass\n', keyFile);
    const enable = encrypt(cwd, 'En4ble-secret', keyFile);
    expect(password).toMatch(TOKEN);
    expect(TOKEN.exec(password)?.[1]).toBe('old');
    const text = ['# core routers', 'credentials:', '  default:', '    username: admin', `    password: ${password}`, `    enable_secret: ${enable}  # enable`, ''].join('\n');
    writeFileSync(join(cwd, 'credentials.yaml'), text);

    const check = runCli(['secrets', 'check', ...keyFile], { cwd });
    expect(check).toMatchObject({ status: 0, stdout: 'credentials.yaml: every value decrypts\n', stderr: '' });

    // Rotation: the new key first (default for new values), the old one still there to decrypt.
    const next = keygen('new');
    vi.stubEnv('CATNET_MASTER_KEY', `${next},${old}`);
    const rotate = runCli(['secrets', 'rotate', '--to', 'new'], { cwd });
    expect(rotate.stderr).toBe('');
    expect(rotate.status).toBe(0);
    expect(rotate.stdout).toMatch(/^credentials\.yaml: 2 values now under key "new" \(2 from "old"\); backup: credentials\.yaml\.bak-\d{8}T\d{6}Z\n$/);
    const rotated = readFileSync(join(cwd, 'credentials.yaml'), 'utf8');
    expect(rotated).toContain('# core routers');
    expect(rotated).toContain('  # enable');
    expect(rotated.match(/enc:v1:[^:]+:/g)).toEqual(['enc:v1:new:', 'enc:v1:new:']);
    expect(statSync(join(cwd, 'credentials.yaml')).mode & 0o777).toBe(0o600);
    expect(readdirSync(cwd).filter((f) => f.includes('.bak-'))).toHaveLength(1);

    // The new key alone now decrypts everything; the old one alone nothing.
    vi.stubEnv('CATNET_MASTER_KEY', next);
    expect(runCli(['secrets', 'check'], { cwd })).toMatchObject({ status: 0, stderr: '' });
    vi.stubEnv('CATNET_MASTER_KEY', '');
    const stale = runCli(['secrets', 'check', '--file', 'credentials.yaml', ...keyFile], { cwd });
    expect(stale.status).toBe(2);
    expect(stale.stderr).toBe(
      [
        'catnet: credentials.yaml:5: credentials.default.password: encrypted with key "new", which is not configured (configured: old)',
        'credentials.yaml:6: credentials.default.enable_secret: encrypted with key "new", which is not configured (configured: old)',
        '',
      ].join('\n'),
    );
  });

  it('encrypt never takes the value as an argument', () => {
    const cwd = workdir();
    vi.stubEnv('CATNET_MASTER_KEY', keygen('k1'));
    const result = runCli(['secrets', 'encrypt', 'hunter22'], { cwd, input: 'ignored' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^catnet: secrets encrypt never takes the value as an argument/);
    expect(result.stderr).not.toContain('hunter22');
  });

  it('encrypt with a chosen key, and clear errors without a usable key', () => {
    const cwd = workdir();
    vi.stubEnv('CATNET_MASTER_KEY', `${keygen('a')} ${keygen('b')}`);
    expect(TOKEN.exec(encrypt(cwd, 'value-1', ['--key-id', 'b']))?.[1]).toBe('b');
    expect(runCli(['secrets', 'encrypt', '--key-id', 'zz'], { cwd, input: 'v' })).toMatchObject({ status: 2, stderr: 'catnet: master key "zz" is not configured (configured: a, b)\n' });
    expect(runCli(['secrets', 'encrypt'], { cwd, input: '\n' })).toMatchObject({ status: 2, stderr: 'catnet: empty value: nothing to encrypt\n' });

    vi.stubEnv('CATNET_MASTER_KEY', '');
    expect(runCli(['secrets', 'encrypt'], { cwd, input: 'v' })).toMatchObject({ status: 2, stderr: expect.stringMatching(/^catnet: no master key/) });
    expect(runCli(['secrets', 'check'], { cwd, input: 'v' })).toMatchObject({ status: 2 });
  });

  it('check lists every problem and rotate refuses to write half a rotation', () => {
    const cwd = workdir();
    const key = keygen('k1');
    vi.stubEnv('CATNET_MASTER_KEY', key);
    const good = encrypt(cwd, 'pass-1');
    const text = ['credentials:', '  default:', '    username: admin', '    password: plain-text', '  other:', '    username: x', `    password: ${good.replace('k1', 'k9')}`, ''].join('\n');
    writeFileSync(join(cwd, 'credentials.yaml'), text);

    const check = runCli(['secrets', 'check'], { cwd });
    expect(check.status).toBe(2);
    expect(check.stderr).toContain('credentials.yaml:4: credentials.default.password: not encrypted; encrypt it with `catnet secrets encrypt`');

    writeFileSync(join(cwd, 'credentials.yaml'), text.replace('plain-text', good));
    const rotate = runCli(['secrets', 'rotate', '--to', 'k1'], { cwd });
    expect(rotate).toMatchObject({ status: 2, stderr: 'catnet: credentials.yaml:7: credentials.other.password: encrypted with key "k9", which is not configured (configured: k1)\n' });
    expect(readFileSync(join(cwd, 'credentials.yaml'), 'utf8')).toBe(text.replace('plain-text', good));
    expect(readdirSync(cwd)).toEqual(['credentials.yaml']);
  });
});
