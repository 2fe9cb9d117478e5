// A fake GitHub REST API (msw handlers) serving one repository: commits by ref, recursive and plain
// trees, base64 blobs. It counts requests by kind and lets a test answer any request itself.

import { createHash } from 'node:crypto';
import { http, HttpResponse } from 'msw';

export const API = 'https://api.github.com';

interface Entry {
  path: string;
  mode: string;
  type: 'blob' | 'tree';
  sha: string;
}

export type Kind = 'commit' | 'repo' | 'tree' | 'blob';

export interface FakeRepo {
  /** `owner/name`. */
  repo: string;
  /** Every file of the one commit, by path. */
  files: Record<string, string>;
  /** Branch and tag names of that commit (its SHA works too). */
  refs: string[];
}

// GitHub breaks base64 into lines of 60 characters.
const base64Lines = (text: string) => Buffer.from(text).toString('base64').replace(/.{60}/g, '$&\n');
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

export class FakeGitHub {
  readonly commitSha = sha1('commit');
  readonly rootTree: string;
  readonly counts: Record<Kind, number> = { commit: 0, repo: 0, tree: 0, blob: 0 };
  /** Answers a request before the fake does; return undefined to let the fake answer. */
  intercept: ((kind: Kind, request: Request) => Response | undefined) | undefined;
  /** Recursive tree answers list only the top level and say `truncated`, as for huge repositories. */
  truncate = false;
  private readonly trees = new Map<string, Entry[]>();
  private readonly blobs = new Map<string, string>();

  constructor(readonly spec: FakeRepo) {
    this.rootTree = this.buildTree(Object.entries(spec.files));
  }

  /** Builds trees bottom-up from files relative to one folder; returns the folder's SHA. */
  private buildTree(files: [string, string][]): string {
    const entries: Entry[] = [];
    const folders = new Map<string, [string, string][]>();
    for (const [path, content] of files) {
      const [head = '', ...rest] = path.split('/');
      if (rest.length === 0) {
        const sha = sha1(`blob ${content}`);
        this.blobs.set(sha, content);
        entries.push({ path: head, mode: '100644', type: 'blob', sha });
      } else {
        folders.set(head, [...(folders.get(head) ?? []), [rest.join('/'), content]]);
      }
    }
    for (const [name, inner] of folders) entries.push({ path: name, mode: '040000', type: 'tree', sha: this.buildTree(inner) });
    const sha = sha1(`tree ${JSON.stringify(entries)}`);
    this.trees.set(sha, entries);
    return sha;
  }

  private recursive(sha: string, prefix = ''): Entry[] {
    return (this.trees.get(sha) ?? []).flatMap((e) => {
      const entry = { ...e, path: prefix + e.path };
      return e.type === 'tree' ? [entry, ...this.recursive(e.sha, `${entry.path}/`)] : [entry];
    });
  }

  private answer(kind: Kind, request: Request, normal: () => Response): Response {
    this.counts[kind] += 1;
    return this.intercept?.(kind, request) ?? normal();
  }

  handlers() {
    const base = `${API}/repos/${this.spec.repo}`;
    const notFound = () => HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    return [
      http.get(`${API}/repos/:owner/:name`, ({ params, request }) =>
        this.answer('repo', request, () => (`${params.owner}/${params.name}` === this.spec.repo ? HttpResponse.json({ full_name: this.spec.repo }) : notFound())),
      ),
      http.get(`${API}/repos/:owner/:name/commits/:ref`, ({ params, request }) =>
        this.answer('commit', request, () => {
          if (`${params.owner}/${params.name}` !== this.spec.repo) return notFound();
          const ref = String(params.ref);
          if (ref !== this.commitSha && !this.spec.refs.includes(ref)) return HttpResponse.json({ message: `No commit found for SHA: ${ref}` }, { status: 422 });
          return HttpResponse.json({ sha: this.commitSha, commit: { tree: { sha: this.rootTree } } });
        }),
      ),
      http.get(`${base}/git/trees/:sha`, ({ params, request }) =>
        this.answer('tree', request, () => {
          const sha = String(params.sha);
          if (!this.trees.has(sha)) return notFound();
          const recursive = new URL(request.url).searchParams.has('recursive');
          const tree = recursive && !this.truncate ? this.recursive(sha) : this.trees.get(sha);
          return HttpResponse.json({ sha, tree, truncated: recursive && this.truncate });
        }),
      ),
      http.get(`${base}/git/blobs/:sha`, ({ params, request }) =>
        this.answer('blob', request, () => {
          const content = this.blobs.get(String(params.sha));
          if (content === undefined) return notFound();
          return HttpResponse.json({ sha: params.sha, encoding: 'base64', content: base64Lines(content) });
        }),
      ),
    ];
  }
}
