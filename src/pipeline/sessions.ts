// Logging in to the inventory's devices: credentials in priority order, retry with backoff,
// one circuit breaker per device and one pool of sessions per run, so that backup → plan →
// push → verify on a device is one login. `open` gives a new session outside the pool (the
// post-change login check must prove that a fresh login still works).

import type { Device } from '../config/inventory/index.js';
import { deviceCredentials, type Project } from '../config/project.js';
import { KnownHosts } from '../device/known-hosts.js';
import type { IosDriver } from '../device/ios-driver.js';
import { isDeviceError } from '../device/errors.js';
import type { Metrics } from '../obs/metrics.js';
import { connectWithRetry, DeviceBreakers, DevicePool, type ResilientConnection } from '../device/resilience/index.js';

export interface Sessions {
  pool: DevicePool;
  breakers: DeviceBreakers;
  /** A new session (not pooled); the caller closes it. */
  open(device: Device): Promise<ResilientConnection>;
  /** The pooled session of a device, for `use`; given back (or discarded when it failed) afterwards. */
  use<T>(device: Device, work: (driver: IosDriver) => Promise<T>): Promise<T>;
  close(): void;
}

/** Open SSH sessions a run keeps at most (each is a socket and a few hundred kB). */
const MAX_OPEN_SESSIONS = 1000;

export function createSessions(project: Project, options: { maxSessions?: number; metrics?: Metrics } = {}): Sessions {
  const { settings } = project.inventory;
  const knownHosts = new KnownHosts(settings.paths.known_hosts);
  const breakers = new DeviceBreakers();
  const byName = new Map(project.inventory.devices.map((d) => [d.name, d]));
  const open = async (device: Device): Promise<ResilientConnection> => {
    const credentials = deviceCredentials(device, await project.credentials());
    const { metrics } = options;
    const connection = connectWithRetry({
      device: device.name,
      host: device.host,
      port: device.port,
      protocol: device.transport,
      credentials,
      knownHosts,
      hostKeyMode: settings.host_key_mode,
      timeouts: { connectMs: settings.timeouts.connect_ms, authMs: settings.timeouts.auth_ms, operationMs: settings.timeouts.operation_ms },
      breakers,
    });
    if (!metrics) return connection;
    try {
      return await connection;
    } catch (error) {
      if (isDeviceError(error)) metrics.deviceConnectFailuresTotal.inc({ kind: error.kind });
      throw error;
    } finally {
      metrics.circuitOpen.set(device.name, breakers.state(device.name) === 'open');
    }
  };
  const pool = new DevicePool({
    // One session per device for the whole run (backup → plan → push → verify is one login), up to a
    // bound on open connections; `concurrency` still limits how many devices work at once.
    maxSessions: options.maxSessions ?? Math.max(settings.concurrency, Math.min(project.inventory.devices.length, MAX_OPEN_SESSIONS)),
    connect: async (name) => (await open(byName.get(name) as Device)).driver,
  });
  return {
    pool,
    breakers,
    open,
    async use(device, work) {
      const driver = await pool.acquire(device.name);
      let failed = false;
      try {
        return await work(driver);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        // A session whose operation failed is in an unknown state (mid-output, config mode): never reuse it.
        pool.release(driver, { discard: failed });
      }
    },
    close: () => pool.closeAll(),
  };
}
