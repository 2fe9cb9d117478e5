// The TCP side of a simulated device's SSH or Telnet port, shared by both servers: it applies
// what happens before any protocol byte — the `refuseConnections` fault (the port is really
// unbound, so clients get ECONNREFUSED) and the vty `access-class` (the connection is closed as
// soon as it is accepted, as IOS does) — and closes every open connection on stop.

import { createServer, type Server, type Socket } from 'node:net';
import type { LabDevice } from '../device/lab-device.js';
import { vtyPermits } from './vty-access.js';

export interface DeviceListenerOptions {
  host: string;
  /** 0: any free port. */
  port: number;
}

/** What the SSH and Telnet servers return. */
export interface DeviceServer {
  /** The port in use (kept while connections are refused, and when they are accepted again). */
  readonly port: number;
  /**
   * Re-reads `device.faults.refuseConnections`: unbinds the port, or binds it again. Call it
   * after changing the faults; a connection that arrives while the fault is set but before this
   * call is dropped and triggers it.
   */
  applyFaults(): Promise<void>;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

export async function listenForDevice(
  device: LabDevice,
  options: DeviceListenerOptions,
  accept: (socket: Socket) => void,
): Promise<DeviceServer> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = options.port;
  let closed = false;
  /** Binding and unbinding happen one at a time, in call order. */
  let transition: Promise<void> = Promise.resolve();

  const onConnection = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // A CLI answers in small writes: Nagle's algorithm would hold each for the client's delayed ACK.
    socket.setNoDelay(true);
    if (device.faults.refuseConnections) {
      socket.destroy();
      applyFaults().catch(() => undefined);
      return;
    }
    if (!vtyPermits(device, socket.remoteAddress ?? '')) {
      socket.destroy();
      return;
    }
    accept(socket);
  };

  const bind = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const next = createServer(onConnection);
      next.once('error', reject);
      next.listen(port, options.host, () => {
        next.off('error', reject);
        port = (next.address() as { port: number }).port;
        server = next;
        resolve();
      });
    });

  const unbind = (): void => {
    // Stops accepting at once; connections already open stay up, as on a device.
    server?.close();
    server = undefined;
  };

  const applyFaults = (): Promise<void> => {
    const step = transition.catch(() => undefined).then(async () => {
      if (closed) return;
      const refusing = device.faults.refuseConnections === true;
      if (refusing && server) unbind();
      else if (!refusing && !server) await bind();
    });
    transition = step;
    return step;
  };

  await bind();
  await applyFaults();
  return {
    get port() {
      return port;
    },
    applyFaults,
    close: async () => {
      closed = true;
      await transition.catch(() => undefined);
      unbind();
      for (const socket of sockets) socket.destroy();
    },
  };
}
