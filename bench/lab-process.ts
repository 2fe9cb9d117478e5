// A `catnet lab start` child process, as the lab and device benchmarks run it: separate from
// the process that measures, so client and devices do not share one event loop.

import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadInventory } from '../src/config/inventory/index.js';
import { loadCredentials } from '../src/config/secrets/credentials-file.js';
import { loadMasterKeys, MASTER_KEY_ENV } from '../src/config/secrets/keys.js';
import { DEMO_MASTER_KEY } from '../src/lab/runner/demo-key.js';

/**
 * The `catnet` command as its bin runs it: node with the flags of its shebang (a larger young
 * generation, docs/decisions/0002-young-generation-size.md), then the built CLI.
 */
export const CATNET = catnetOn(process.execPath);

/** The same, run by the node binary at `node`. */
export function catnetOn(node: string): [string, ...string[]] {
  return [node, '--max-semi-space-size=64', fileURLToPath(new URL('../dist/cli/main.js', import.meta.url))];
}

/** Resolves once the child printed `marker` (e.g. `lab running`); rejects if it exits first. */
export function waitForOutput(child: ChildProcess, marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (data: Buffer) => {
      seen += data.toString();
      if (seen.includes(marker)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`lab exited (${code}) before it was ready:\n${seen}`)));
  });
}

/** The environment a bench lab runs with: its login is encrypted with the demo key, nothing from the caller's. */
export const LAB_KEY_ENV = { ...process.env, CATNET_MASTER_KEY_FILE: '', [MASTER_KEY_ENV]: DEMO_MASTER_KEY };

export interface LabDeviceLogin {
  name: string;
  host: string;
  port: number;
  username: string;
  password: string;
  enableSecret: string | undefined;
}

/** The devices of the inventory `catnet lab start --write-inventory` wrote, read as CatNet reads any, logins decrypted. */
export async function readLabInventory(inventoryPath: string): Promise<LabDeviceLogin[]> {
  const inventory = await loadInventory(inventoryPath, { env: LAB_KEY_ENV });
  const sets = await loadCredentials(inventory.settings.paths.credentials, await loadMasterKeys({ env: LAB_KEY_ENV }));
  return inventory.devices.map((d) => {
    const login = sets.get(d.credentials[0] as string);
    if (!login) throw new Error(`bench: no credentials set for ${d.name}`);
    return { name: d.name, host: d.host, port: d.port, username: login.username, password: login.password, enableSecret: login.enableSecret };
  });
}
