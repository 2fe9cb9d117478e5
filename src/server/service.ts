// Everything the HTTP service shares across requests and background jobs: the project, one
// store, one metrics registry and event bus, the job-log-backed logger, the signing key and
// the login limiter. Each job gets its own pipeline context on top (`openRun`), sharing these.

import { createLogger, type Logger } from '../obs/logger.js';
import { createEventBus, type EventBus } from '../obs/events.js';
import { createMetrics, type Metrics } from '../obs/metrics.js';
import { createServiceMetrics, type ServiceMetrics } from '../obs/service-metrics.js';
import { openProject, openSource, type Project } from '../config/project.js';
import { connectionSettings, readConnection } from '../config/gitops-state.js';
import { resolveExtraDevice, type Device, type Environment, type Inventory } from '../config/inventory/index.js';
import { closePipeline, openPipeline, type PipelineContext } from '../pipeline/context.js';
import { openStore, recoverDeadRuns, type Store } from '../store/store.js';
import { LoginLimiter } from './auth/login-limiter.js';
import { loadSigningKey } from './auth/signing-key.js';
import { Jobs } from './jobs.js';
import type { Schedules } from './schedules/scheduler.js';

export interface ServiceOptions {
  configFile: string;
  env?: Environment;
  keyFile?: string;
  /** Where log lines go besides the job log; default stderr (JSON lines, or pretty on a terminal). */
  logDestination?: NodeJS.WritableStream;
}

export interface Service {
  project: Project;
  store: Store;
  metrics: Metrics;
  serviceMetrics: ServiceMetrics;
  events: EventBus;
  logger: Logger;
  signingKey: string;
  limiter: LoginLimiter;
  jobs: Jobs;
  env: Environment;
  /** The running schedules (set by startServer before the app is built; undefined in bare app tests). */
  schedules: Schedules | undefined;
  /** Aborted when the service shuts down: live streams (SSE) end on it. */
  shutdownSignal: AbortSignal;
  /** The YAML inventory with the devices added through the API (resolved with its groups and defaults). */
  inventory(): Inventory;
  /** A pipeline context for one job; close it with `closeRun`. */
  openRun(actor: string): PipelineContext;
  /** Re-reads the gitops connection and replaces `project` with the source in force (after a connect or disconnect). */
  reloadSource(): Promise<void>;
  closeRun(ctx: PipelineContext): void;
  /** Ends live streams (shutdown): their handlers watch `shutdownSignal`. */
  endStreams(): void;
  close(): void;
}

export async function openService(options: ServiceOptions): Promise<Service> {
  const env = options.env ?? process.env;
  const project = await openProject({ configFile: options.configFile, env, keyFile: options.keyFile });
  const { settings } = project.inventory;
  const store = openStore(settings.paths.state);
  try {
    const logger = createLogger({ sink: (entry) => store.logs.append(entry), ...(options.logDestination ? { destination: options.logDestination, pretty: false } : {}) });
    for (const id of recoverDeadRuns(store)) logger.warn('deploy', `deployment ${id} was left running by a process that died: marked interrupted`, { deployment: id });
    const metrics = createMetrics();
    const events = createEventBus();
    const { key } = await loadSigningKey(settings.paths.state, env, settings.server.jwt_secret_env);
    const inventory = (): Inventory => withApiDevices(project.inventory, store, logger);
    const lifecycle = new AbortController();
    const service: Service = {
      schedules: undefined,
      shutdownSignal: lifecycle.signal,
      project,
      store,
      metrics,
      serviceMetrics: createServiceMetrics(metrics.registry),
      events,
      logger,
      signingKey: key,
      limiter: new LoginLimiter({ attempts: settings.server.login_rate.attempts, windowMs: settings.server.login_rate.window_s * 1000 }),
      jobs: new Jobs(),
      env,
      inventory,
      // `service.project`, not `project`: reloadSource replaces it, and later runs must use the new source.
      openRun: (actor) => openPipeline({ ...service.project, inventory: inventory() }, { actor, logger, metrics, events, store }),
      reloadSource: async () => {
        // As openProject chooses it; the inventory itself is not re-read.
        const connection = await readConnection(settings.paths.state);
        const sourceSettings = connection ? connectionSettings(connection) : settings.source;
        service.project = { ...service.project, source: openSource(sourceSettings, project.inventory, env), sourceSettings, sourceOrigin: connection ? 'gitops' : 'settings' };
      },
      closeRun: (ctx) => closePipeline(ctx, { keepStore: true }),
      endStreams: () => lifecycle.abort(),
      close: () => {
        lifecycle.abort();
        store.close();
      },
    };
    return service;
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * API devices are validated when added; one that no longer resolves (its group was removed from
 * the YAML since) is left out and logged rather than failing every request.
 */
function withApiDevices(inventory: Inventory, store: Store, logger: Logger): Inventory {
  const extra: Device[] = [];
  const yamlNames = new Set(inventory.devices.map((d) => d.name));
  for (const record of store.apiDevices.list()) {
    if (yamlNames.has(record.name)) continue;
    const resolved = resolveExtraDevice(inventory, record.entry);
    if (resolved.ok) extra.push(resolved.device);
    else logger.warn('devices', `API device ${record.name} left out: ${resolved.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  return extra.length === 0 ? inventory : { ...inventory, devices: [...inventory.devices, ...extra] };
}
