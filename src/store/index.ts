// The store, in SQLite: deployments, device results, device leases, the job log, and the
// service's users, API devices, saved plans and drift.

export * from './types.js';
export { openStore, DATABASE_FILE, type Store } from './store.js';
export { openDatabase, schemaVersion, SchemaTooNewError, type Db, type OpenDatabaseOptions } from './database.js';
export { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js';
export { History, newDeploymentId, type NewDeployment, type DeploymentPatch, type ListDeploymentsQuery } from './history.js';
export { DeviceLocks, type AcquireResult } from './locks.js';
export { JobLog, LOG_LEVELS, type StoredLogEntry, type LogStats, type LogListener } from './job-log.js';
export { Users, UserExistsError, ROLES, type Role, type UserRecord, type PublicUser } from './users.js';
export { ApiDevices, ApiDeviceExistsError, type ApiDeviceRecord } from './api-devices.js';
export { Plans, newPlanId, type StoredPlan } from './plans.js';
export { DriftStore, type DriftStatus, type DriftRecord } from './drift.js';
