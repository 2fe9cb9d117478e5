// Loaded with `node --import` into a CLI child process (see runCli's `fakeGitHub`): the fake
// GitHub API of test/support/fake-github.ts answers every GitHub request of that process.

import { setupServer } from 'msw/node';
import { FakeGitHub, type FakeRepo } from './fake-github.js';

const spec = JSON.parse(process.env.CATNET_TEST_FAKE_GITHUB ?? 'null') as FakeRepo | null;
if (spec === null) throw new Error('CATNET_TEST_FAKE_GITHUB is not set');
setupServer(...new FakeGitHub(spec).handlers()).listen({ onUnhandledRequest: 'error' });
