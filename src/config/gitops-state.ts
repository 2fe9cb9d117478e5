// `catnet gitops connect` records which GitHub repository holds the intended configs, in the
// state folder (not in catnet.config.yaml: rewriting a file people edit by hand would lose
// their comments). While connected, it takes the place of `settings.source`.

import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-file.js';
import { ConfigFileError } from './config-file-error.js';
import type { GitHubSourceSettings } from './inventory/types.js';

const connectionSchema = z.strictObject({
  repo: z.string().min(1),
  ref: z.string().min(1),
  path: z.string(),
  token_env: z.string().min(1),
  connected_at: z.string(),
});

export type GitOpsConnection = z.output<typeof connectionSchema>;

export function connectionFile(stateDir: string): string {
  return join(stateDir, 'gitops.json');
}

/** The recorded connection, or undefined when there is none. */
export async function readConnection(stateDir: string): Promise<GitOpsConnection | undefined> {
  const file = connectionFile(stateDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigFileError(file, [{ line: undefined, field: '', message: `invalid JSON: ${(error as Error).message}; run \`catnet gitops connect\` again` }]);
  }
  const parsed = connectionSchema.safeParse(data);
  if (!parsed.success) throw new ConfigFileError(file, [{ line: undefined, field: '', message: 'not a gitops connection; run `catnet gitops connect` again' }]);
  return parsed.data;
}

export async function writeConnection(stateDir: string, connection: GitOpsConnection): Promise<void> {
  await writeFileAtomic(connectionFile(stateDir), `${JSON.stringify(connection, null, 2)}\n`, { mkdir: true });
}

/** Forgets the connection; true when there was one. */
export async function removeConnection(stateDir: string): Promise<boolean> {
  const file = connectionFile(stateDir);
  const existed = (await readConnection(stateDir).catch(() => 'broken')) !== undefined;
  await rm(file, { force: true });
  return existed;
}

export function connectionSettings(connection: GitOpsConnection): GitHubSourceSettings {
  return { type: 'github', repo: connection.repo, ref: connection.ref, path: connection.path, token_env: connection.token_env };
}
