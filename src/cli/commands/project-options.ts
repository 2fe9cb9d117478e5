// The options every command working on a project shares: which inventory, which master key file.

import type { Command } from 'commander';

export interface ProjectCliOptions {
  /** catnet.config.yaml path, as given (for messages). */
  config: string;
  keyFile?: string;
}

export const DEFAULT_CONFIG = 'catnet.config.yaml';

/** `-c/--config` and `--key-file`, wherever on the command line they were given. */
export function projectOptions(command: Command): ProjectCliOptions {
  const opts = command.optsWithGlobals<{ config?: string; keyFile?: string }>();
  return { config: opts.config ?? process.env.CATNET_CONFIG ?? DEFAULT_CONFIG, keyFile: opts.keyFile };
}
