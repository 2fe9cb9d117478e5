// The store as the rest of CatNet opens it: one database in the state folder, and the views on
// it that the pipeline, the CLI and the service use.

import { join } from 'node:path';
import { ApiDevices } from './api-devices.js';
import { openDatabase, type Db } from './database.js';
import { DriftStore } from './drift.js';
import { History } from './history.js';
import { JobLog } from './job-log.js';
import { DeviceLocks } from './locks.js';
import { Plans } from './plans.js';
import { Users } from './users.js';

export const DATABASE_FILE = 'catnet.db';

export interface Store {
  history: History;
  locks: DeviceLocks;
  logs: JobLog;
  users: Users;
  apiDevices: ApiDevices;
  plans: Plans;
  drift: DriftStore;
  db: Db;
  close(): void;
}

/** `stateDir/catnet.db`, created if missing; `':memory:'` for tests. */
export function openStore(stateDir: string): Store {
  const db = openDatabase(stateDir === ':memory:' ? ':memory:' : join(stateDir, DATABASE_FILE));
  return {
    history: new History(db),
    locks: new DeviceLocks(db),
    logs: new JobLog(db),
    users: new Users(db),
    apiDevices: new ApiDevices(db),
    plans: new Plans(db),
    drift: new DriftStore(db),
    db,
    close: () => {
      if (db.open) db.close();
    },
  };
}

/**
 * Deployments left pending or running by a process that is gone are marked interrupted, and
 * their device leases released (their owner can no longer touch the devices), so the next run
 * never waits on a dead one. Returns their ids.
 */
export function recoverDeadRuns(store: Store, now = new Date()): string[] {
  const ids = store.history.markInterrupted(now);
  for (const id of ids) store.locks.releaseAll(id);
  return ids;
}
