// The store as every CLI command opens it. Deployments left pending or running by a process
// that is gone are marked interrupted first, and their device leases released (their owner
// can no longer touch the devices), so the next run never waits on a dead one.

import { openStore, recoverDeadRuns, type Store } from '../../store/store.js';

export function openCliStore(stateDir: string): Store {
  const store = openStore(stateDir);
  for (const id of recoverDeadRuns(store)) {
    process.stderr.write(`catnet: deployment ${id} was left running by a process that died: marked interrupted\n`);
  }
  return store;
}
