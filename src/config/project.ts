// A CatNet project as every command sees it: the inventory, the source its intended configs come
// from (a `catnet gitops connect` connection, else `settings.source`), and its credentials,
// decrypted only when a command needs to log in.

import { join } from 'node:path';
import { registerSecret, setRedactionPatterns } from '../obs/redact.js';
import { connectionSettings, readConnection } from './gitops-state.js';
import { loadInventory, type Environment, type Inventory, type SourceSettings } from './inventory/index.js';
import { loadCredentials, type Credential } from './secrets/credentials-file.js';
import { loadMasterKeys } from './secrets/keys.js';
import { GitHubSource } from './sources/github.js';
import { LocalSource } from './sources/local.js';
import type { ConfigSource } from './sources/source.js';

export interface ProjectOptions {
  /** Path of catnet.config.yaml. */
  configFile: string;
  env?: Environment;
  /** Master key file (else CATNET_MASTER_KEY / CATNET_MASTER_KEY_FILE). */
  keyFile?: string;
}

export interface Project {
  inventory: Inventory;
  source: ConfigSource;
  /** The source settings in force, and where they came from. */
  sourceSettings: SourceSettings;
  sourceOrigin: 'settings' | 'gitops';
  /** Every credential set, decrypted (and registered for redaction); loaded once. */
  credentials(): Promise<Map<string, Credential>>;
}

export async function openProject(options: ProjectOptions): Promise<Project> {
  const env = options.env ?? process.env;
  const inventory = await loadInventory(options.configFile, { env });
  setRedactionPatterns(inventory.settings.redact);
  const connection = await readConnection(inventory.settings.paths.state);
  const sourceSettings = connection ? connectionSettings(connection) : inventory.settings.source;
  let credentials: Promise<Map<string, Credential>> | undefined;
  return {
    inventory,
    source: openSource(sourceSettings, inventory, env),
    sourceSettings,
    sourceOrigin: connection ? 'gitops' : 'settings',
    credentials: () => (credentials ??= loadMasterKeys({ env, keyFile: options.keyFile }).then((keys) => loadCredentials(inventory.settings.paths.credentials, keys))),
  };
}

/** The config source for `settings`; a GitHub token comes from the environment variable it names. */
export function openSource(settings: SourceSettings, inventory: Inventory, env: Environment): ConfigSource {
  if (settings.type === 'local') return new LocalSource(settings.path, displayPath(settings.path));
  const token = env[settings.token_env];
  registerSecret(token);
  return new GitHubSource({
    repo: settings.repo,
    ref: settings.ref,
    path: settings.path,
    token,
    tokenEnv: settings.token_env,
    cacheDir: join(inventory.settings.paths.state, 'github-cache'),
    // Set by GitHub Actions (and GitHub Enterprise runners) to the API of the instance.
    baseUrl: env.GITHUB_API_URL,
  });
}

/** `configs/` rather than an absolute path, when the folder is under the working directory. */
export function displayPath(dir: string): string {
  const cwd = `${process.cwd()}/`;
  return dir.startsWith(cwd) ? dir.slice(cwd.length) : dir;
}

/** The credential sets of a device, in its order; names missing from credentials.yaml are listed in the error. */
export function deviceCredentials(device: { name: string; credentials: readonly string[] }, sets: ReadonlyMap<string, Credential>): Credential[] {
  const missing = device.credentials.filter((name) => !sets.has(name));
  if (missing.length > 0) throw new Error(`${device.name}: unknown credential set${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')} (credentials.yaml has: ${[...sets.keys()].join(', ')})`);
  return device.credentials.map((name) => sets.get(name) as Credential);
}
