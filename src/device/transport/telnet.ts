// Telnet transport: plain TCP, option negotiation, and IOS's login dialogue (`Username:`,
// `Password:`, then a prompt, or `% Login invalid`). For boxes without SSH; credentials cross
// the network in clear, which is why SSH is the default.

import type { Socket } from 'node:net';
import { DeviceError } from '../errors.js';
import { connectTcp } from './tcp.js';
import { TelnetDecoder, telnetEncode } from './telnet-codec.js';
import { DataRelay, type Transport, type TransportTarget } from './types.js';

export interface TelnetOptions extends TransportTarget {
  /** Any CLI prompt at the end of the text: login is done. */
  promptPattern?: RegExp;
}

const USERNAME = /(?:Username|login): ?$/i;
const PASSWORD = /Password: ?$/i;
const REFUSED = /% ?(?:Login invalid|Authentication failed|Access denied)/i;
const DEFAULT_PROMPT = /[\w.\-@]+[>#] ?$/;

export async function openTelnet(options: TelnetOptions): Promise<Transport> {
  const socket = await connectTcp(options);
  const decoder = new TelnetDecoder();
  const relay = new DataRelay();
  const prompt = options.promptPattern ?? DEFAULT_PROMPT;
  let closing = false;
  let loggedIn = false;
  let seen = '';

  await new Promise<void>((resolve, reject) => {
    let step: 'username' | 'password' | 'prompt' = 'username';
    const fail = (error: DeviceError): void => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new DeviceError('timeout', options.device, `Telnet login not complete within ${options.timeouts.authMs} ms (waiting for ${step})`, { phase: 'auth', step, timeoutMs: options.timeouts.authMs })),
      options.timeouts.authMs,
    );
    const send = (line: string): void => void socket.write(telnetEncode(line + '\r\n'));
    socket.on('data', (chunk: Buffer) => {
      const { data, reply } = decoder.decode(chunk);
      if (reply.length > 0) socket.write(reply);
      const text = data.toString('utf8');
      if (loggedIn) return relay.push(text);
      seen += text;
      const tail = seen.slice(-200);
      if (step !== 'username' && REFUSED.test(tail)) {
        return fail(new DeviceError('auth', options.device, `login as ${options.username} refused`, { phase: 'auth', username: options.username }));
      }
      if (step === 'username' && USERNAME.test(tail)) {
        step = 'password';
        seen = '';
        send(options.username);
      } else if (step === 'password' && PASSWORD.test(tail)) {
        step = 'prompt';
        seen = '';
        send(options.password);
      } else if (step === 'prompt' && prompt.test(tail)) {
        clearTimeout(timer);
        loggedIn = true;
        relay.push(seen);
        resolve();
      } else if (step === 'prompt' && USERNAME.test(tail)) {
        fail(new DeviceError('auth', options.device, `login as ${options.username} refused`, { phase: 'auth', username: options.username }));
      }
    });
    socket.once('close', () => fail(new DeviceError(step === 'username' ? 'connection' : 'auth', options.device, `connection closed during Telnet login (at ${step})`, { phase: 'auth', step })));
    socket.on('error', () => undefined);
  });

  socket.removeAllListeners('close');
  socket.once('close', () => relay.end(closing ? undefined : new DeviceError('closed', options.device, 'the device closed the session', { phase: 'session' })));
  return telnetTransport(socket, relay, () => (closing = true));
}

function telnetTransport(socket: Socket, relay: DataRelay, markClosing: () => void): Transport {
  return {
    protocol: 'telnet',
    newline: '\r\n',
    write: (text) => void socket.write(telnetEncode(text)),
    onData: (listener) => relay.onData(listener),
    onClose: (listener) => relay.onClose(listener),
    close: () => {
      markClosing();
      socket.destroy();
      relay.end(undefined);
    },
  };
}
