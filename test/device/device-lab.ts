// A lab for device-layer tests, and connect options for its devices (accept-new host keys in
// a throw-away known_hosts, so each test file starts with an empty store).

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { DeviceError } from '../../src/device/errors.js';
import { KnownHosts } from '../../src/device/known-hosts.js';
import type { IosConnectOptions } from '../../src/device/ios-driver.js';
import { startLab, type LabDeviceSpec, type RunningLab } from '../../src/lab/runner/lab.js';
import type { DeviceCredentials } from '../../src/lab/device/lab-device.js';

export interface DeviceLab {
  lab: RunningLab;
  hostKeyDir: string;
  knownHostsPath: string;
  /** Connect options for a device by name; overrides win. */
  options(name: string, overrides?: Partial<IosConnectOptions>): IosConnectOptions;
}

export async function startDeviceLab(devices: LabDeviceSpec[], credentials?: DeviceCredentials): Promise<DeviceLab> {
  const dir = mkdtempSync(join(tmpdir(), 'catnet-device-'));
  const hostKeyDir = join(dir, 'host-keys');
  const knownHostsPath = join(dir, 'known_hosts');
  const lab = await startLab({ devices, hostKeyDir, basePort: 0, credentials });
  const knownHosts = new KnownHosts(knownHostsPath);
  return {
    lab,
    hostKeyDir,
    knownHostsPath,
    options(name, overrides = {}) {
      const node = lab.nodes.find((n) => n.name === name);
      if (!node) throw new Error(`no lab node ${name}`);
      return {
        device: name,
        host: lab.host,
        port: node.sshPort,
        username: lab.credentials.username,
        password: lab.credentials.password,
        enableSecret: lab.credentials.enableSecret,
        knownHosts,
        hostKeyMode: 'accept-new',
        timeouts: { connectMs: 3000, authMs: 5000, operationMs: 5000 },
        ...overrides,
      };
    },
  };
}

/** A small IOS config with a physical port, for tests that need known contents; `extra` goes before the vty lines. */
export function smallConfig(hostname: string, extra: string[] = []): string {
  return [
    `hostname ${hostname}`,
    '!',
    'interface GigabitEthernet0/1',
    ' description uplink',
    ' ip address 10.0.0.1 255.255.255.0',
    '!',
    'interface GigabitEthernet0/2',
    ' shutdown',
    '!',
    ...extra,
    'line vty 0 4',
    ' transport input ssh telnet',
    '!',
    'end',
  ].join('\n');
}

/** The DeviceError a promise rejects with; fails the test if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<DeviceError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error('expected a DeviceError, got a result');
  expect(outcome.error).toBeInstanceOf(DeviceError);
  return outcome.error as DeviceError;
}
