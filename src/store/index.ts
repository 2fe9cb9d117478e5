// The history store: deployments, device results, device leases and the job log, in SQLite.

export * from './types.js';
export { openStore, DATABASE_FILE, type Store } from './store.js';
export { openDatabase, schemaVersion, SchemaTooNewError, type Db, type OpenDatabaseOptions } from './database.js';
export { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js';
export { History, newDeploymentId, type NewDeployment, type DeploymentPatch, type ListDeploymentsQuery } from './history.js';
export { DeviceLocks, type AcquireResult } from './locks.js';
export { JobLog, LOG_LEVELS, type StoredLogEntry, type LogStats, type LogListener } from './job-log.js';
