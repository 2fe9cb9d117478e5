// A running lab: N simulated IOS devices in this process, each with its own SSH (and Telnet)
// listener on the loopback. This is the programmatic API that tests, the demo, the benchmarks
// and `catnet lab start` share: start, read a device's state, change its faults, stop.

import { LabDevice, type DeviceCredentials, type LabClock } from '../device/lab-device.js';
import type { DeviceFaults } from '../device/faults.js';
import { loadOrCreateHostKey } from '../server/host-keys.js';
import type { DeviceServer } from '../server/device-listener.js';
import { startSshServer } from '../server/ssh-server.js';
import { startTelnetServer } from '../server/telnet-server.js';
import { generateLabCredentials } from './lab-credentials.js';

export interface LabDeviceSpec {
  name: string;
  /** Initial running-config text. */
  config: string;
  faults?: DeviceFaults;
  /** Offer only the algorithms of an older IOS (and an RSA host key). */
  legacyAlgorithms?: boolean;
  /** Listen address of this device; default the lab's. */
  host?: string;
  /** Fixed SSH port (0: any free port); absent: the basePort rule. */
  sshPort?: number;
  /** Fixed Telnet port (0: any free port); absent: the basePort rule. */
  telnetPort?: number;
  /** This device's login; default the lab-wide one. */
  credentials?: DeviceCredentials;
}

export interface LabOptions {
  devices: LabDeviceSpec[];
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** First SSH port (device i: basePort + i; Telnet after the SSH ports). 0 or absent: free ports. */
  basePort?: number;
  /** Also serve Telnet; default true. */
  telnet?: boolean;
  /** Where host keys persist between runs; absent: fresh keys in memory for this run. */
  hostKeyDir?: string;
  /** One login for every device; default: generated for this run. */
  credentials?: DeviceCredentials;
  clock?: LabClock;
}

export interface LabNode {
  name: string;
  device: LabDevice;
  /** Where this device listens. */
  host: string;
  /** This device's login (the lab-wide one unless its spec gave another). */
  credentials: DeviceCredentials;
  sshPort: number;
  telnetPort: number | undefined;
}

export interface RunningLab {
  host: string;
  /** The lab-wide login: every device's, except those whose spec gave their own. */
  credentials: DeviceCredentials;
  nodes: LabNode[];
  /** The device called `name`; throws for an unknown name. */
  device(name: string): LabDevice;
  /** Replaces a device's faults; they apply from its next command or connection. */
  setFaults(name: string, faults: DeviceFaults): Promise<void>;
  stop(): Promise<void>;
}

export async function startLab(options: LabOptions): Promise<RunningLab> {
  const host = options.host ?? '127.0.0.1';
  const credentials = options.credentials ?? generateLabCredentials();
  const count = options.devices.length;
  const nodes: LabNode[] = [];
  const closers: (() => Promise<void>)[] = [];
  /** Per device, its SSH and Telnet listeners: they re-read the faults that act on the port. */
  const listeners = new Map<string, DeviceServer[]>();
  const stop = async (): Promise<void> => {
    await Promise.allSettled(closers.splice(0).map((close) => close()));
  };
  try {
    for (const [i, spec] of options.devices.entries()) {
      const login = spec.credentials ?? credentials;
      const listen = spec.host ?? host;
      const device = new LabDevice({ name: spec.name, config: spec.config, credentials: login, faults: spec.faults, clock: options.clock });
      const keyType = spec.legacyAlgorithms ? 'rsa' : 'ed25519';
      const hostKey = await loadOrCreateHostKey(options.hostKeyDir, spec.name, keyType);
      const portOf = (offset: number): number => (options.basePort ? options.basePort + offset : 0);
      const sshPort = spec.sshPort ?? portOf(i);
      const ssh = await startSshServer(device, { host: listen, port: sshPort, hostKeys: [hostKey], legacyAlgorithms: spec.legacyAlgorithms === true });
      closers.push(() => ssh.close());
      const servers = [ssh];
      let telnetPort: number | undefined;
      if (options.telnet !== false) {
        const telnet = await startTelnetServer(device, { host: listen, port: spec.telnetPort ?? portOf(count + i) });
        closers.push(() => telnet.close());
        servers.push(telnet);
        telnetPort = telnet.port;
      }
      listeners.set(spec.name, servers);
      // A device may start with its port refused.
      await Promise.all(servers.map((server) => server.applyFaults()));
      nodes.push({ name: spec.name, device, host: listen, credentials: login, sshPort: ssh.port, telnetPort });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const byName = new Map(nodes.map((node) => [node.name, node.device]));
  const device = (name: string): LabDevice => {
    const found = byName.get(name);
    if (!found) throw new Error(`no lab device named "${name}" (have: ${[...byName.keys()].join(', ')})`);
    return found;
  };
  return {
    host,
    credentials,
    nodes,
    device,
    setFaults: async (name, faults) => {
      device(name).faults = faults;
      await Promise.all((listeners.get(name) ?? []).map((server) => server.applyFaults()));
    },
    stop,
  };
}
