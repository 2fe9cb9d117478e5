// Connecting a project to a GitHub repository (`catnet gitops connect`, POST /gitops/connect):
// the repository, ref, folder and token are proven by listing the folder and resolving every
// device's intended config before the connection is recorded, so a typo never takes effect.

import { connectionSettings, writeConnection, type GitOpsConnection } from './gitops-state.js';
import type { Environment, Inventory } from './inventory/index.js';
import { openSource } from './project.js';
import type { GitHubSource } from './sources/github.js';
import { resolveAllIntended, type IntendedResult } from './sources/intended.js';

export interface ConnectRequest {
  /** `owner/name`. */
  repo: string;
  ref: string;
  path: string;
  tokenEnv: string;
}

export interface PendingConnection {
  connection: GitOpsConnection;
  source: GitHubSource;
}

export interface ConnectResult extends PendingConnection {
  files: string[];
  /** Per device of `devices`: its intended config at the new source, or why there is none. */
  results: IntendedResult[];
}

/** The connection and its source, not yet checked; throws when the repository name or folder is malformed. */
export function prepareConnection(inventory: Inventory, request: ConnectRequest, env: Environment, now = new Date()): PendingConnection {
  const connection: GitOpsConnection = { repo: request.repo, ref: request.ref, path: request.path, token_env: request.tokenEnv, connected_at: now.toISOString() };
  return { connection, source: openSource(connectionSettings(connection), inventory, env) as GitHubSource };
}

/** Checks the pending connection against GitHub (GitHubSourceError when it fails) and records it. */
export async function connectGitops(inventory: Inventory, pending: PendingConnection, devices = inventory.devices): Promise<ConnectResult> {
  const files = await pending.source.listFiles();
  const results = await resolveAllIntended(pending.source, devices);
  await writeConnection(inventory.settings.paths.state, pending.connection);
  return { ...pending, files, results };
}
