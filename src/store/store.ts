// The store as the rest of CatNet opens it: one database in the state folder, and the three
// views on it that the pipeline, the CLI and the service use.

import { join } from 'node:path';
import { openDatabase, type Db } from './database.js';
import { History } from './history.js';
import { JobLog } from './job-log.js';
import { DeviceLocks } from './locks.js';

export const DATABASE_FILE = 'catnet.db';

export interface Store {
  history: History;
  locks: DeviceLocks;
  logs: JobLog;
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
    db,
    close: () => {
      if (db.open) db.close();
    },
  };
}
