// The TCP connection both protocols start with, under its own (connect) timeout, so that a
// dead address is told apart from a slow login.

import { connect, type Socket } from 'node:net';
import { DeviceError, fromSocketError } from '../errors.js';
import type { TransportTarget } from './types.js';

export function connectTcp(target: TransportTarget): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port });
    socket.setNoDelay(true);
    // TCP keepalive finds a dead Telnet peer; SSH adds its own keepalive on top.
    socket.setKeepAlive(true, 10_000);
    const timer = setTimeout(() => {
      socket.destroy();
      const where = `${target.host}:${target.port}`;
      reject(new DeviceError('timeout', target.device, `no TCP connection to ${where} within ${target.timeouts.connectMs} ms`, { phase: 'connect', host: where, timeoutMs: target.timeouts.connectMs }));
    }, target.timeouts.connectMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(fromSocketError(target.device, error, `connect to ${target.host}:${target.port}`));
    });
  });
}
