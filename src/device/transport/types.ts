// What the channel needs from a connection: a byte stream to a logged-in CLI, whichever
// protocol carries it. Login happens in the transport (SSH auth, or Telnet's Username:/Password:
// dialogue), so everything above it is protocol-agnostic.

import type { DeviceError } from '../errors.js';
import type { HostKeyMode, KnownHosts } from '../known-hosts.js';

export interface Transport {
  readonly protocol: 'ssh' | 'telnet';
  /** Sends text as typed (line ends included by the caller). */
  write(text: string): void;
  /** What the device prints; text that arrived before a listener was set is delivered to it first. */
  onData(listener: (text: string) => void): void;
  /** Called once when the stream ends; `error` when it was not this side that closed it. */
  onClose(listener: (error: DeviceError | undefined) => void): void;
  close(): void;
  /** The line end the device expects. */
  readonly newline: string;
  /** Copies a file to the device (`flash:NAME`); SSH only (scp), absent on Telnet. */
  upload?(path: string, content: string, timeoutMs: number): Promise<void>;
}

export interface Timeouts {
  /** TCP connection established. */
  connectMs: number;
  /** From connected to a logged-in CLI (SSH handshake + auth, or the Telnet login dialogue). */
  authMs: number;
  /** Default for one operation (a command and its prompt); per call overridable. */
  operationMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, authMs: 15_000, operationMs: 30_000 };

export interface TransportTarget {
  /** The inventory name: it is in every error. */
  device: string;
  host: string;
  port: number;
  username: string;
  password: string;
  timeouts: Timeouts;
}

export interface SshOptions extends TransportTarget {
  /** OpenSSH private key (PEM text): offered before the password. */
  privateKey?: string;
  /** `legacy` adds the SHA-1 / CBC / ssh-rsa algorithms of older IOS to the modern defaults. */
  algorithms?: 'modern' | 'legacy';
  /** 0 disables; dead links are found within interval × 3. */
  keepaliveMs?: number;
  knownHosts?: KnownHosts;
  hostKeyMode?: HostKeyMode;
  /** PTY width; the driver sets `terminal width 0` anyway. */
  columns?: number;
}

/** Holds text until the first listener is set, so no byte between login and channel is lost. */
export class DataRelay {
  private pending: string[] = [];
  private listener: ((text: string) => void) | undefined;
  private closeListener: ((error: DeviceError | undefined) => void) | undefined;
  private closed: { error: DeviceError | undefined } | undefined;

  push(text: string): void {
    if (this.listener) this.listener(text);
    else this.pending.push(text);
  }

  onData(listener: (text: string) => void): void {
    this.listener = listener;
    for (const text of this.pending.splice(0)) listener(text);
  }

  end(error: DeviceError | undefined): void {
    if (this.closed) return;
    this.closed = { error };
    this.closeListener?.(error);
  }

  onClose(listener: (error: DeviceError | undefined) => void): void {
    this.closeListener = listener;
    if (this.closed) listener(this.closed.error);
  }
}
