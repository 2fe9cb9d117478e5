// A small client for the lab's simulated devices, for tests: SSH (ssh2's Client, over the real
// loopback) and raw Telnet; a shell you can send lines to and wait on with a regular expression;
// the full transcript of what came back, for assertions and for failure messages.

import { connect as tcpConnect, type Socket } from 'node:net';
import ssh2 from 'ssh2';
import type { Algorithms, ClientChannel, NegotiatedAlgorithms, Client as SshClient } from 'ssh2';

const { Client } = ssh2;

/** Any IOS prompt at the end of the text: `r1>`, `r1#`, `r1(config-if)#`. */
export const PROMPT = /[\w.-]+(\([\w-]+\))?[>#]$/;

export interface SshLogin {
  port: number;
  host?: string;
  username: string;
  password?: string;
  privateKey?: string;
  algorithms?: Algorithms;
  timeoutMs?: number;
}

export interface SshConnection {
  client: SshClient;
  /** The raw host key the server presented. */
  hostKey: Buffer;
  /** The pre-authentication banner (IOS `banner login`), '' if none. */
  banner: string;
  /** The algorithms the handshake settled on. */
  negotiated: NegotiatedAlgorithms | undefined;
  close(): void;
}

export function connectSsh(login: SshLogin): Promise<SshConnection> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    let hostKey: Buffer = Buffer.alloc(0);
    let banner = '';
    let negotiated: NegotiatedAlgorithms | undefined;
    client.on('banner', (message: string) => (banner += message));
    client.on('handshake', (settled: NegotiatedAlgorithms) => (negotiated = settled));
    client.once('ready', () => resolve({ client, hostKey, banner, negotiated, close: () => client.end() }));
    client.once('error', reject);
    client.once('close', () => reject(new Error('connection closed before login')));
    client.connect({
      host: login.host ?? '127.0.0.1',
      port: login.port,
      username: login.username,
      password: login.password,
      privateKey: login.privateKey,
      algorithms: login.algorithms,
      readyTimeout: login.timeoutMs ?? 5000,
      tryKeyboard: false,
      hostVerifier: (key: Buffer) => {
        hostKey = key;
        return true;
      },
    });
  });
}

/** What arrived so far, and a way to wait for more. */
export class Transcript {
  text = '';
  private cursor = 0;
  private ended = false;
  private waiters: (() => void)[] = [];

  push(chunk: string): void {
    this.text += chunk;
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.wake();
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Text since the last wait, up to the end of the first match of `pattern` (then consumed). */
  async waitFor(pattern: RegExp, timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.text.slice(this.cursor);
      const m = pattern.exec(rest);
      if (m) {
        this.cursor += m.index + m[0].length;
        return rest.slice(0, m.index + m[0].length);
      }
      if (this.ended) throw new Error(`connection closed while waiting for ${pattern}; transcript:\n${this.text}`);
      await this.change(deadline, `waiting for ${pattern}`);
    }
  }

  /** Resolves when the connection is closed; returns the text not yet waited for. */
  async closed(timeoutMs = 5000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) await this.change(deadline, 'waiting for the connection to close');
    return this.text.slice(this.cursor);
  }

  /** Waits for more text or the end; throws at the deadline. */
  private async change(deadline: number, what: string): Promise<void> {
    if (Date.now() >= deadline) throw new Error(`timed out ${what}; transcript:\n${this.text}`);
    await new Promise<void>((wake) => {
      const timer = setTimeout(wake, Math.max(1, deadline - Date.now()));
      this.waiters.push(() => {
        clearTimeout(timer);
        wake();
      });
    });
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

/** An interactive CLI: send lines, wait for prompts. */
export class LabShell {
  readonly transcript = new Transcript();

  constructor(private readonly send: (text: string) => void) {}

  write(text: string): void {
    this.send(text);
  }

  sendLine(line: string): void {
    this.send(`${line}\r`);
  }

  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string> {
    return this.transcript.waitFor(pattern, timeoutMs);
  }

  /** Sends a line, waits for the next prompt; returns everything in between, prompt included. */
  async command(line: string, prompt: RegExp = PROMPT, timeoutMs?: number): Promise<string> {
    this.sendLine(line);
    return this.waitFor(prompt, timeoutMs);
  }
}

export interface ShellOptions {
  /** false: no pty request (as `ssh host < script`). Default: a 80x24 vt100 pty. */
  pty?: boolean | { cols: number; rows: number };
}

export function openShell(connection: SshConnection, options: ShellOptions = {}): Promise<LabShell & { channel: ClientChannel }> {
  const pty = options.pty ?? true;
  const window = pty === false ? false : { term: 'vt100', cols: 80, rows: 24, height: 480, width: 640, ...(pty === true ? {} : pty) };
  return new Promise((resolve, reject) => {
    connection.client.shell(window, (error, channel) => {
      if (error) return reject(error);
      const shell = Object.assign(new LabShell((text) => channel.write(text)), { channel });
      channel.on('data', (data: Buffer) => shell.transcript.push(data.toString('utf8')));
      channel.on('close', () => shell.transcript.end());
      resolve(shell);
    });
  });
}

export interface ExecOutcome {
  output: string;
  exitCode: number | undefined;
}

/** Runs one command on the exec channel and collects its output until the channel closes. */
export function runExec(connection: SshConnection, command: string): Promise<ExecOutcome> {
  return new Promise((resolve, reject) => {
    connection.client.exec(command, (error, channel) => {
      if (error) return reject(error);
      let output = '';
      let exitCode: number | undefined;
      channel.on('data', (data: Buffer) => (output += data.toString('utf8')));
      channel.on('exit', (code: number | null) => (exitCode = code ?? undefined));
      channel.on('close', () => resolve({ output, exitCode }));
    });
  });
}

/** A Telnet session: the server's option negotiation is stripped from what is recorded. */
export function connectTelnet(port: number, host = '127.0.0.1'): Promise<LabShell & { socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(port, host);
    const shell = Object.assign(new LabShell((text) => socket.write(text.replace(/\r(?!\n)/g, '\r\n'), 'latin1')), { socket });
    socket.once('connect', () => resolve(shell));
    socket.once('error', reject);
    socket.on('data', (data: Buffer) => shell.transcript.push(data.toString('latin1').replace(/\xff[\xfb-\xfe][\s\S]/g, '')));
    socket.on('close', () => shell.transcript.end());
  });
}

/** A TCP connect attempt: resolves with the error code (ECONNREFUSED) or 'connected'. */
export function probePort(port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}
