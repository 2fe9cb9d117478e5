// The files of one folder of a commit, each with its blob SHA. One recursive tree request
// usually lists the whole repository; when GitHub truncates that answer (very large
// repositories), the folders on the way to and under the root are listed one by one instead.

import type { GitHubApi, TreeEntry } from './github-api.js';
import { pathNotFound, type FailureContext } from './github-errors.js';

// Git's mode of a symbolic link: its blob is the link's target, not a config.
const SYMLINK_MODE = '120000';

/** Every file under `root` ('' for the whole repository): path relative to it → blob SHA, sorted by path. */
export async function listBlobs(api: GitHubApi, treeSha: string, root: string, ctx: FailureContext): Promise<Map<string, string>> {
  const tree = await api.getTree(treeSha, true);
  const entries = tree.truncated ? await walk(api, treeSha, '', root) : tree.entries;
  if (root !== '' && !entries.some((e) => e.type === 'tree' && e.path === root)) throw pathNotFound(ctx, root);
  const prefix = root === '' ? '' : `${root}/`;
  const files = entries
    .filter((e) => e.type === 'blob' && e.mode !== SYMLINK_MODE && e.path.startsWith(prefix))
    .map((e): [string, string] => [e.path.slice(prefix.length), e.sha])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(files);
}

/** Lists `treeSha` (at `prefix`) one level at a time, entering only folders that lead to or lie under `root`. */
async function walk(api: GitHubApi, treeSha: string, prefix: string, root: string): Promise<TreeEntry[]> {
  const { entries } = await api.getTree(treeSha, false);
  const found: TreeEntry[] = [];
  for (const entry of entries) {
    const path = prefix === '' ? entry.path : `${prefix}/${entry.path}`;
    found.push({ ...entry, path });
    if (entry.type === 'tree' && isOnWay(path, root)) found.push(...(await walk(api, entry.sha, path, root)));
  }
  return found;
}

function isOnWay(folder: string, root: string): boolean {
  return root === '' || folder === root || folder.startsWith(`${root}/`) || root.startsWith(`${folder}/`);
}
