import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigFileError } from '../../../src/config/config-file-error.js';
import { inventoryJsonSchemaText, JSON_SCHEMA_FILE } from '../../../src/config/inventory/json-schema.js';
import { loadInventory } from '../../../src/config/inventory/index.js';
import { parse } from './helpers.js';

describe('settings', () => {
  it('fills every default and resolves paths against the inventory folder', () => {
    const { file, settings } = parse('');
    expect(file).toBe('/net/catnet.config.yaml');
    expect(settings).toEqual({
      paths: { configs: '/net/configs', backups: '/net/backups', state: '/net/.catnet', credentials: '/net/credentials.yaml', known_hosts: '/net/.catnet/known_hosts' },
      source: { type: 'local', path: '/net/configs' },
      concurrency: 20,
      timeouts: { connect_ms: 10_000, auth_ms: 10_000, operation_ms: 30_000 },
      host_key_mode: 'strict',
      ignore: [],
      ignore_version: false,
      redact: [],
      health_checks: { reconnect: true, interfaces: true, ping: [], custom: [] },
      deploy: { auto_rollback: true, save: true, confirm_timer_min: null, max_failures: 0, canary: 0, batch_size: null },
      backups: { keep_last: null, max_age_days: null, git_commit: true },
      // Checked field by field in server-settings.test.ts.
      server: expect.objectContaining({ listen: { host: '127.0.0.1', port: 8080 } }),
      schedules: [],
    });
  });

  it('resolves the paths given, keeping absolute ones', () => {
    const text = `settings:
  paths:
    configs: ../shared/configs
    state: /var/lib/catnet
    credentials: secrets/credentials.yaml
  source:
    type: local
    path: intended
`;
    const { paths, source } = parse(text).settings;
    expect(paths).toMatchObject({ configs: '/shared/configs', state: '/var/lib/catnet', credentials: '/net/secrets/credentials.yaml', known_hosts: '/var/lib/catnet/known_hosts' });
    expect(source).toEqual({ type: 'local', path: '/net/intended' });
    expect(parse('settings:\n  paths: { known_hosts: ssh/known_hosts }\n').settings.paths.known_hosts).toBe('/net/ssh/known_hosts');
  });

  it('keeps a GitHub source as written, with its defaults', () => {
    expect(parse('settings:\n  source: { type: github, repo: acme/network }\n').settings.source).toEqual({
      type: 'github',
      repo: 'acme/network',
      ref: 'main',
      path: 'configs',
      token_env: 'GITHUB_TOKEN',
    });
  });

  it('reads batch sizes as counts or shares', () => {
    const size = (value: string) => parse(`settings:\n  deploy:\n    batch_size: ${value}\n`).settings.deploy.batch_size;
    expect(size('5')).toBe('5');
    expect(size('"5"')).toBe('5');
    expect(size('25%')).toBe('25%');
  });
});

describe('loadInventory', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'catnet-inventory-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads the file and anchors paths at its folder', async () => {
    const file = path.join(folder, 'catnet.config.yaml');
    await writeFile(file, 'devices:\n  - name: r1\n    host: ${R1}\n');
    const inventory = await loadInventory(file, { env: { R1: '192.0.2.1' } });
    expect(inventory.file).toBe(file);
    expect(inventory.settings.paths.configs).toBe(path.join(folder, 'configs'));
    expect(inventory.devices.map((d) => [d.name, d.host, d.port])).toEqual([['r1', '192.0.2.1', 22]]);
  });

  it('says when the file cannot be read', async () => {
    const file = path.join(folder, 'missing.yaml');
    const error = await loadInventory(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigFileError);
    expect((error as Error).message).toBe(`${file}: cannot read: no such file`);
  });
});

describe('JSON Schema', () => {
  it(`is up to date in ${JSON_SCHEMA_FILE} (run \`npm run schema\` after changing the schema)`, async () => {
    const committed = await readFile(path.resolve(import.meta.dirname, '../../..', JSON_SCHEMA_FILE), 'utf8').catch(() => '');
    expect(committed === inventoryJsonSchemaText(), `${JSON_SCHEMA_FILE} is stale: run \`npm run schema\``).toBe(true);
  });

  it('leaves fields with defaults optional and rejects unknown keys', () => {
    const schema = JSON.parse(inventoryJsonSchemaText()) as {
      required?: string[];
      additionalProperties: boolean;
      properties: { devices: { items: { required: string[] } } };
    };
    expect(schema.required ?? []).toEqual([]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.devices.items.required).toEqual(['name', 'host']);
  });
});
