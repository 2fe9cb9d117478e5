// Everything one run of the pipeline shares: the project, the device sessions, the backup and
// history stores, the logger, metrics and event bus, and who started it. The CLI, the service
// and the Action open one per run (the service: per job) and close it afterwards.

import type { Settings } from '../config/inventory/index.js';
import type { Project } from '../config/project.js';
import { createEventBus, type EventBus } from '../obs/events.js';
import { createLogger, type Logger } from '../obs/logger.js';
import { defaultMetrics, type Metrics } from '../obs/metrics.js';
import { BackupStore } from '../store/backups.js';
import { openStore, type Store } from '../store/store.js';
import { createSessions, type Sessions } from './sessions.js';

export interface PipelineContext {
  project: Project;
  sessions: Sessions;
  backups: BackupStore;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  events: EventBus;
  /** Who or what runs it: `cli:alice`, `api:bob`, `action:pr-42`. */
  actor: string;
}

export interface OpenPipelineOptions {
  actor: string;
  logger?: Logger;
  metrics?: Metrics;
  events?: EventBus;
  /** Shared with a long-running service; default: opened here and closed with the run. */
  store?: Store;
}

export function openPipeline(project: Project, options: OpenPipelineOptions): PipelineContext {
  const { settings } = project.inventory;
  const store = options.store ?? openStore(settings.paths.state);
  const logger = options.logger ?? createLogger({});
  const metrics = options.metrics ?? defaultMetrics();
  return {
    project,
    sessions: createSessions(project, { metrics }),
    backups: backupStoreFor(settings),
    store,
    logger,
    metrics,
    events: options.events ?? createEventBus(),
    actor: options.actor,
  };
}

/** The backup store the inventory's settings describe (folder, Git commits, retention). */
export function backupStoreFor(settings: Settings): BackupStore {
  const { backups } = settings;
  return new BackupStore(settings.paths.backups, { gitCommit: backups.git_commit, keepLast: backups.keep_last, maxAgeDays: backups.max_age_days });
}

/** Closes the sessions, and the store when this run opened it. */
export function closePipeline(ctx: PipelineContext, options: { keepStore?: boolean } = {}): void {
  ctx.sessions.close();
  if (!options.keepStore) ctx.store.close();
}
