// The fake GitHub API started for a vitest file (see test/support/fake-github.ts).

import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { FakeGitHub, type FakeRepo } from '../../support/fake-github.js';

export { API, FakeGitHub, type FakeRepo, type Kind } from '../../support/fake-github.js';

/** Starts the fake for the test file; `reset` before each test clears counts and interceptions. */
export function useFakeGitHub(spec: FakeRepo): FakeGitHub {
  const fake = new FakeGitHub(spec);
  const server = setupServer(...fake.handlers());
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    fake.counts.commit = fake.counts.repo = fake.counts.tree = fake.counts.blob = 0;
    fake.intercept = undefined;
    fake.truncate = false;
  });
  afterAll(() => server.close());
  return fake;
}
