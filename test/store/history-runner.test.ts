// A deployment is marked interrupted only when the process running it is gone: another CatNet
// process deploying right now must not have its deployment taken from under it.

import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { runnerAlive } from '../../src/store/history.js';
import { openStore, type Store } from '../../src/store/store.js';

describe('markInterrupted and live runners', () => {
  let store: Store | undefined;
  afterEach(() => store?.close());

  it('leaves a deployment of a live process alone and marks one whose process is gone', async () => {
    store = openStore(':memory:');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => gone.once('exit', done));
    try {
      const live = store.history.createDeployment({ actor: 't', source: 's', options: {}, plan: null, runner: `${hostname()}:${child.pid}` });
      const dead = store.history.createDeployment({ actor: 't', source: 's', options: {}, plan: null, runner: `${hostname()}:${gone.pid}` });
      const remote = store.history.createDeployment({ actor: 't', source: 's', options: {}, plan: null, runner: 'other-host.example:1234' });
      expect(store.history.markInterrupted()).toEqual([dead.id]);
      expect(store.history.getDeployment(live.id)?.status).toBe('pending');
      expect(store.history.getDeployment(remote.id)?.status).toBe('pending');
    } finally {
      child.kill();
    }
  });

  it('takes a deployment with no recorded runner as orphaned', () => {
    expect(runnerAlive(null)).toBe(false);
  });
});
