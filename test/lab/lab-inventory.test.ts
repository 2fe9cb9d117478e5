// The lab and CatNet's inventory: the inventory `--write-inventory` writes is a real one, and an
// inventory's devices can be served with their own ports, logins and intended configs.

import { statSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/config/inventory/index.js';
import { loadCredentials } from '../../src/config/secrets/credentials-file.js';
import { loadMasterKeys } from '../../src/config/secrets/keys.js';
import { DEMO_MASTER_KEY } from '../../src/lab/runner/demo-key.js';
import { labFromInventory } from '../../src/lab/runner/lab-from-inventory.js';
import { credentialsFileFor, labMasterKey, writeLabInventory } from '../../src/lab/runner/lab-inventory.js';
import { generatedDevices } from '../../src/lab/runner/lab-file.js';
import { startLab } from '../../src/lab/runner/lab.js';
import { writeProject } from './inventory-project.js';

describe('the written lab inventory', () => {
  it('loads as a catnet.config.yaml whose credentials decrypt with the demo key', async () => {
    const lab = await startLab({ devices: generatedDevices(2, 300), basePort: 0 });
    try {
      const file = join(await mkdtemp(join(tmpdir(), 'catnet-lab-inv-')), 'lab.yaml');
      const written = await writeLabInventory(file, lab, new Date(), { env: {} });
      expect(written).toMatchObject({ credentialsFile: credentialsFileFor(file), keyId: 'demo', demoKey: true });
      expect(statSync(written.credentialsFile).mode & 0o077).toBe(0);
      const inventory = await loadInventory(file, { env: {} });
      expect(inventory.settings.host_key_mode).toBe('accept-new');
      expect(inventory.settings.paths.credentials).toBe(written.credentialsFile);
      expect(inventory.devices.map((d) => [d.name, d.host, d.port, d.transport, d.credentials])).toEqual(
        lab.nodes.map((n) => [n.name, '127.0.0.1', n.sshPort, 'ssh', ['lab']]),
      );
      const sets = await loadCredentials(written.credentialsFile, await loadMasterKeys({ env: { CATNET_MASTER_KEY: DEMO_MASTER_KEY } }));
      expect(sets.get('lab')).toMatchObject({ username: lab.credentials.username, password: lab.credentials.password, enableSecret: lab.credentials.enableSecret });
    } finally {
      await lab.stop();
    }
  });

  it('encrypts with the configured key when there is one, and never falls back from a broken one', async () => {
    const key = 'mine:' + Buffer.alloc(32, 7).toString('base64');
    expect((await labMasterKey({ CATNET_MASTER_KEY: key })).key.id).toBe('mine');
    expect((await labMasterKey({ CATNET_MASTER_KEY: ' ' })).demo).toBe(true);
    await expect(labMasterKey({ CATNET_MASTER_KEY: 'broken' })).rejects.toThrow(/not a master key/);
  });
});

describe('labFromInventory', () => {
  it("serves each device on its inventory port with its first set's login and intended config", async () => {
    const project = await writeProject([
      { name: 'r1', port: 20022, hostname: 'edge-1' },
      { name: 'r2', port: 20023, host: 'localhost', transport: 'telnet', hostname: 'edge-2' },
    ]);
    const { options, credentialSets } = await labFromInventory(project.configFile, { env: { CATNET_MASTER_KEY: project.masterKey } });
    const [r1, r2] = options.devices;
    expect(r1).toMatchObject({ name: 'r1', host: '127.0.0.1', sshPort: 20022, telnetPort: 0 });
    expect(r2).toMatchObject({ name: 'r2', host: 'localhost', sshPort: 0, telnetPort: 20023 });
    expect(r1?.credentials).toMatchObject(project.login);
    expect(r1?.config).toMatch(/^hostname edge-1$/m);
    expect([...credentialSets]).toEqual([['r1', 'ops'], ['r2', 'ops']]);
  });

  it('takes configs and faults from the lab file entry of the same name', async () => {
    const project = await writeProject([{ name: 'r1', port: 20022, hostname: 'edge-1' }, { name: 'r2', port: 20023, hostname: 'edge-2' }]);
    const labFile = join(project.dir, 'lab.yaml');
    writeFileSync(labFile, 'devices:\n  - name: r1\n    generate: { lines: 300 }\n  - name: r2\n    faults: { latencyMs: 5 }\n');
    const { options } = await labFromInventory(project.configFile, { labFile, env: { CATNET_MASTER_KEY: project.masterKey } });
    expect(options.devices[0]?.config).toMatch(/^hostname r1$/m);
    expect(options.devices[1]?.config).toMatch(/^hostname edge-2$/m);
    expect(options.devices[1]?.faults).toEqual({ latencyMs: 5 });
  });

  it('refuses lab file devices that are not in the inventory', async () => {
    const project = await writeProject([{ name: 'r1', port: 20022, hostname: 'edge-1' }]);
    const labFile = join(project.dir, 'lab.yaml');
    writeFileSync(labFile, 'devices:\n  - name: r9\n');
    await expect(labFromInventory(project.configFile, { labFile, env: { CATNET_MASTER_KEY: project.masterKey } })).rejects.toThrow(/devices not in .*catnet\.config\.yaml: r9/);
  });

  it('refuses a device that is not on the loopback, naming it', async () => {
    const project = await writeProject([{ name: 'core-1', port: 22, host: '10.0.0.1', hostname: 'core-1' }]);
    await expect(labFromInventory(project.configFile, { env: { CATNET_MASTER_KEY: project.masterKey } })).rejects.toThrow(
      'device "core-1": host 10.0.0.1 is not a loopback address (127.0.0.1, localhost or ::1); the lab only serves the loopback',
    );
  });

  it('needs the master key the credentials are encrypted with', async () => {
    const project = await writeProject([{ name: 'r1', port: 20022, hostname: 'edge-1' }]);
    await expect(labFromInventory(project.configFile, { env: { CATNET_MASTER_KEY: DEMO_MASTER_KEY } })).rejects.toThrow(/key "test", which is not configured/);
  });
});
