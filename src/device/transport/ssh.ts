// SSH transport: ssh2's Client over our own TCP socket (separate connect timeout), host key
// checked against CatNet's known_hosts before any credential is sent, then an interactive
// shell with a PTY (IOS only echoes and prompts properly on a terminal).

import ssh2 from 'ssh2';
import type { Algorithms, ClientChannel } from 'ssh2';
import { DeviceError } from '../errors.js';
import { scpUpload } from './scp-upload.js';
import { connectTcp } from './tcp.js';
import { DataRelay, type SshOptions, type Transport } from './types.js';

// ssh2 is CommonJS: Node gives its exports as the default import only.
const { Client } = ssh2;

/** What an IOS 12.x/15.x box may only speak, added after the modern defaults (never instead). */
export const LEGACY_ALGORITHMS: Algorithms = {
  kex: appended('diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'),
  serverHostKey: appended('ssh-rsa'),
  cipher: appended('aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-cbc'),
  hmac: appended('hmac-sha1'),
};

// The typings want all three keys of ssh2's edit form.
function appended<T>(...names: T[]): { append: T[]; prepend: T[]; remove: T[] } {
  return { append: names, prepend: [], remove: [] };
}

export async function openSsh(options: SshOptions): Promise<Transport> {
  const socket = await connectTcp(options);
  const client = new Client();
  const relay = new DataRelay();
  let hostKeyError: DeviceError | undefined;

  const shell = await new Promise<ClientChannel>((resolve, reject) => {
    const fail = (error: DeviceError): void => {
      client.end();
      socket.destroy();
      reject(error);
    };
    client.once('ready', () => {
      const cols = options.columns ?? 200;
      client.shell({ term: 'vt100', cols, rows: 24, width: 0, height: 0 }, (error, channel) => {
        if (error) fail(new DeviceError('connection', options.device, `shell refused: ${error.message}`, { phase: 'shell' }));
        else resolve(channel);
      });
    });
    client.once('error', (error: Error & { level?: string }) => {
      if (hostKeyError) return fail(hostKeyError);
      if (error.level === 'client-authentication') {
        return fail(new DeviceError('auth', options.device, `login as ${options.username} refused`, { phase: 'auth', username: options.username }));
      }
      if (error.level === 'client-timeout') {
        return fail(new DeviceError('timeout', options.device, `SSH login not complete within ${options.timeouts.authMs} ms`, { phase: 'auth', timeoutMs: options.timeouts.authMs }));
      }
      fail(new DeviceError('connection', options.device, `SSH ${error.level ?? 'error'}: ${error.message}`, { phase: 'ssh', level: error.level }, { cause: error }));
    });
    client.once('close', () => fail(hostKeyError ?? new DeviceError('closed', options.device, 'connection closed during SSH login', { phase: 'auth' })));
    client.connect({
      sock: socket,
      username: options.username,
      password: options.password,
      ...(options.privateKey ? { privateKey: options.privateKey } : {}),
      tryKeyboard: false,
      readyTimeout: options.timeouts.authMs,
      keepaliveInterval: options.keepaliveMs ?? 10_000,
      keepaliveCountMax: 3,
      ...(options.algorithms === 'legacy' ? { algorithms: LEGACY_ALGORITHMS } : {}),
      hostVerifier: (key: Buffer) => {
        const mode = options.hostKeyMode ?? 'strict';
        if (!options.knownHosts) {
          if (mode === 'off') return true;
          hostKeyError = new DeviceError('host_key', options.device, `host key cannot be checked: no known_hosts store given (mode ${mode})`, { mode });
          return false;
        }
        try {
          options.knownHosts.verify({ device: options.device, host: options.host, port: options.port, key }, mode);
          return true;
        } catch (error) {
          hostKeyError = error as DeviceError;
          return false;
        }
      },
    });
  });

  client.removeAllListeners('error');
  client.removeAllListeners('close');
  let closing = false;
  shell.on('data', (data: Buffer) => relay.push(data.toString('utf8')));
  shell.stderr.on('data', (data: Buffer) => relay.push(data.toString('utf8')));
  const ended = (error?: Error): void => {
    relay.end(closing ? undefined : new DeviceError('closed', options.device, error ? `connection lost: ${error.message}` : 'the device closed the session', { phase: 'session' }));
  };
  shell.once('close', () => ended());
  client.on('error', (error) => ended(error));
  client.once('close', () => ended());

  return {
    protocol: 'ssh',
    newline: '\n',
    write: (text) => void shell.write(text),
    onData: (listener) => relay.onData(listener),
    onClose: (listener) => relay.onClose(listener),
    upload: (path, content, timeoutMs) => scpUpload(client, options.device, path, content, timeoutMs),
    close: () => {
      closing = true;
      client.end();
      socket.destroy();
      relay.end(undefined);
    },
  };
}
