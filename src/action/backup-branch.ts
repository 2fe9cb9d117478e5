// The `backup-branch` input: the runner's checkout is thrown away after the job, so the backups a
// run took are committed to a branch of the repository through the Git data API (no clone, no
// git credentials on the runner). The files keep device secrets, as a backup must be restorable:
// their contents are never logged.
//
// A new branch is an orphan commit whose tree holds only the backups: no workflow files on it, so
// pushing to it starts no workflow, and its history is only backups. An existing branch gets a
// commit on its head, keeping what is there (base_tree).

import * as core from '@actions/core';
import type { Octokit } from '@octokit/rest';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { redact } from '../obs/redact.js';
import { parseBackupId } from '../store/backup-files.js';
import type { Repo } from './github.js';
import { writeSummary } from './report.js';
import type { ActionRun } from './run.js';

export interface BranchFile {
  /** Path in the branch, `/`-separated. */
  path: string;
  content: string;
}

/**
 * Commits `files` to `branch` (created when missing); undefined when there is nothing to commit.
 * The ref moves without force: when another run moved it meanwhile, the commit is redone once on
 * the new head.
 */
export async function commitBackupsToBranch(gh: Octokit, repo: Repo, branch: string, files: BranchFile[], message: string): Promise<{ sha: string; createdBranch: boolean } | undefined> {
  if (files.length === 0) return undefined;
  // One at a time: GitHub asks for content-creating requests in series (secondary rate limits).
  const tree: { path: string; mode: '100644'; type: 'blob'; sha: string }[] = [];
  for (const file of files) {
    const { data } = await gh.git.createBlob({ ...repo, content: file.content, encoding: 'utf-8' });
    tree.push({ path: file.path, mode: '100644', type: 'blob', sha: data.sha });
  }
  for (let attempt = 1; ; attempt++) {
    const head = await branchHead(gh, repo, branch);
    const { data: newTree } = await gh.git.createTree({ ...repo, tree, ...(head ? { base_tree: head.tree } : {}) });
    // Backups already on the branch (a plan's backup of an unchanged device): no empty commit.
    if (head && newTree.sha === head.tree) return { sha: head.commit, createdBranch: false };
    const { data: commit } = await gh.git.createCommit({ ...repo, message, tree: newTree.sha, parents: head ? [head.commit] : [] });
    try {
      if (head) await gh.git.updateRef({ ...repo, ref: `heads/${branch}`, sha: commit.sha, force: false });
      else await gh.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: commit.sha });
      return { sha: commit.sha, createdBranch: !head };
    } catch (error) {
      // 422: the branch moved (not a fast-forward) or was created meanwhile.
      if (attempt > 1 || (error as { status?: number }).status !== 422) throw error;
      core.info(`branch ${branch} moved meanwhile: committing the backups again on its new head`);
    }
  }
}

/** The branch's head commit and its tree; undefined when the branch does not exist. */
async function branchHead(gh: Octokit, repo: Repo, branch: string): Promise<{ commit: string; tree: string } | undefined> {
  try {
    const { data: ref } = await gh.git.getRef({ ...repo, ref: `heads/${branch}` });
    const { data: commit } = await gh.git.getCommit({ ...repo, commit_sha: ref.object.sha });
    return { commit: commit.sha, tree: commit.tree.sha };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

/**
 * The end of a deploy or backup run: commits the backups `ids` took (`.cfg` and `.json`) to the
 * `backup-branch` input's branch, when set. `label` names the run (a deployment id or `backup`).
 * A failure fails the run: the backups would be lost with the runner.
 */
export async function commitRunBackups(run: ActionRun, ids: readonly (string | undefined)[], label: string): Promise<void> {
  const branch = run.inputs.backupBranch;
  if (branch === undefined) return;
  const unique = [...new Set(ids.filter((id): id is string => id !== undefined))].sort();
  const files = unique.flatMap((id) => backupFiles(run, id));
  if (files.length === 0) return core.info(`backup-branch ${branch}: no backup to commit`);
  const devices = new Set(unique.map((id) => parseBackupId(id).device));
  const message = `catnet: backups of ${devices.size} device(s) (${label})\n\n${unique.join('\n')}\n`;
  try {
    const result = await commitBackupsToBranch(run.gh, { owner: run.env.owner, repo: run.env.repo }, branch, files, message);
    if (!result) return;
    core.info(`committed ${unique.length} backup(s) to branch ${branch}${result.createdBranch ? ' (new branch)' : ''}: ${result.sha}`);
    await writeSummary(`\nBackups: ${unique.length} committed to branch \`${branch}\` (${result.sha.slice(0, 12)}).\n`);
  } catch (error) {
    core.setFailed(redact(`the backups were not committed to branch ${branch} (they are lost with the runner): ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** A backup's config and metadata, at their workspace-relative paths (`backups/…` when the folder is outside it). */
function backupFiles(run: ActionRun, id: string): BranchFile[] {
  const dir = run.project.inventory.settings.paths.backups;
  const { device, stamp } = parseBackupId(id);
  const inWorkspace = relative(run.env.workspace, dir);
  const prefix = inWorkspace.startsWith('..') || isAbsolute(inWorkspace) ? 'backups' : inWorkspace.split(sep).join('/');
  const files: BranchFile[] = [];
  for (const name of [`${stamp}.cfg`, `${stamp}.json`]) {
    try {
      files.push({ path: posix.join(prefix, device, name), content: readFileSync(join(dir, device, name), 'utf8') });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // Retention can delete an older backup the same run listed: nothing left to keep.
      core.warning(`backup ${id}: ${name} is gone from ${dir}: not committed`);
    }
  }
  return files;
}
