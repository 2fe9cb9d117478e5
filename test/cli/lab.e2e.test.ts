// `catnet lab start` as users run it: a separate process, reached over real SSH and Telnet with
// CatNet's own driver and the inventory it reads, stopped with SIGTERM.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventory } from '../../src/config/inventory/index.js';
import { loadCredentials } from '../../src/config/secrets/credentials-file.js';
import { loadMasterKeys } from '../../src/config/secrets/keys.js';
import { connectIos } from '../../src/device/ios-driver.js';
import { KnownHosts } from '../../src/device/known-hosts.js';
import { DEMO_MASTER_KEY } from '../../src/lab/runner/demo-key.js';
import { freePorts } from '../lab/free-ports.js';
import { writeProject } from '../lab/inventory-project.js';
import { cliPath, repoRoot, runCli } from '../support/run-cli.js';

/** No master key from the developer's environment leaks into the child. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const name of ['CATNET_MASTER_KEY', 'CATNET_MASTER_KEY_FILE']) if (!(name in extra)) delete env[name];
  return env;
}

interface LabChild {
  stdout(): string;
  stop(): Promise<number | null>;
}

async function startLabChild(args: string[], env: NodeJS.ProcessEnv): Promise<LabChild> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [cliPath, 'lab', 'start', ...args], { cwd: repoRoot, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => stdout.includes('lab running') && resolve());
    child.once('exit', (code) => reject(new Error(`lab exited early (${code}): ${stdout}${stderr}`)));
  });
  return {
    stdout: () => stdout,
    stop: async () => {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('catnet lab start', () => {
  it('writes an inventory CatNet loads, whose demo-key credentials log in to a device', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catnet-lab-e2e-'));
    const inventoryPath = join(dir, 'lab.yaml');
    const lab = await startLabChild(['--devices', '2', '--base-port', '0', '--host-key-dir', join(dir, 'keys'), '--write-inventory', inventoryPath], cleanEnv());
    try {
      expect(lab.stdout()).toMatch(/^DEVICE\s+HOSTNAME\s+SSH\s+TELNET/m);
      expect(lab.stdout()).toMatch(/^r1\s+r1\s+127\.0\.0\.1:\d+/m);
      expect(lab.stdout()).toContain('encrypted with master key "demo"');
      expect(lab.stdout()).toContain(`export CATNET_MASTER_KEY='${DEMO_MASTER_KEY}'`);

      const inventory = await loadInventory(inventoryPath, { env: {} });
      expect(inventory.devices.map((d) => d.name)).toEqual(['r1', 'r2']);
      const sets = await loadCredentials(join(dir, 'lab.credentials.yaml'), await loadMasterKeys({ env: { CATNET_MASTER_KEY: DEMO_MASTER_KEY } }));
      const login = sets.get(inventory.devices[1]?.credentials[0] as string);
      // The generated login is still printed: it is made up for this run.
      expect(lab.stdout()).toContain(`login: ${login?.username} / ${login?.password}`);

      const device = inventory.devices[1]!;
      const driver = await connectIos({
        device: device.name,
        host: device.host,
        port: device.port,
        username: login!.username,
        password: login!.password,
        enableSecret: login!.enableSecret,
        knownHosts: new KnownHosts(join(dir, 'known_hosts')),
        hostKeyMode: inventory.settings.host_key_mode,
      });
      const version = await driver.show('show version');
      driver.close();
      expect(version).toMatch(/^r2 uptime is/m);
    } finally {
      expect(await lab.stop()).toBe(0);
    }
    expect(lab.stdout()).toContain('lab stopped (SIGTERM)');
  });

  it("serves an inventory's devices on their ports, with their logins and intended configs", async () => {
    const [sshPort, telnetPort] = await freePorts(2);
    const project = await writeProject([
      { name: 'r1', port: sshPort!, hostname: 'edge-1' },
      { name: 'r2', port: telnetPort!, transport: 'telnet', hostname: 'edge-2' },
    ]);
    const lab = await startLabChild(['--config', project.configFile, '--host-key-dir', join(project.dir, 'keys')], cleanEnv({ CATNET_MASTER_KEY: project.masterKey }));
    try {
      expect(lab.stdout()).toMatch(new RegExp(`^r1\\s+edge-1\\s+127\\.0\\.0\\.1:${sshPort}\\s`, 'm'));
      expect(lab.stdout()).toMatch(new RegExp(`^r2\\s+edge-2\\s+127\\.0\\.0\\.1:\\d+\\s+127\\.0\\.0\\.1:${telnetPort}\\s`, 'm'));
      expect(lab.stdout()).toContain('login: from credentials set "ops"');
      expect(lab.stdout()).not.toContain(project.login.password);

      const knownHosts = new KnownHosts(join(project.dir, 'known_hosts'));
      for (const [device, port, protocol] of [['r1', sshPort, 'ssh'], ['r2', telnetPort, 'telnet']] as const) {
        const driver = await connectIos({ device, host: '127.0.0.1', port, protocol, ...project.login, knownHosts, hostKeyMode: 'accept-new' });
        const hostname = await driver.show('show running-config | include hostname');
        driver.close();
        expect(hostname.trim()).toBe(`hostname edge-${device.slice(1)}`);
      }
    } finally {
      expect(await lab.stop()).toBe(0);
    }
  });

  it('refuses an inventory device that is not on the loopback', async () => {
    const project = await writeProject([{ name: 'core-1', port: 22, host: '192.0.2.10', hostname: 'core-1' }]);
    const result = runCli(['lab', 'start', '--config', project.configFile], {});
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('device "core-1": host 192.0.2.10 is not a loopback address (127.0.0.1, localhost or ::1); the lab only serves the loopback');
  });

  it('refuses --devices with --config', () => {
    const result = runCli(['lab', 'start', '--config', 'catnet.config.yaml', '--devices', '2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('give either --config or --devices');
  });

  it('refuses a bad device count as bad input', () => {
    const result = runCli(['lab', 'start', '--devices', 'many']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--devices must be a whole number from 1 to 5000, not "many"');
  });

  it('names the line of a broken lab file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catnet-lab-e2e-'));
    const file = join(dir, 'lab.yaml');
    writeFileSync(file, 'devices:\n  - name: r1\n    port: 22\n');
    const result = runCli(['lab', 'start', '--file', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/lab\.yaml:\d+: devices\[0\][.:] ?.*port/);
  });
});
