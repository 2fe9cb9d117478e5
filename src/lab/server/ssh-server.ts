// The SSH side of a simulated device (ssh2's Server): password and public-key logins against the
// device's credentials, the login banner before authentication (SSHv2 IOS sends it there), a
// shell channel with or without a pty, and the exec channel for one command. Everything typed is
// the CliSession's business.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import ssh2 from 'ssh2';
import type { Algorithms, AuthContext, Connection, ParsedKey, PublicKeyAuthContext, ServerChannel, ServerConfig, Session } from 'ssh2';
import type { LabDevice } from '../device/lab-device.js';
import { bannerLines } from '../shell/prompts.js';
import { CliSession, type SessionCloseReason } from '../shell/session.js';
import { ScpSink, scpSinkTarget } from './scp-sink.js';
import { listenForDevice, type DeviceListenerOptions, type DeviceServer } from './device-listener.js';

// ssh2 is CommonJS: Node gives its exports as the default import only.
const { Server, utils } = ssh2;

export interface SshServerOptions extends DeviceListenerOptions {
  /** Private host keys (OpenSSH or PEM text), e.g. from loadOrCreateHostKey. */
  hostKeys: string[];
  /** Offer only what an older IOS offers (needs an RSA host key). */
  legacyAlgorithms?: boolean;
}

/** An IOS 15.x SSH server of the 2010s: SHA-1 key exchange and MAC, ssh-rsa, CBC or CTR. */
export const LEGACY_ALGORITHMS: Algorithms = {
  kex: ['diffie-hellman-group14-sha1'],
  serverHostKey: ['ssh-rsa'],
  cipher: ['aes128-cbc', 'aes256-ctr'],
  hmac: ['hmac-sha1'],
  compress: ['none'],
};

/** How IOS identifies itself: `SSH-2.0-Cisco-1.25`. */
const IOS_IDENT = 'Cisco-1.25';

export async function startSshServer(device: LabDevice, options: SshServerOptions): Promise<DeviceServer> {
  if (options.legacyAlgorithms && !options.hostKeys.some((key) => parseKey(key)?.type === 'ssh-rsa')) {
    throw new Error(`device ${device.name}: legacy SSH algorithms need an RSA host key`);
  }
  const config: ServerConfig = { hostKeys: options.hostKeys, ident: IOS_IDENT };
  if (options.legacyAlgorithms) config.algorithms = LEGACY_ALGORITHMS;
  // ssh2 gives no socket with a connection: the listener's sockets, by remote address and port.
  const sockets = new Map<string, Socket>();
  const server = new Server(config, (client, info) => {
    const key = `${info.ip}:${info.port}`;
    const socket = sockets.get(key);
    sockets.delete(key);
    serveClient(device, client, info.ip, () => (socket ? socket.destroy() : client.end()));
  });
  return listenForDevice(device, options, (socket) => {
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    sockets.set(key, socket);
    socket.once('close', () => sockets.delete(key));
    // ssh2 reads the banner when it takes the socket: this connection sees the current one.
    config.banner = bannerLines(device.running, 'login', device.hostname())?.join('\r\n');
    server.injectSocket(socket);
  });
}

/** One SSH connection: authentication, then its session channels. `drop` cuts the TCP connection. */
function serveClient(device: LabDevice, client: Connection, remoteAddress: string, drop: () => void): void {
  let user = '';
  client.on('error', () => undefined);
  client.on('authentication', (ctx) => {
    if (!authenticated(device, ctx)) return ctx.reject(['password', 'publickey']);
    user = ctx.username;
    ctx.accept();
  });
  client.on('ready', () => {
    client.on('session', (acceptSession) => {
      const session = acceptSession();
      serveSession(device, session, (channel, setup) => {
        const close = (reason: SessionCloseReason): void => {
          if (reason === 'dropped') return drop();
          if (setup.command !== undefined) channel.exit(0);
          channel.end();
          // Leaving the vty ends the connection, as on IOS.
          client.end();
        };
        const cli = new CliSession({ device, user, remoteAddress, write: (text) => channel.write(text), close, ...setup });
        const decoder = new StringDecoder('utf8');
        channel.on('data', (data: Buffer) => cli.input(decoder.write(data)));
        channel.on('close', () => cli.end());
        cli.start();
        return cli;
      });
    });
  });
}

interface ChannelSetup {
  pty: boolean;
  width?: number;
  command?: string;
}

/** A session channel: an optional pty, then a shell or one exec command, and window changes. */
function serveSession(device: LabDevice, session: Session, start: (channel: ServerChannel, setup: ChannelSetup) => CliSession): void {
  let columns: number | undefined;
  let cli: CliSession | undefined;
  session.on('pty', (accept, _reject, info) => {
    columns = info.cols;
    accept?.();
  });
  session.on('window-change', (accept, _reject, info) => {
    cli?.resize(info.cols);
    accept?.();
  });
  session.on('shell', (accept) => {
    cli = start(accept(), { pty: columns !== undefined, width: columns || undefined });
  });
  session.on('exec', (accept, _reject, info) => {
    const scpTarget = scpSinkTarget(info.command);
    // Without `ip scp server enable`, IOS takes `scp …` for a CLI command (and refuses it).
    if (scpTarget !== undefined && device.running.some((node) => node.text === 'ip scp server enable')) {
      return receiveScp(device, accept(), scpTarget);
    }
    // The exec channel runs at the user's privilege: the lab user has privilege 15.
    cli = start(accept(), { pty: false, command: info.command.replace(/[\r\n]+$/, '') });
  });
}

/** `scp -t flash:FILE`: the uploaded file lands on the device's flash. */
function receiveScp(device: LabDevice, channel: ServerChannel, target: string): void {
  let finished = false;
  const finish = (status: number): void => {
    if (finished) return;
    finished = true;
    channel.exit(status);
    channel.end();
  };
  const sink = new ScpSink(target, {
    write: (data) => channel.write(data),
    file: (name, data) => device.flash.set(name, data.toString('utf8')),
    fail: (message) => {
      channel.write(Buffer.from(`\x01${message}\n`));
      finish(1);
    },
  });
  channel.on('data', (data: Buffer) => sink.input(data));
  channel.on('end', () => finish(0));
}

function authenticated(device: LabDevice, ctx: AuthContext): boolean {
  const { credentials, faults } = device;
  if (faults.authFailure || ctx.username !== credentials.username) return false;
  if (ctx.method === 'password') return sameSecret(ctx.password, credentials.password);
  if (ctx.method === 'publickey') return credentials.authorizedKeys.some((text) => keyProves(text, ctx));
  return false;
}

/**
 * The offered key is an authorized one and, when the client signed (after asking whether the
 * key would do, it always does), the signature over the session data is valid.
 */
function keyProves(authorized: string, ctx: PublicKeyAuthContext): boolean {
  const key = parseKey(authorized);
  if (!key || !key.getPublicSSH().equals(ctx.key.data)) return false;
  if (ctx.signature === undefined || ctx.blob === undefined) return true;
  return key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true;
}

function parseKey(text: string): ParsedKey | undefined {
  const parsed: unknown = utils.parseKey(text);
  const key = Array.isArray(parsed) ? (parsed[0] as unknown) : parsed;
  return key instanceof Error || key === undefined ? undefined : (key as ParsedKey);
}

/** Constant-time comparison, also of the length (hashes of equal size are compared). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
