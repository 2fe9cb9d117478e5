// CatNet's own known_hosts store: which SSH host key each device presented, so that a swapped
// box or a man in the middle is refused instead of being sent credentials and config.
// File format is OpenSSH's (`[host]:port key-type base64`, plus the device name as a comment),
// so `ssh-keygen -F` and people can read it; the path is configurable.

import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DeviceError } from './errors.js';

/** `strict`: unknown or changed → refuse; `accept-new`: record on first use; `off`: warn only. */
export type HostKeyMode = 'strict' | 'accept-new' | 'off';

export interface HostKeyCheck {
  device: string;
  host: string;
  port: number;
  key: Buffer;
}

/** OpenSSH's fingerprint form: `SHA256:` + unpadded base64 of the key blob's hash. */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The algorithm name stored at the start of an SSH public key blob. */
function keyType(key: Buffer): string {
  if (key.length < 4) return 'unknown';
  const length = key.readUInt32BE(0);
  return key.subarray(4, 4 + length).toString('latin1') || 'unknown';
}

export function hostId(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export class KnownHosts {
  private entries: Map<string, Buffer> | undefined;

  constructor(
    readonly path: string,
    /** Where `off` mode reports that it did not check (a warning must be visible). */
    private readonly warn: (message: string) => void = (message) => process.emitWarning(message),
  ) {}

  /** Accepts the key or throws a `host_key` DeviceError saying why and what to do. */
  verify(check: HostKeyCheck, mode: HostKeyMode): void {
    const id = hostId(check.host, check.port);
    const known = this.load().get(id);
    const presented = fingerprint(check.key);
    if (mode === 'off') {
      if (!known?.equals(check.key)) this.warn(`${check.device}: host key ${presented} of ${id} NOT verified (host key checking is off)`);
      return;
    }
    if (known?.equals(check.key)) return;
    if (known) {
      const expected = fingerprint(known);
      throw new DeviceError(
        'host_key',
        check.device,
        `host key of ${id} CHANGED: expected ${expected}, device presented ${presented}. ` +
          `If the device was replaced or re-keyed, remove the line for ${id} from ${this.path} and connect once with host key mode accept-new.`,
        { host: id, expected, presented, knownHosts: this.path },
      );
    }
    if (mode === 'strict') {
      throw new DeviceError(
        'host_key',
        check.device,
        `host key of ${id} (${presented}) is not in ${this.path}; connect once with host key mode accept-new to record it.`,
        { host: id, presented, knownHosts: this.path },
      );
    }
    this.record(check.device, id, check.key);
  }

  private record(device: string, id: string, key: Buffer): void {
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.path, `${id} ${keyType(key)} ${key.toString('base64')} ${device}\n`, { mode: 0o600 });
    this.load().set(id, key);
  }

  private load(): Map<string, Buffer> {
    if (this.entries) return this.entries;
    const entries = new Map<string, Buffer>();
    let text = '';
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const line of text.split('\n')) {
      const [id, , base64] = line.trim().split(/\s+/);
      if (!id || id.startsWith('#') || !base64) continue;
      entries.set(id, Buffer.from(base64, 'base64'));
    }
    this.entries = entries;
    return entries;
  }
}
