// The Telnet side of a simulated device: the IOS vty login (banners, `User Access Verification`,
// `Username:` / `Password:`, `% Login invalid`, three tries), then a CliSession with echo.

import type { Socket } from 'node:net';
import type { LabDevice } from '../device/lab-device.js';
import { LineEditor } from '../shell/line-editor.js';
import { bannerLines, terminalLines } from '../shell/prompts.js';
import { CliSession } from '../shell/session.js';
import { listenForDevice, type DeviceListenerOptions, type DeviceServer } from './device-listener.js';
import { TELNET_GREETING, TelnetDecoder } from './telnet-protocol.js';

export type TelnetServerOptions = DeviceListenerOptions;

const LOGIN_TRIES = 3;

export async function startTelnetServer(device: LabDevice, options: TelnetServerOptions): Promise<DeviceServer> {
  return listenForDevice(device, options, (socket) => serveTelnet(device, socket));
}

function serveTelnet(device: LabDevice, socket: Socket): void {
  const remoteAddress = socket.remoteAddress ?? '';
  const write = (data: string | Buffer): void => {
    if (socket.writable) socket.write(data);
  };
  const decoder = new TelnetDecoder();
  let cli: CliSession | undefined;
  const login = new TelnetLogin(device, write);

  write(TELNET_GREETING);
  login.start();
  socket.on('data', (chunk: Buffer) => {
    const { text, reply } = decoder.decode(chunk);
    if (reply.length > 0) write(reply);
    if (cli) return cli.input(text);
    if (!socket.writable) return; // hung up after the last failed login
    const outcome = login.input(text);
    if (outcome?.result.kind === 'refused') socket.end();
    if (outcome?.result.kind !== 'accepted') return;
    cli = new CliSession({
      device,
      user: outcome.result.user,
      remoteAddress,
      pty: true,
      motdShown: true,
      write,
      // Logout ends the connection politely; a fault drops it.
      close: (reason) => (reason === 'logout' ? socket.end() : socket.destroy()),
    });
    cli.start();
    cli.input(outcome.typeAhead);
  });
  socket.on('close', () => cli?.end());
}

type LoginResult = { kind: 'accepted'; user: string } | { kind: 'refused' };

/** The vty's `login local` dialogue. */
class TelnetLogin {
  private readonly editor = new LineEditor();
  private username: string | undefined;
  private failures = 0;

  constructor(
    private readonly device: LabDevice,
    private readonly write: (text: string) => void,
  ) {}

  /** Telnet shows both the MOTD and the login banner before the login prompt. */
  start(): void {
    const hostname = this.device.hostname();
    for (const kind of ['motd', 'login'] as const) this.write(terminalLines(bannerLines(this.device.running, kind, hostname) ?? []));
    this.write('\r\nUser Access Verification\r\n\r\nUsername: ');
  }

  /** Feeds typed text; says when the dialogue is over (with what was typed after it). */
  input(text: string): { result: LoginResult; typeAhead: string } | undefined {
    let index = 0;
    // The decoder has made every line end one CR.
    for (const char of text) {
      index += char.length;
      const event = this.editor.key(char);
      // The password is not echoed; the line end is.
      if (this.username === undefined || event.kind === 'line') this.write(event.echo);
      if (event.kind !== 'line') continue;
      const result = this.onLine(event.line);
      if (result) return { result, typeAhead: text.slice(index) };
    }
    return undefined;
  }

  private onLine(line: string): LoginResult | undefined {
    if (this.username === undefined) {
      this.username = line;
      this.write('Password: ');
      return undefined;
    }
    const { credentials, faults } = this.device;
    const user = this.username;
    this.username = undefined;
    if (!faults.authFailure && user === credentials.username && line === credentials.password) return { kind: 'accepted', user };
    this.write('% Login invalid\r\n\r\n');
    if (++this.failures >= LOGIN_TRIES) return { kind: 'refused' };
    this.write('Username: ');
    return undefined;
  }
}
