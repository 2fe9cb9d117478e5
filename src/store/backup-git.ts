// Commits of the backup folder when it lies in a Git work tree: one commit per backup, of that
// backup's files only (`git commit -- <paths>`), so work the user has staged stays staged.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface BackupCommit {
  /** Paths relative to the backup folder: the new backup's files and those retention removed. */
  added: string[];
  removed: string[];
  message: string;
}

async function git(cwd: string, args: string[]): Promise<string> {
  // No shell: paths and messages reach git as they are.
  const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** Whether `dir` is inside a Git work tree; false when it is not, or git is missing. */
export async function insideWorkTree(dir: string): Promise<boolean> {
  return git(dir, ['rev-parse', '--is-inside-work-tree']).then(
    (out) => out.trim() === 'true',
    () => false,
  );
}

/** `-c` options for an author identity when the repository has none (a fresh CI runner). */
async function identity(dir: string): Promise<string[]> {
  const has = (key: string) => git(dir, ['config', '--get', key]).then((v) => v.trim() !== '', () => false);
  const [name, email] = await Promise.all([has('user.name'), has('user.email')]);
  return [...(name ? [] : ['-c', 'user.name=CatNet']), ...(email ? [] : ['-c', 'user.email=catnet@localhost'])];
}

export async function commitBackup(dir: string, commit: BackupCommit): Promise<void> {
  // A removed file that was never committed (git enabled later) has nothing to record.
  const removed = commit.removed.length === 0 ? [] : (await git(dir, ['ls-files', '-z', '--', ...commit.removed])).split('\0').filter(Boolean);
  await retryLocked(() => git(dir, ['add', '--', ...commit.added]));
  const author = await identity(dir);
  // --only (implied by paths): the commit holds these paths as they are on disk, nothing else staged.
  await retryLocked(() => git(dir, [...author, 'commit', '--quiet', '-m', commit.message, '--', ...commit.added, ...removed]));
}

/** Retries while another git process holds the index lock (another CatNet, an editor). */
async function retryLocked<T>(action: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '');
      if (attempt >= attempts || !stderr.includes('index.lock')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
