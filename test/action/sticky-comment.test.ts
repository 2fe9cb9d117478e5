// The sticky comment against a mocked GitHub API: found across pages by its marker, updated in
// place, created when absent, other comments untouched.

import { Octokit } from '@octokit/rest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findMarkedComment, upsertComment } from '../../src/action/sticky-comment.js';

const API = 'https://api.github.test';
const MARKER = '<!-- catnet:plan -->';
const target = { owner: 'acme', repo: 'net', issueNumber: 7 };

interface Comment {
  id: number;
  body: string;
  html_url: string;
}

let comments: Comment[] = [];
let requests: string[] = [];
let nextId = 1000;

const url = (id: number): string => `https://github.com/acme/net/pull/7#issuecomment-${id}`;
const seed = (bodies: string[]): void => {
  comments = bodies.map((body, i) => ({ id: i + 1, body, html_url: url(i + 1) }));
};

const server = setupServer(
  http.get(`${API}/repos/:owner/:repo/issues/:number/comments`, ({ request, params }) => {
    const query = new URL(request.url).searchParams;
    requests.push(`GET ${params.owner}/${params.repo}#${params.number} per_page=${query.get('per_page')} page=${query.get('page') ?? 1}`);
    const perPage = Number(query.get('per_page') ?? 30);
    const page = Number(query.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(comments.length / perPage));
    const headers: Record<string, string> = {};
    if (page < last) headers.link = `<${API}/repos/acme/net/issues/7/comments?per_page=${perPage}&page=${page + 1}>; rel="next", <${API}/repos/acme/net/issues/7/comments?per_page=${perPage}&page=${last}>; rel="last"`;
    return HttpResponse.json(comments.slice((page - 1) * perPage, page * perPage), { headers });
  }),
  http.post(`${API}/repos/:owner/:repo/issues/:number/comments`, async ({ request, params }) => {
    const { body } = (await request.json()) as { body: string };
    requests.push(`POST ${params.owner}/${params.repo}#${params.number}`);
    const comment = { id: nextId, body, html_url: url(nextId++) };
    comments.push(comment);
    return HttpResponse.json(comment, { status: 201 });
  }),
  http.patch(`${API}/repos/:owner/:repo/issues/comments/:id`, async ({ request, params }) => {
    const { body } = (await request.json()) as { body: string };
    requests.push(`PATCH ${params.id}`);
    const comment = comments.find((c) => c.id === Number(params.id));
    if (!comment) return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    comment.body = body;
    return HttpResponse.json(comment);
  }),
);

// Quiet: Octokit logs every failed request, and one test fails a request on purpose.
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
const octokit = new Octokit({ baseUrl: API, auth: 'test-token', log: quiet });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  comments = [];
  requests = [];
});

describe('upsertComment', () => {
  it('creates the comment when none carries the marker', async () => {
    seed(['LGTM', '<!-- catnet:deploy -->\ndeployed']);
    const result = await upsertComment(octokit, target, MARKER, `${MARKER}\nplan v1`);
    expect(result).toEqual({ id: 1000, url: url(1000), created: true });
    expect(requests).toEqual(['GET acme/net#7 per_page=100 page=1', 'POST acme/net#7']);
    expect(comments.map((c) => c.body)).toEqual(['LGTM', '<!-- catnet:deploy -->\ndeployed', `${MARKER}\nplan v1`]);
  });

  it('creates it on an issue without comments, then updates that one', async () => {
    const first = await upsertComment(octokit, target, MARKER, `${MARKER}\nplan v1`);
    const second = await upsertComment(octokit, target, MARKER, `${MARKER}\nplan v2`);
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, url: first.url, created: false });
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toBe(`${MARKER}\nplan v2`);
  });

  it('finds the marked comment on the second page and updates it in place', async () => {
    seed(Array.from({ length: 150 }, (_, i) => (i === 120 ? `${MARKER}\nold plan` : `comment ${i + 1}`)));
    const result = await upsertComment(octokit, target, MARKER, `${MARKER}\nnew plan`);
    expect(result).toEqual({ id: 121, url: url(121), created: false });
    expect(requests).toEqual(['GET acme/net#7 per_page=100 page=1', 'GET acme/net#7 per_page=100 page=2', 'PATCH 121']);
    expect(comments).toHaveLength(150);
    expect(comments[120]?.body).toBe(`${MARKER}\nnew plan`);
    expect(comments.filter((c) => c.body.startsWith('comment '))).toHaveLength(149);
  });

  it('updates only the first marked comment, leaving the others as they were', async () => {
    const bodies = ['<!-- catnet:deploy -->\ndeployed', `Bot says:\n${MARKER}\nplan A`, 'hello', `${MARKER}\nplan B`];
    seed(bodies);
    const result = await upsertComment(octokit, target, MARKER, `${MARKER}\nplan C`);
    expect(result).toEqual({ id: 2, url: url(2), created: false });
    expect(comments.map((c) => c.body)).toEqual([bodies[0], `${MARKER}\nplan C`, bodies[2], bodies[3]]);
    expect(requests.filter((r) => !r.startsWith('GET'))).toEqual(['PATCH 2']);
  });

  it('finds the marked comment for reading, stopping at the page it is on', async () => {
    seed(Array.from({ length: 250 }, (_, i) => (i === 150 || i === 240 ? `${MARKER}\nrunning hashes ${i}` : `comment ${i + 1}`)));
    expect(await findMarkedComment(octokit, target, MARKER)).toEqual({ id: 151, url: url(151), body: `${MARKER}\nrunning hashes 150` });
    expect(requests).toEqual(['GET acme/net#7 per_page=100 page=1', 'GET acme/net#7 per_page=100 page=2']);
    expect(await findMarkedComment(octokit, target, '<!-- catnet:deploy -->')).toBeUndefined();
    expect(requests.slice(2)).toEqual(['GET acme/net#7 per_page=100 page=1', 'GET acme/net#7 per_page=100 page=2', 'GET acme/net#7 per_page=100 page=3']);
  });

  it('reports GitHub refusing the update', async () => {
    seed([`${MARKER}\nplan`]);
    server.use(http.patch(`${API}/repos/:owner/:repo/issues/comments/:id`, () => HttpResponse.json({ message: 'Resource not accessible by integration' }, { status: 403 }), { once: true }));
    await expect(upsertComment(octokit, target, MARKER, `${MARKER}\nnew`)).rejects.toMatchObject({ status: 403 });
    expect(comments[0]?.body).toBe(`${MARKER}\nplan`);
  });
});
