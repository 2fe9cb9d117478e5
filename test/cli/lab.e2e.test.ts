// `catnet lab start` as users run it: a separate process, reached over real SSH, stopped with
// SIGTERM.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { connectSsh, runExec } from '../support/lab-client.js';
import { cliPath, repoRoot, runCli } from '../support/run-cli.js';

interface Inventory {
  lab_credentials: { username: string; password: string; enable_secret: string };
  devices: { name: string; host: string; port: number; telnet_port: number }[];
}

describe('catnet lab start', () => {
  it('serves devices over SSH, writes an inventory and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catnet-lab-e2e-'));
    const inventoryPath = join(dir, 'inventory.yaml');
    const child = spawn(process.execPath, [cliPath, 'lab', 'start', '--devices', '2', '--base-port', '0', '--host-key-dir', join(dir, 'keys'), '--write-inventory', inventoryPath], { cwd: repoRoot });
    let stdout = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => stdout.includes('lab running') && resolve());
      child.once('exit', (code) => reject(new Error(`lab exited early (${code}): ${stdout}`)));
    });

    expect(stdout).toMatch(/^DEVICE\s+HOSTNAME\s+SSH\s+TELNET/m);
    expect(stdout).toMatch(/^r1\s+r1\s+127\.0\.0\.1:\d+/m);
    const inventory = yaml.load(readFileSync(inventoryPath, 'utf8')) as Inventory;
    expect(statSync(inventoryPath).mode & 0o077).toBe(0);
    expect(inventory.devices.map((d) => d.name)).toEqual(['r1', 'r2']);
    // The login is made up for this run and printed.
    expect(stdout).toContain(inventory.lab_credentials.password);

    const device = inventory.devices[1] as Inventory['devices'][number];
    const connection = await connectSsh({ host: device.host, port: device.port, username: inventory.lab_credentials.username, password: inventory.lab_credentials.password });
    const { output: version } = await runExec(connection, 'show version');
    connection.close();
    expect(version).toMatch(/Cisco IOS Software/);
    expect(version).toMatch(/^r2 uptime is/m);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('lab stopped (SIGTERM)');
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
    expect(result.stderr).toMatch(/lab\.yaml:2: devices\[0\]: .*port/);
  });
});
