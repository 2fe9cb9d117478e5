// The programmatic lab: several devices, their ports, their state, faults changed while running.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedDevices } from '../../src/lab/runner/lab-file.js';
import { startLab, type RunningLab } from '../../src/lab/runner/lab.js';
import { connectSsh, connectTelnet, openShell, probePort, PROMPT, runExec } from '../support/lab-client.js';

describe('startLab', () => {
  let lab: RunningLab;
  const keyDir = mkdtempSync(join(tmpdir(), 'catnet-lab-keys-'));

  beforeAll(async () => {
    lab = await startLab({ devices: generatedDevices(3, 300), hostKeyDir: keyDir });
  });
  afterAll(async () => {
    await lab.stop();
  });

  const login = (port: number) => ({ port, username: lab.credentials.username, password: lab.credentials.password });

  it('serves every device on its own SSH and Telnet port', async () => {
    const ports = lab.nodes.flatMap((node) => [node.sshPort, node.telnetPort]);
    expect(new Set(ports).size).toBe(6);
    for (const node of lab.nodes) {
      const connection = await connectSsh(login(node.sshPort));
      const { output } = await runExec(connection, 'show running-config | include ^hostname');
      connection.close();
      expect(output.trim()).toBe(`hostname ${node.name}`);
    }
  });

  it('lets generated devices be reached over Telnet from the loopback', async () => {
    const node = lab.nodes[2];
    const telnet = await connectTelnet(node?.telnetPort as number);
    await telnet.waitFor(/Username: $/);
    await telnet.command(lab.credentials.username, /Password: $/);
    await telnet.command(lab.credentials.password);
    telnet.socket.destroy();
    expect(telnet.transcript.text).toMatch(/r3>$/);
  });

  it('shows the state a session left behind', async () => {
    const connection = await connectSsh(login(lab.nodes[0]?.sshPort as number));
    const shell = await openShell(connection);
    await shell.waitFor(PROMPT);
    await shell.command('enable', /Password: $/);
    for (const line of [lab.credentials.enableSecret, 'configure terminal', 'snmp-server location lab rack 9', 'end']) {
      await shell.command(line);
    }
    connection.close();
    expect(lab.device('r1').showRunning()).toContain('\nsnmp-server location lab rack 9\n');
    expect(lab.device('r1').lastChange?.by).toBe(lab.credentials.username);
  });

  it('refuses and accepts connections as its faults change', async () => {
    const node = lab.nodes[1];
    await lab.setFaults('r2', { refuseConnections: true });
    expect(await probePort(node?.sshPort as number)).toBe('ECONNREFUSED');
    expect(await probePort(node?.telnetPort as number)).toBe('ECONNREFUSED');
    await lab.setFaults('r2', {});
    expect(await probePort(node?.sshPort as number)).toBe('connected');
  });

  it('names the devices it has when asked for another', () => {
    expect(() => lab.device('r9')).toThrow('no lab device named "r9" (have: r1, r2, r3)');
  });

  it('keeps each device host key across restarts', async () => {
    const first = await connectSsh(login(lab.nodes[0]?.sshPort as number));
    first.close();
    const again = await startLab({ devices: generatedDevices(1, 300), hostKeyDir: keyDir });
    try {
      const second = await connectSsh({ ...login(again.nodes[0]?.sshPort as number), username: again.credentials.username, password: again.credentials.password });
      second.close();
      expect(second.hostKey.equals(first.hostKey)).toBe(true);
    } finally {
      await again.stop();
    }
  });

  it('stops every listener', async () => {
    const other = await startLab({ devices: generatedDevices(1, 300), telnet: false });
    const port = other.nodes[0]?.sshPort as number;
    expect(other.nodes[0]?.telnetPort).toBeUndefined();
    await other.stop();
    expect(await probePort(port)).toBe('ECONNREFUSED');
  });
});
