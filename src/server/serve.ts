// `catnet serve`: the service on a port. Starting: the service, the first admin from the
// environment when the store has no users, the schedules, then the listener. Stopping
// (SIGTERM): no new connections or jobs, live streams end, running deployments stop starting
// devices and let those in flight finish or roll back, then the store closes.

import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Environment } from '../config/inventory/index.js';
import { createApp } from './app.js';
import { checkPasswordPolicy, hashPassword } from './auth/passwords.js';
import { startSchedules, type Schedules } from './schedules/scheduler.js';
import { openService, type Service } from './service.js';

export interface StartServerOptions {
  configFile: string;
  env?: Environment;
  keyFile?: string;
  /** Overrides `settings.server.listen`. */
  listen?: { host: string; port: number };
  /** Where log lines go besides the job log; default stderr. */
  logDestination?: NodeJS.WritableStream;
}

export interface RunningServer {
  url: string;
  service: Service;
  schedules: Schedules;
  /** Graceful: resolves once running jobs reached a safe point and everything is closed. */
  close(): Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const service = await openService(options);
  let schedules: Schedules | undefined;
  try {
    await bootstrapAdmin(service);
    const listen = options.listen ?? service.project.inventory.settings.server.listen;
    schedules = startSchedules(service);
    service.schedules = schedules;
    const app = createApp(service);
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, hostname: listen.host, port: listen.port }, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}`;
    service.logger.info('serve', `listening on ${url}`);
    const started = schedules;
    let closing: Promise<void> | undefined;
    return {
      url,
      service,
      schedules: started,
      close: () =>
        (closing ??= (async () => {
          const running = service.jobs.ids().length;
          service.logger.info('serve', `shutting down${running ? `: waiting for ${running} running job${running === 1 ? '' : 's'} to reach a safe point` : ''}`);
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          started.stop();
          await service.jobs.drain();
          // Live streams end, so the listener can finish closing; the store closes last.
          service.endStreams();
          (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          await closed;
          service.close();
        })()),
    };
  } catch (error) {
    // A port in use, say: nothing may keep running behind the error.
    schedules?.stop();
    service.close();
    throw error;
  }
}

/**
 * No default password: with an empty store, the first admin comes from the environment
 * (`settings.server.admin_password_env`, user name from CATNET_ADMIN_USER, default `admin`),
 * or from `catnet users add --role admin`. Later starts ignore the variable.
 */
async function bootstrapAdmin(service: Service): Promise<void> {
  if (service.store.users.count() > 0) return;
  const variable = service.project.inventory.settings.server.admin_password_env;
  const password = service.env[variable];
  if (!password) {
    service.logger.warn('auth', `no users yet: create the first admin with \`catnet users add <name> --role admin\`, or set ${variable} for the first start`);
    return;
  }
  const name = service.env.CATNET_ADMIN_USER || 'admin';
  checkPasswordPolicy(password, name);
  service.store.users.add({ name, role: 'admin', passwordHash: await hashPassword(password) });
  service.logger.info('auth', `first admin ${name} created from ${variable}`);
}
