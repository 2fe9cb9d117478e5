// One simulated IOS device: its configuration state and the facts its sessions need. Commands
// change `running` through the config interpreter (src/lab/shell/config/), never through the
// engine's remediation or prediction: the lab interprets commands as a device does, so that it
// can catch the engine's mistakes. Loading a config text uses the engine's parser only.

import { isPhysicalInterface } from '../../ios/interface-names.js';
import { parseConfig } from '../../ios/parse.js';
import type { ConfigNode } from '../../ios/types.js';
import type { DeviceFaults } from './faults.js';
import { renderRunningBody, showRunningText } from './show-running.js';

export interface DeviceCredentials {
  username: string;
  password: string;
  enableSecret: string;
  /** OpenSSH public keys (`ssh-ed25519 AAAA…`) accepted for `username`. */
  authorizedKeys: string[];
}

export interface LabDeviceOptions {
  /** Inventory name; the prompt uses the configured `hostname` line. */
  name: string;
  /** Initial running-config (IOS text, with or without the show-run header). */
  config: string;
  credentials: DeviceCredentials;
  faults?: DeviceFaults;
  /** Model and software for `show version`. */
  model?: string;
  softwareVersion?: string;
  /** Clock of the device; tests pass a scaled clock. Default: real time. */
  clock?: LabClock;
}

/** Time as the device sees it; `setTimer` lets tests scale `revert timer` minutes. */
export interface LabClock {
  now(): Date;
  setTimer(ms: number, fire: () => void): { cancel(): void };
}

export const realClock: LabClock = {
  now: () => new Date(),
  setTimer(ms, fire) {
    const timer = setTimeout(fire, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** Show-run header lines that are output, not configuration. */
const HEADER_LINE = /^(Building configuration\.\.\.|Current configuration : \d+ bytes)\s*$/;

/** Parses a config text as a device loads it: the show-run header, if pasted along, is
 * blanked out (blanked, not removed, so that error line numbers stay true). */
export function loadConfig(text: string, source: string): ConfigNode[] {
  const lines = text.split('\n');
  const body = lines.some((line) => HEADER_LINE.test(line)) ? lines.map((line) => (HEADER_LINE.test(line) ? '' : line)).join('\n') : text;
  return parseConfig(body, { source }).children;
}

export class LabDevice {
  readonly name: string;
  readonly credentials: DeviceCredentials;
  faults: DeviceFaults;
  readonly model: string;
  readonly softwareVersion: string;
  readonly clock: LabClock;
  readonly bootedAt: Date;
  /** Running configuration: top-level lines, in the order `show running-config` prints them. */
  running: ConfigNode[];
  /** `startup-config` text as saved by `write memory` / `copy run start`. */
  startup: string;
  /** Files on `flash:` (configs uploaded or copied for `configure replace`). */
  readonly flash = new Map<string, string>();
  /** Interfaces whose link is down (no cable, or an `interfaceDown` fault), canonical names. */
  readonly linkDown = new Set<string>();
  /**
   * The physical ports of the box (canonical names): those of the initial config. A device
   * started without any has unknown hardware and takes every name.
   */
  readonly hardware: ReadonlySet<string> | undefined;
  lastChange: { at: Date; by: string } | undefined;
  /** Bumped on every change of `running`: cheap change detection for caches and tests. */
  revision = 0;
  /** Config archive (`show archive`): archived file names, oldest first; the texts are on `flash`. */
  readonly archive: string[] = [];
  /** The rollback armed by `configure terminal revert timer`, until `configure confirm` or expiry. */
  pendingRevert: { archive: string; timer: { cancel(): void } } | undefined;
  /** The body text at `revision`: backups pull show run far more often than configs change. */
  private bodyCache: { revision: number; text: string } | undefined;

  constructor(options: LabDeviceOptions) {
    this.name = options.name;
    this.credentials = options.credentials;
    this.faults = options.faults ?? {};
    this.model = options.model ?? 'CISCO2911/K9';
    this.softwareVersion = options.softwareVersion ?? '15.2(4)M11';
    this.clock = options.clock ?? realClock;
    this.bootedAt = this.clock.now();
    this.running = loadConfig(options.config, `lab device ${options.name}`);
    this.startup = this.runningConfigBody();
    const ports = this.running.filter((node) => node.text.startsWith('interface ') && isPhysicalInterface(node.text.slice(10))).map((node) => node.text.slice(10));
    this.hardware = ports.length > 0 ? new Set(ports) : undefined;
  }

  /** Whether `name` (canonical) can be configured here: a logical interface, or a port the box has. */
  hasHardwareFor(name: string): boolean {
    const port = name.split('.')[0] as string;
    return this.hardware === undefined || !isPhysicalInterface(port) || this.hardware.has(port);
  }

  /** The configured host name (the prompt), or the inventory name while none is set. */
  hostname(): string {
    const line = this.running.find((node) => node.text.startsWith('hostname '));
    return line ? line.text.slice('hostname '.length) : this.name;
  }

  /**
   * Records that `user` changed the running config (the `! Last configuration change` line).
   * Every change of `running` must call it: it also invalidates the show-run cache.
   */
  touched(user: string): void {
    this.revision++;
    this.lastChange = { at: this.clock.now(), by: user };
  }

  /** Replaces the whole running config (revert timer expiry, `configure replace`). */
  replaceRunning(nodes: ConfigNode[], user: string): void {
    this.running = nodes;
    this.touched(user);
  }

  /** The full `show running-config` output, header included. */
  showRunning(): string {
    return showRunningText(this.runningConfigBody(), this.lastChange);
  }

  /** The running config without the volatile header: what `write memory` saves. */
  runningConfigBody(): string {
    if (this.bodyCache?.revision !== this.revision) {
      this.bodyCache = { revision: this.revision, text: renderRunningBody(this.running) };
    }
    return this.bodyCache.text;
  }
}
