// Per-device ports and logins in startLab: fixed ports are honoured, a device's own login
// replaces the lab-wide one for that device only.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedConfig } from '../../src/lab/runner/lab-file.js';
import { startLab, type RunningLab } from '../../src/lab/runner/lab.js';
import { connectSsh, connectTelnet, runExec } from '../support/lab-client.js';
import { freePorts } from './free-ports.js';

const own = { username: 'alice', password: 'own-password-1', enableSecret: 'own-enable-1', authorizedKeys: [] };

describe('startLab with per-device ports and logins', () => {
  let lab: RunningLab;
  let ports: number[];

  beforeAll(async () => {
    ports = await freePorts(2);
    lab = await startLab({
      devices: [
        { name: 'fixed', config: generatedConfig('fixed'), sshPort: ports[0], telnetPort: ports[1], credentials: own },
        { name: 'shared', config: generatedConfig('shared') },
      ],
    });
  });
  afterAll(async () => {
    await lab.stop();
  });

  it('listens on the fixed ports', () => {
    const node = lab.nodes[0];
    expect([node?.sshPort, node?.telnetPort]).toEqual(ports);
    expect(node?.host).toBe('127.0.0.1');
  });

  it("logs a device in with its own login, and the others with the lab's", async () => {
    expect(lab.nodes.map((n) => n.credentials.username)).toEqual(['alice', lab.credentials.username]);
    const connection = await connectSsh({ port: ports[0] as number, username: own.username, password: own.password });
    const { output } = await runExec(connection, 'show running-config | include ^hostname');
    connection.close();
    expect(output.trim()).toBe('hostname fixed');
    await expect(connectSsh({ port: ports[0] as number, username: lab.credentials.username, password: lab.credentials.password })).rejects.toThrow();
    const shared = await connectSsh({ port: lab.nodes[1]?.sshPort as number, username: lab.credentials.username, password: lab.credentials.password });
    shared.close();
  });

  it('takes the own login over Telnet too', async () => {
    const telnet = await connectTelnet(ports[1] as number);
    await telnet.waitFor(/Username: $/);
    await telnet.command(own.username, /Password: $/);
    await telnet.command(own.password);
    telnet.socket.destroy();
    expect(telnet.transcript.text).toMatch(/fixed>$/);
  });
});
