// A pool of logged-in sessions for one run: backup, plan, apply and verify on a device reuse
// one authenticated IosDriver instead of logging in four times. IOS vty lines are few and
// a session is a serial dialogue, so a device lends out at most one session at a time; a global
// limit caps open sessions across devices, and sessions left unused are closed after `idleMs`.

import { DeviceError, isDeviceError } from '../errors.js';
import type { IosDriver } from '../ios-driver.js';

export interface DevicePoolOptions {
  /** Opens a prepared session for a device (e.g. `connectWithRetry(...).then((c) => c.driver)`). */
  connect: (device: string) => Promise<IosDriver>;
  /** Open sessions (lent, idle or logging in) across all devices; default 50. */
  maxSessions?: number;
  /** An unused session is closed after this many ms; default 60 000. */
  idleMs?: number;
}

export interface PoolStats {
  /** Sessions opened (logins) so far. */
  logins: number;
  /** Acquires served by a session already open. */
  reused: number;
  open: number;
  inUse: number;
  waiting: number;
}

interface Entry {
  driver: IosDriver | undefined;
  connecting: boolean;
  inUse: boolean;
  idleTimer: NodeJS.Timeout | undefined;
  /** When the session was last given back, for eviction order. */
  idleSince: number;
}

interface Waiter {
  device: string;
  resolve: (driver: IosDriver) => void;
  reject: (error: unknown) => void;
}

export class DevicePool {
  private readonly entries = new Map<string, Entry>();
  private readonly waiters: Waiter[] = [];
  private readonly maxSessions: number;
  private readonly idleMs: number;
  private closed = false;
  private logins = 0;
  private reused = 0;

  constructor(private readonly options: DevicePoolOptions) {
    this.maxSessions = Math.max(1, options.maxSessions ?? 50);
    this.idleMs = options.idleMs ?? 60_000;
  }

  /** The device's session, logging in if there is none; waits while it is lent out. */
  acquire(device: string): Promise<IosDriver> {
    if (this.closed) return Promise.reject(new DeviceError('closed', device, 'the device pool is closed'));
    return new Promise((resolve, reject) => {
      this.waiters.push({ device, resolve, reject });
      this.pump();
    });
  }

  /** Gives a session back. `discard`: its state is unknown (timeout, dropped), close it. */
  release(driver: IosDriver, options: { discard?: boolean } = {}): void {
    const entry = this.entries.get(driver.device);
    if (!entry || entry.driver !== driver) {
      driver.close(); // not ours, or evicted by closeAll
      return;
    }
    entry.inUse = false;
    entry.idleSince = Date.now();
    if (options.discard || !driver.channel.isOpen || this.closed) this.drop(entry);
    else entry.idleTimer = setTimeout(() => this.closeIdle(driver.device), this.idleMs).unref();
    this.pump();
  }

  /**
   * Runs `operation` with the device's session. A `timeout` or `closed` error leaves the session
   * in an unknown mode, so it is closed rather than lent again.
   */
  async use<T>(device: string, operation: (driver: IosDriver) => Promise<T>): Promise<T> {
    const driver = await this.acquire(device);
    try {
      const result = await operation(driver);
      this.release(driver);
      return result;
    } catch (error) {
      this.release(driver, { discard: isDeviceError(error) && (error.kind === 'timeout' || error.kind === 'closed') });
      throw error;
    }
  }

  get stats(): PoolStats {
    const all = [...this.entries.values()];
    return { logins: this.logins, reused: this.reused, open: this.openCount(), inUse: all.filter((e) => e.inUse).length, waiting: this.waiters.length };
  }

  /** Closes every session (lent ones too) and fails pending acquires; the pool is done. */
  closeAll(): void {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new DeviceError('closed', waiter.device, 'the device pool was closed'));
    for (const entry of this.entries.values()) this.drop(entry);
  }

  /** Serves waiters in arrival order, skipping those whose device is busy. */
  private pump(): void {
    for (let i = 0; i < this.waiters.length; ) {
      const waiter = this.waiters[i] as Waiter;
      if (this.serve(waiter)) this.waiters.splice(i, 1);
      else i++;
    }
  }

  private serve(waiter: Waiter): boolean {
    const entry = this.entry(waiter.device);
    if (entry.inUse || entry.connecting) return false;
    if (entry.driver && !entry.driver.channel.isOpen) this.drop(entry);
    if (entry.driver) {
      clearTimeout(entry.idleTimer);
      entry.inUse = true;
      this.reused += 1;
      waiter.resolve(entry.driver);
      return true;
    }
    if (this.openCount() >= this.maxSessions && !this.evictIdle()) return false;
    this.login(waiter, entry);
    return true;
  }

  private login(waiter: Waiter, entry: Entry): void {
    entry.connecting = true;
    this.options.connect(waiter.device).then(
      (driver) => {
        entry.connecting = false;
        this.logins += 1;
        if (this.closed) {
          driver.close();
          waiter.reject(new DeviceError('closed', waiter.device, 'the device pool was closed'));
          return;
        }
        entry.driver = driver;
        entry.inUse = true;
        waiter.resolve(driver);
      },
      (error: unknown) => {
        entry.connecting = false;
        waiter.reject(error);
        this.pump();
      },
    );
  }

  /** Closes the idle session that has waited longest, to make room under the global limit. */
  private evictIdle(): boolean {
    let oldest: Entry | undefined;
    for (const entry of this.entries.values()) {
      if (entry.driver && !entry.inUse && (!oldest || entry.idleSince < oldest.idleSince)) oldest = entry;
    }
    if (oldest) this.drop(oldest);
    return oldest !== undefined;
  }

  private closeIdle(device: string): void {
    const entry = this.entries.get(device);
    if (entry && !entry.inUse) this.drop(entry);
    this.pump();
  }

  private drop(entry: Entry): void {
    clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
    entry.driver?.close();
    entry.driver = undefined;
    entry.inUse = false;
  }

  private openCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.driver || entry.connecting) count++;
    return count;
  }

  private entry(device: string): Entry {
    let entry = this.entries.get(device);
    if (!entry) {
      entry = { driver: undefined, connecting: false, inUse: false, idleTimer: undefined, idleSince: 0 };
      this.entries.set(device, entry);
    }
    return entry;
  }
}
