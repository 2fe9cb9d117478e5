// The inventory commands through the built CLI: `validate` on the shipped example and on a
// broken project (every problem listed with its file and line), `devices list`, and the
// credentials file the inventory names.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '../../src/config/secrets/box.js';
import { generateMasterKey, loadMasterKeys } from '../../src/config/secrets/keys.js';
import { DEMO_MASTER_KEY } from '../../src/lab/runner/demo-key.js';
import { runCli } from '../support/run-cli.js';

const KEY = generateMasterKey('test');
const withKey = { CATNET_MASTER_KEY: KEY, CATNET_MASTER_KEY_FILE: undefined, CATNET_CONFIG: undefined };

/** A project folder with the given files. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'catnet-inventory-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function encrypted(value: string, key = KEY): Promise<string> {
  const [master] = await loadMasterKeys({ env: { CATNET_MASTER_KEY: key } });
  return encryptSecret(value, master as NonNullable<typeof master>);
}

describe('catnet validate', () => {
  it('passes on the shipped example with the demo key', () => {
    const result = runCli(['validate'], { env: { ...withKey, CATNET_MASTER_KEY: DEMO_MASTER_KEY } });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('catnet.config.yaml: 3 devices, 3 groups, configs from configs/: OK\n');
    expect(result.status).toBe(0);
  });

  it('lists every problem of a broken project with its file and line, and exits 2', async () => {
    const otherKey = generateMasterKey('old');
    const dir = project({
      'catnet.config.yaml': [
        'defaults:',
        '  credentials: [ops]',
        'devices:',
        '  - name: r1',
        '    host: 10.0.0.1',
        '  - name: r2',
        '    host: 10.0.0.2',
        '    credentials: [ops, nobody]',
        '  - name: r3',
        '    host: 10.0.0.3',
        '    template: templates/edge.cfg.njk',
        '  - name: r4',
        '    host: 10.0.0.4',
        '',
      ].join('\n'),
      'credentials.yaml': `credentials:\n  ops:\n    username: ops\n    password: ${await encrypted('s3cret-pass')}\n    enable_secret: ${await encrypted('en-secret', otherKey)}\n`,
      'configs/r1.cfg': 'hostname r1\nbanner motd ^C\nnever closed\n',
      'configs/r2.cfg': 'hostname r2\n',
      'configs/templates/edge.cfg.njk': 'hostname {{ device.name }}\n{% for vlan in vlans %}\nvlan {{ vlan }}\n{% endfor %}\n',
    });
    const result = runCli(['validate'], { cwd: dir, env: withKey });
    expect(result.status).toBe(2);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      'catnet.config.yaml:6: devices[1].credentials: unknown credential set "nobody" (credentials.yaml has: ops)',
      'credentials.yaml:5: credentials.ops.enable_secret: encrypted with key "old", which is not configured (configured: test)',
      expect.stringMatching(/^configs\/r1\.cfg:2: .*banner/),
      expect.stringMatching(/^configs\/templates\/edge\.cfg\.njk:2: undefined variable: vlans/),
      'catnet.config.yaml:12: devices[3]: no intended config for r4: expected configs/r4.cfg, configs/r4.cfg.njk or a template in the inventory',
      'catnet.config.yaml: 4 devices, 0 groups, configs from configs/: 5 problems',
    ]);
    expect(result.stdout).not.toContain('s3cret-pass');
  });

  it('reports inventory mistakes with their lines, all at once', () => {
    const dir = project({ 'catnet.config.yaml': 'devices:\n  - name: r1\n    host: 10.0.0.1\n    port: twenty-two\n    transprot: ssh\n' });
    const result = runCli(['validate'], { cwd: dir, env: withKey });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('catnet: catnet.config.yaml:4: devices[0].port: expected number, received string\ncatnet.config.yaml:5: devices[0].transprot: unknown field\n');
  });
});

describe('catnet devices list', () => {
  let dir: string;
  beforeAll(() => {
    dir = project({
      'net.yaml': [
        'defaults: { credentials: [ops], vars: { ntp: 10.0.0.123 } }',
        'groups:',
        '  site-a: { site: a }',
        '  edge: { groups: [site-a], role: edge, port: 2222 }',
        'devices:',
        '  - { name: e1, host: 10.0.0.1, groups: [edge], wave: "1" }',
        '  - { name: c1, host: 10.0.0.2, transport: telnet }',
        '',
      ].join('\n'),
    });
  });

  it('prints the effective values as a table', () => {
    const result = runCli(['--config', 'net.yaml', 'devices', 'list'], { cwd: dir, env: withKey });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'NAME  HOST      PORT  TRANSPORT  GROUPS       ROLE  SITE  WAVE  CREDENTIALS',
        'e1    10.0.0.1  2222  ssh        edge,site-a  edge  a     1     ops',
        'c1    10.0.0.2  23    telnet     -            -     -     -     ops',
        '',
      ].join('\n'),
    );
  });

  it('filters by group, parents included, and prints JSON', () => {
    const result = runCli(['devices', 'list', '--group', 'site-a', '--json', '-c', 'net.yaml'], { cwd: dir, env: withKey });
    expect(result.status).toBe(0);
    const devices = JSON.parse(result.stdout) as { name: string; vars: object; line?: number }[];
    expect(devices.map((d) => d.name)).toEqual(['e1']);
    expect(devices[0]?.vars).toEqual({ ntp: '10.0.0.123' });
    expect(devices[0]).not.toHaveProperty('line');
  });

  it('refuses an unknown group', () => {
    const result = runCli(['devices', 'list', '--group', 'nope'], { cwd: dir, env: { ...withKey, CATNET_CONFIG: 'net.yaml' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('catnet: --group nope: no such group in net.yaml (groups: site-a, edge)\n');
  });
});

describe('catnet secrets with an inventory', () => {
  it('checks the credentials file the inventory names', async () => {
    const dir = project({
      'catnet.config.yaml': 'settings:\n  paths:\n    credentials: secrets/creds.yaml\ndevices: []\n',
      'secrets/creds.yaml': `credentials:\n  ops:\n    username: ops\n    password: ${await encrypted('pw-1234')}\n`,
    });
    const result = runCli(['secrets', 'check'], { cwd: dir, env: withKey });
    expect(result.stdout).toBe('secrets/creds.yaml: every value decrypts\n');
    expect(result.status).toBe(0);
  });
});
