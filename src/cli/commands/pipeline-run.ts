// One pipeline run for a CLI command: the project, the store (see open-store.ts), a logger
// writing to stderr and to the job log, and who runs it. Closed afterwards whatever happens.

import { userInfo } from 'node:os';
import { openProject } from '../../config/project.js';
import { createLogger } from '../../obs/logger.js';
import { closePipeline, openPipeline, type PipelineContext } from '../../pipeline/context.js';
import { openCliStore } from './open-store.js';
import type { ProjectCliOptions } from './project-options.js';

export interface RunOptions extends ProjectCliOptions {
  /** Debug logs on stderr. */
  verbose?: boolean;
  /** Only warnings and errors on stderr (machine-readable stdout). */
  quiet?: boolean;
}

export async function withPipeline<T>(options: RunOptions, work: (ctx: PipelineContext) => Promise<T>): Promise<T> {
  const project = await openProject({ configFile: options.config, keyFile: options.keyFile });
  const store = openCliStore(project.inventory.settings.paths.state);
  try {
    const logger = createLogger({ level: options.verbose ? 'debug' : options.quiet ? 'warn' : 'info', sink: (entry) => store.logs.append(entry) });
    const ctx = openPipeline(project, { actor: `cli:${actorName()}`, logger, store });
    try {
      return await work(ctx);
    } finally {
      closePipeline(ctx, { keepStore: true });
    }
  } finally {
    store.close();
  }
}

function actorName(): string {
  try {
    return process.env.CATNET_ACTOR ?? userInfo().username;
  } catch {
    return 'unknown';
  }
}
