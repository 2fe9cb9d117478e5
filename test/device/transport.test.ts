// Transports and host keys against the lab: SSH with modern and legacy algorithms, known_hosts
// strict / accept-new / changed key, Telnet, and each connection failure as its error kind.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../src/device/errors.js';
import { connectIos, type IosConnectOptions } from '../../src/device/ios-driver.js';
import { fingerprint, KnownHosts } from '../../src/device/known-hosts.js';
import { smallConfig, startDeviceLab, type DeviceLab } from './device-lab.js';

const failure = (options: IosConnectOptions): Promise<DeviceError> =>
  connectIos(options).then(
    (driver) => {
      driver.close();
      throw new Error('connected');
    },
    (error: unknown) => error as DeviceError,
  );

describe('transports', () => {
  let env: DeviceLab;
  const fresh = (): KnownHosts => new KnownHosts(join(mkdtempSync(join(tmpdir(), 'catnet-kh-')), 'known_hosts'), () => undefined);

  beforeAll(async () => {
    env = await startDeviceLab([
      { name: 's1', config: smallConfig('s1') },
      { name: 's2', config: smallConfig('s2') },
      { name: 'old', config: smallConfig('old'), legacyAlgorithms: true },
    ]);
  });
  afterAll(async () => {
    await env.lab.stop();
  });

  it('refuses an unknown host key in strict mode, and says how to accept it', async () => {
    const knownHosts = fresh();
    const error = await failure(env.options('s1', { knownHosts, hostKeyMode: 'strict' }));
    expect(error.kind).toBe('host_key');
    expect(error.message).toMatch(/^s1: host key of \[127\.0\.0\.1\]:\d+ \(SHA256:[\w+/]+\) is not in .*accept-new/);
  });

  it('records a new key with accept-new, then accepts it in strict mode', async () => {
    const knownHosts = fresh();
    (await connectIos(env.options('s1', { knownHosts, hostKeyMode: 'accept-new' }))).close();
    expect(readFileSync(knownHosts.path, 'utf8')).toMatch(/^\[127\.0\.0\.1\]:\d+ ssh-ed25519 \S+ s1\n$/);
    const again = await connectIos(env.options('s1', { knownHosts: new KnownHosts(knownHosts.path), hostKeyMode: 'strict' }));
    again.close();
  });

  it('refuses a changed key, naming the device and both fingerprints', async () => {
    const knownHosts = fresh();
    (await connectIos(env.options('s1', { knownHosts, hostKeyMode: 'accept-new' }))).close();
    const [, , s1Key] = readFileSync(knownHosts.path, 'utf8').trim().split(' ');
    const s2Port = env.lab.nodes.find((n) => n.name === 's2')?.sshPort as number;
    // s2's address now claims s1's key: as if the box behind that address had been swapped.
    writeFileSync(knownHosts.path, `[127.0.0.1]:${s2Port} ssh-ed25519 ${s1Key} s2\n`);
    const error = await failure(env.options('s2', { knownHosts: new KnownHosts(knownHosts.path), hostKeyMode: 'accept-new' }));
    expect(error.kind).toBe('host_key');
    expect(error.device).toBe('s2');
    expect(error.details.expected).toBe(fingerprint(Buffer.from(s1Key as string, 'base64')));
    expect(error.details.presented).not.toBe(error.details.expected);
    expect(error.message).toContain('CHANGED');
    expect(error.message).toContain(`${error.details.expected as string}`);
    expect(error.message).toContain(`${error.details.presented as string}`);
    expect(error.message).toContain('remove the line');
  });

  it('connects without checking only when told so (off), with a warning', async () => {
    const warnings: string[] = [];
    const knownHosts = new KnownHosts(join(mkdtempSync(join(tmpdir(), 'catnet-kh-')), 'known_hosts'), (m) => warnings.push(m));
    (await connectIos(env.options('s1', { knownHosts, hostKeyMode: 'off' }))).close();
    expect(warnings[0]).toContain('NOT verified');
    expect((await failure(env.options('s1', { knownHosts: undefined, hostKeyMode: 'strict' }))).kind).toBe('host_key');
  });

  it('needs the legacy algorithms for an old IOS box, and works with them', async () => {
    const modern = await failure(env.options('old'));
    expect(modern.kind).toBe('connection');
    const driver = await connectIos(env.options('old', { algorithms: 'legacy' }));
    try {
      expect(await driver.show('show running-config | include ^hostname')).toBe('hostname old');
    } finally {
      driver.close();
    }
  });

  it('drives a device over Telnet: login, enable, show, push', async () => {
    const telnetPort = env.lab.nodes.find((n) => n.name === 's2')?.telnetPort as number;
    const driver = await connectIos(env.options('s2', { protocol: 'telnet', port: telnetPort }));
    try {
      expect(driver.privileged).toBe(true);
      const result = await driver.pushConfig(['snmp-server location over telnet']);
      expect(result.ok).toBe(true);
      expect(await driver.show('show running-config | include ^snmp-server location')).toBe('snmp-server location over telnet');
    } finally {
      driver.close();
    }
  });

  it('maps login failures to auth, over SSH and Telnet', async () => {
    await env.lab.setFaults('s1', { authFailure: true });
    try {
      expect((await failure(env.options('s1'))).kind).toBe('auth');
      const telnetPort = env.lab.nodes.find((n) => n.name === 's1')?.telnetPort as number;
      expect((await failure(env.options('s1', { protocol: 'telnet', port: telnetPort }))).kind).toBe('auth');
    } finally {
      await env.lab.setFaults('s1', {});
    }
    expect((await failure(env.options('s1', { password: 'nope' }))).kind).toBe('auth');
  });

  it('maps a refused port to connection and a silent one to timeout', async () => {
    await env.lab.setFaults('s1', { refuseConnections: true });
    try {
      const refused = await failure(env.options('s1'));
      expect(refused.kind).toBe('connection');
      expect(refused.details.code).toBe('ECONNREFUSED');
    } finally {
      await env.lab.setFaults('s1', {});
    }
    // 192.0.2.0/24 (TEST-NET-1) is never routed: the SYN goes unanswered, or fails at once offline.
    const silent = await failure(env.options('s1', { host: '192.0.2.1', port: 22, timeouts: { connectMs: 200 } }));
    expect(['timeout', 'connection']).toContain(silent.kind);
  });
});
