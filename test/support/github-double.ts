// A local stand-in for the few GitHub REST endpoints the Action calls, on a loopback port so
// that the Action's bundle, running as a child process, can reach it through GITHUB_API_URL.
// The endpoints are msw handlers (the project's one way of mocking GitHub), served by a plain
// Node HTTP server through msw's getResponse.

import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, http, HttpResponse } from 'msw';

export interface DoubleComment {
  id: number;
  body: string;
}

export interface GitHubDoubleState {
  /** Files of each pull request, by number: `{ filename, status, previous_filename? }`. */
  pullFiles: Record<number, { filename: string; status: string; previous_filename?: string }[]>;
  /** Files between two commits, by `base...head`. */
  compare: Record<string, { filename: string; status: string }[]>;
  /** File texts by `ref:path`. */
  contents: Record<string, string>;
  /** Pull requests of a commit, by sha. */
  commitPulls: Record<string, { number: number; merged_at: string | null }[]>;
  /** Comments of each issue / pull request, by number. */
  comments: Record<number, DoubleComment[]>;
  /** The repository's default branch (GET /repos/:owner/:repo). */
  defaultBranch: string;
  /** Branches written through the Git data API: head commit and the files of its tree (path → text). */
  branches: Record<string, { commit: string; files: Record<string, string> }>;
}

export interface GitHubDouble {
  url: string;
  state: GitHubDoubleState;
  /** `METHOD path` of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startGitHubDouble(owner: string, repo: string): Promise<GitHubDouble> {
  const state: GitHubDoubleState = { pullFiles: {}, compare: {}, contents: {}, commitPulls: {}, comments: {}, defaultBranch: 'main', branches: {} };
  const git = gitObjects();
  const requests: string[] = [];
  let nextId = 1000;
  const base = `http://github.double/repos/${owner}/${repo}`;
  const page = (request: Request): number => Number(new URL(request.url).searchParams.get('page') ?? '1');
  const handlers = [
    http.get(`${base}/pulls/:number/files`, ({ params, request }) => HttpResponse.json(page(request) === 1 ? (state.pullFiles[Number(params.number)] ?? []) : [])),
    http.get(`${base}/compare/:basehead`, ({ params, request }) => HttpResponse.json({ files: page(request) === 1 ? (state.compare[String(params.basehead)] ?? []) : [] })),
    http.get(`${base}/commits/:sha/pulls`, ({ params }) => HttpResponse.json(state.commitPulls[String(params.sha)] ?? [])),
    http.get(`${base}/contents/*`, ({ request }) => {
      const url = new URL(request.url);
      const path = decodeURIComponent(url.pathname.slice(`/repos/${owner}/${repo}/contents/`.length));
      const text = state.contents[`${url.searchParams.get('ref') ?? ''}:${path}`];
      if (text === undefined) return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
      return HttpResponse.json({ type: 'file', path, encoding: 'base64', content: Buffer.from(text).toString('base64') });
    }),
    http.get(`${base}/issues/:number/comments`, ({ params, request }) => {
      const list = state.comments[Number(params.number)] ?? [];
      const size = Number(new URL(request.url).searchParams.get('per_page') ?? '30');
      return HttpResponse.json(list.slice((page(request) - 1) * size, page(request) * size).map(view));
    }),
    http.post(`${base}/issues/:number/comments`, async ({ params, request }) => {
      const { body } = (await request.json()) as { body: string };
      const comment = { id: nextId++, body };
      (state.comments[Number(params.number)] ??= []).push(comment);
      return HttpResponse.json(view(comment), { status: 201 });
    }),
    http.patch(`${base}/issues/comments/:id`, async ({ params, request }) => {
      const { body } = (await request.json()) as { body: string };
      const comment = Object.values(state.comments)
        .flat()
        .find((c) => c.id === Number(params.id));
      if (!comment) return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
      comment.body = body;
      return HttpResponse.json(view(comment));
    }),
    http.get(base, () => HttpResponse.json({ name: repo, full_name: `${owner}/${repo}`, owner: { login: owner }, default_branch: state.defaultBranch })),
    // Octokit encodes the slashes of a ref (heads%2Fname): the rest of the path is the ref.
    http.get(`${base}/git/ref/*`, ({ request }) => {
      const ref = decodeURIComponent(new URL(request.url).pathname.slice(`/repos/${owner}/${repo}/git/ref/`.length));
      const branch = ref.startsWith('heads/') ? state.branches[ref.slice('heads/'.length)] : undefined;
      if (!branch) return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
      git.known(branch);
      return HttpResponse.json({ ref: `refs/${ref}`, object: { type: 'commit', sha: branch.commit } });
    }),
    http.get(`${base}/git/commits/:sha`, ({ params }) => {
      const commit = git.commits.get(String(params.sha));
      if (!commit) return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
      return HttpResponse.json({ sha: params.sha, message: commit.message, tree: { sha: commit.tree }, parents: commit.parents.map((sha) => ({ sha })) });
    }),
    http.post(`${base}/git/blobs`, async ({ request }) => {
      const { content, encoding } = (await request.json()) as { content: string; encoding?: string };
      const text = encoding === 'base64' ? Buffer.from(content, 'base64').toString('utf8') : content;
      return HttpResponse.json({ sha: git.put(git.blobs, text) }, { status: 201 });
    }),
    http.post(`${base}/git/trees`, async ({ request }) => {
      const { base_tree: baseTree, tree } = (await request.json()) as { base_tree?: string; tree: { path: string; sha: string | null; content?: string }[] };
      const files = { ...(baseTree ? git.trees.get(baseTree) : {}) };
      for (const entry of tree) {
        if (entry.sha === null) delete files[entry.path];
        else files[entry.path] = entry.content ?? git.blobs.get(entry.sha) ?? '';
      }
      // Sorted paths: equal trees get equal shas, as in git.
      return HttpResponse.json({ sha: git.put(git.trees, Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)))) }, { status: 201 });
    }),
    http.post(`${base}/git/commits`, async ({ request }) => {
      const { message, tree, parents = [] } = (await request.json()) as { message: string; tree: string; parents?: string[] };
      if (!git.trees.has(tree)) return HttpResponse.json({ message: 'Tree SHA does not exist' }, { status: 422 });
      return HttpResponse.json({ sha: git.put(git.commits, { message, tree, parents }) }, { status: 201 });
    }),
    http.post(`${base}/git/refs`, async ({ request }) => {
      const { ref, sha } = (await request.json()) as { ref: string; sha: string };
      const name = ref.replace(/^refs\/heads\//, '');
      if (state.branches[name]) return HttpResponse.json({ message: 'Reference already exists' }, { status: 422 });
      state.branches[name] = { commit: sha, files: git.filesOf(sha) };
      return HttpResponse.json({ ref, object: { type: 'commit', sha } }, { status: 201 });
    }),
    http.patch(`${base}/git/refs/*`, async ({ request }) => {
      const name = decodeURIComponent(new URL(request.url).pathname.slice(`/repos/${owner}/${repo}/git/refs/`.length)).replace(/^heads\//, '');
      const { sha, force } = (await request.json()) as { sha: string; force?: boolean };
      const branch = state.branches[name];
      if (!branch) return HttpResponse.json({ message: 'Reference does not exist' }, { status: 422 });
      if (!force && !git.commits.get(sha)?.parents.includes(branch.commit)) return HttpResponse.json({ message: 'Update is not a fast forward' }, { status: 422 });
      state.branches[name] = { commit: sha, files: git.filesOf(sha) };
      return HttpResponse.json({ ref: `refs/heads/${name}`, object: { type: 'commit', sha } });
    }),
  ];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      void (async () => {
        requests.push(`${incoming.method} ${incoming.url}`);
        const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
        const request = new Request(`http://github.double${incoming.url}`, { method: incoming.method, headers: incoming.headers as Record<string, string>, ...(body && incoming.method !== 'GET' ? { body } : {}) });
        const response = (await getResponse(handlers, request)) ?? HttpResponse.json({ message: `no double for ${incoming.method} ${incoming.url}` }, { status: 404 });
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, state, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function view(comment: DoubleComment): Record<string, unknown> {
  return { id: comment.id, body: comment.body, html_url: `https://github.example/comments/${comment.id}`, user: { login: 'github-actions[bot]', type: 'Bot' } };
}

interface GitCommit {
  message: string;
  tree: string;
  parents: string[];
}

/** A content-addressed object store behind `state.branches` (trees hold file texts directly). */
function gitObjects() {
  const blobs = new Map<string, string>();
  const trees = new Map<string, Record<string, string>>();
  const commits = new Map<string, GitCommit>();
  const put = <T>(store: Map<string, T>, value: T): string => {
    const sha = createHash('sha1').update(JSON.stringify(value)).digest('hex');
    store.set(sha, value);
    return sha;
  };
  return {
    blobs,
    trees,
    commits,
    put,
    filesOf: (commit: string): Record<string, string> => ({ ...trees.get(commits.get(commit)?.tree ?? '') }),
    /** A branch a test set in `state.branches` directly gets its commit and tree on first read. */
    known(branch: { commit: string; files: Record<string, string> }): void {
      if (!commits.has(branch.commit)) commits.set(branch.commit, { message: 'seeded', tree: put(trees, Object.fromEntries(Object.entries(branch.files).sort(([a], [b]) => a.localeCompare(b)))), parents: [] });
    },
  };
}
