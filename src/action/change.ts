// From a change (a pull request, or a push's commits) to the devices it affects: the changed
// files, and the inventory as it was before the change when the inventory file is one of them.

import type { Octokit } from '@octokit/rest';
import { relative, sep } from 'node:path';
import { parseInventory, type Environment, type Inventory } from '../config/inventory/index.js';
import type { Project } from '../config/project.js';
import { affectedDevices, type AffectedDevices, type ChangedFile } from './affected.js';
import { fileAt, type Repo } from './github.js';

export interface Change {
  files: readonly ChangedFile[];
  /** The commit before the change (the PR's base, the push's `before`). */
  baseSha: string;
}

export async function devicesAffectedBy(gh: Octokit, repo: Repo, project: Project, workspace: string, change: Change, env: Environment): Promise<AffectedDevices> {
  const head = project.inventory;
  const inventoryPath = repoPath(workspace, head.file);
  // Configs from another repository (a GitHub source) change there, not in this change.
  const configsPath = project.sourceSettings.type === 'local' ? repoPath(workspace, project.sourceSettings.path) : '\0not-in-this-repository';
  const inventoryChanged = change.files.some((f) => f.path === inventoryPath || f.previousPath === inventoryPath);
  const base = inventoryChanged ? await inventoryAt(gh, repo, inventoryPath, change.baseSha, head.file, env) : undefined;
  // Which devices have their own template decides who a shared partial reaches: list the folder.
  const configFiles = project.sourceSettings.type === 'local' ? (await project.source.listFiles()).map((name) => `${configsPath}/${name}`) : undefined;
  return affectedDevices({ head, base, changed: change.files, inventoryPath, configsPath, ...(configFiles ? { configFiles } : {}) });
}

/** The inventory at an earlier commit, read as if it were at today's path (its relative paths resolve alike). */
async function inventoryAt(gh: Octokit, repo: Repo, path: string, ref: string, file: string, env: Environment): Promise<Inventory | undefined> {
  const text = await fileAt(gh, repo, path, ref);
  if (text === undefined) return undefined;
  try {
    return parseInventory(text, file, env);
  } catch {
    // An invalid earlier inventory says nothing about what changed: treat the change as new.
    return undefined;
  }
}

function repoPath(workspace: string, absolute: string): string {
  return relative(workspace, absolute).split(sep).join('/');
}
