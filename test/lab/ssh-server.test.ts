// The SSH server of a simulated device, through a real ssh2 client over the loopback: logins,
// host keys, legacy algorithms, the exec channel, refused connections and the vty access-class.

import { once } from 'node:events';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Algorithms } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHostKey, generateSshKeyPair, hostKeyPath, loadOrCreateHostKey } from '../../src/lab/server/host-keys.js';
import { LEGACY_ALGORITHMS, startSshServer } from '../../src/lab/server/ssh-server.js';
import { connectSsh, connectTelnet, openShell, probePort, PROMPT, runExec } from '../support/lab-client.js';
import { CLIENT_KEY, startTestDevice, testConfig, type TestDevice } from '../support/lab-device-fixture.js';

describe('SSH login', () => {
  let lab: TestDevice;
  beforeAll(async () => {
    lab = await startTestDevice();
  });
  afterAll(() => lab.close());

  it('accepts the password; the login banner comes before authentication, the MOTD after', async () => {
    const connection = await connectSsh(lab.login());
    expect(connection.banner).toContain('Authorised access only');
    const shell = await openShell(connection);
    const greeting = await shell.waitFor(PROMPT);
    expect(greeting).toBe('Maintenance window on r1 tonight\r\nr1>');
    connection.close();
  });

  it('accepts the authorized public key (the signature is checked)', async () => {
    const connection = await connectSsh(lab.login({ password: undefined, privateKey: CLIENT_KEY.private }));
    expect((await runExec(connection, 'show users')).output).toContain('netops');
    connection.close();
  });

  it('refuses a key that is not authorized, a wrong password and a wrong user', async () => {
    const stranger = await generateSshKeyPair('ed25519');
    await expect(connectSsh(lab.login({ password: undefined, privateKey: stranger.private }))).rejects.toThrow(/authentication methods failed/);
    await expect(connectSsh(lab.login({ password: 'wrong' }))).rejects.toThrow(/authentication methods failed/);
    await expect(connectSsh(lab.login({ username: 'admin' }))).rejects.toThrow(/authentication methods failed/);
  });

  it('refuses every login while authFailure is set', async () => {
    lab.device.faults = { authFailure: true };
    await expect(connectSsh(lab.login())).rejects.toThrow(/authentication methods failed/);
    lab.device.faults = {};
    (await connectSsh(lab.login())).close();
  });

  it('identifies itself as IOS does', async () => {
    const socket = createConnection(lab.ssh.port, '127.0.0.1');
    const [line] = (await once(socket, 'data')) as [Buffer];
    socket.destroy();
    expect(line.toString('latin1')).toBe('SSH-2.0-Cisco-1.25\r\n');
  });

  it('runs one command on the exec channel, privileged, then closes with status 0', async () => {
    const connection = await connectSsh(lab.login());
    const result = await runExec(connection, 'show running-config | include ^hostname');
    expect(result).toEqual({ output: 'hostname r1\r\n', exitCode: 0 });
  });
});

describe('host keys', () => {
  it('are generated once, stored owner-only, and presented again after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'catnet-hostkeys-'));
    try {
      const fingerprints: string[] = [];
      for (let run = 0; run < 2; run++) {
        const hostKey = await loadOrCreateHostKey(dir, 'r1', 'ed25519');
        const lab = await startTestDevice({ hostKeys: [hostKey] });
        const connection = await connectSsh(lab.login());
        fingerprints.push(connection.hostKey.toString('base64'));
        connection.close();
        await lab.close();
      }
      expect(fingerprints[1]).toBe(fingerprints[0]);
      expect((await stat(hostKeyPath(dir, 'r1', 'ed25519'))).mode & 0o777).toBe(0o600);
      expect(await loadOrCreateHostKey(dir, 'r2', 'ed25519')).not.toBe(await loadOrCreateHostKey(dir, 'r1', 'ed25519'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('legacy algorithms', () => {
  let lab: TestDevice;
  beforeAll(async () => {
    lab = await startTestDevice({ legacyAlgorithms: true });
  });
  afterAll(() => lab.close());

  it('let a client restricted to what an old IOS offers connect', async () => {
    const connection = await connectSsh(lab.login({ algorithms: LEGACY_ALGORITHMS }));
    expect(connection.negotiated?.kex).toBe('diffie-hellman-group14-sha1');
    expect(connection.negotiated?.cs.mac).toBe('hmac-sha1');
    expect(['aes128-cbc', 'aes256-ctr']).toContain(connection.negotiated?.cs.cipher);
    connection.close();
  });

  it('shut out a client that speaks only modern algorithms', async () => {
    const modern: Algorithms = {
      kex: ['curve25519-sha256', 'ecdh-sha2-nistp256'],
      serverHostKey: ['ssh-ed25519', 'rsa-sha2-256'],
      cipher: ['aes128-gcm@openssh.com', 'chacha20-poly1305@openssh.com'],
      hmac: ['hmac-sha2-256'],
    };
    await expect(connectSsh(lab.login({ algorithms: modern }))).rejects.toThrow(/no matching/i);
  });

  it('need an RSA host key', async () => {
    const ed25519 = await generateHostKey('ed25519');
    await expect(startSshServer(lab.device, { host: '127.0.0.1', port: 0, hostKeys: [ed25519], legacyAlgorithms: true })).rejects.toThrow(/RSA host key/);
  });
});

describe('refuseConnections', () => {
  it('unbinds the port (ECONNREFUSED) until the fault is lifted, on the same port', async () => {
    const lab = await startTestDevice({ faults: { refuseConnections: true } });
    try {
      const port = lab.ssh.port;
      expect(await probePort(port)).toBe('ECONNREFUSED');
      lab.device.faults = {};
      await lab.ssh.applyFaults();
      expect(lab.ssh.port).toBe(port);
      (await connectSsh(lab.login())).close();
    } finally {
      await lab.close();
    }
  });

  it('drops a connection that arrives after the fault is set, and refuses the next ones', async () => {
    const lab = await startTestDevice();
    try {
      lab.device.faults = { refuseConnections: true };
      await expect(connectSsh(lab.login())).rejects.toThrow();
      await lab.ssh.applyFaults();
      expect(await probePort(lab.ssh.port)).toBe('ECONNREFUSED');
    } finally {
      await lab.close();
    }
  });
});

describe('vty access-class', () => {
  it('locks out new logins from addresses the ACL does not permit; open sessions stay', async () => {
    const lab = await startTestDevice({ config: testConfig({ global: 'ip access-list standard VTY\n permit 127.0.0.0 0.0.0.255' }), telnet: true });
    try {
      const shell = await lab.shell();
      await shell.command('terminal length 0');
      await shell.command('enable', /Password: $/);
      await shell.command('lab-enable-1', /r1#$/);
      await shell.command('configure terminal');
      await shell.command('line vty 0 4');
      await shell.command('access-class VTY in');
      (await connectSsh(lab.login())).close(); // 127.0.0.1 is permitted
      await shell.command('exit');
      await shell.command('ip access-list standard VTY');
      await shell.command('no permit 127.0.0.0 0.0.0.255');
      await shell.command('permit 10.0.0.0 0.0.0.255');
      await shell.command('end', /r1#$/);

      await expect(connectSsh(lab.login())).rejects.toThrow();
      const telnet = await connectTelnet(lab.telnet?.port ?? 0);
      expect(await telnet.transcript.closed()).toBe('');
      expect(await shell.command('show users', /r1#$/)).toContain('netops'); // the author is still in
    } finally {
      await lab.close();
    }
  });

  it('applies a numbered standard ACL', async () => {
    const lab = await startTestDevice({
      config: testConfig({ global: 'access-list 10 deny 127.0.0.1\naccess-list 10 permit any', vty: ' access-class 10 in' }),
    });
    try {
      await expect(connectSsh(lab.login())).rejects.toThrow();
    } finally {
      await lab.close();
    }
  });
});
