// The schema, as an ordered list of steps. A step is never edited once released: a change is
// a new step at the end, so every database, however old, reaches the same schema.

export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE deployments (
        id          TEXT PRIMARY KEY,
        status      TEXT NOT NULL,
        actor       TEXT NOT NULL,
        source      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        started_at  TEXT,
        finished_at TEXT,
        options     TEXT NOT NULL,  -- JSON
        plan        TEXT NOT NULL,  -- JSON
        summary     TEXT
      );
      CREATE INDEX deployments_created ON deployments (created_at);
      CREATE INDEX deployments_status ON deployments (status);

      CREATE TABLE device_results (
        deployment_id TEXT NOT NULL REFERENCES deployments (id) ON DELETE CASCADE,
        device        TEXT NOT NULL,
        status        TEXT NOT NULL,
        commands      TEXT NOT NULL,  -- JSON string[]
        applied       TEXT NOT NULL,  -- JSON string[]
        error         TEXT,
        checks        TEXT NOT NULL,  -- JSON CheckResult[]
        backup_before TEXT,
        backup_after  TEXT,
        started_at    TEXT,
        finished_at   TEXT,
        transcript    TEXT,
        PRIMARY KEY (deployment_id, device)
      );
      CREATE INDEX device_results_device ON device_results (device);

      -- Leases: expires_at in epoch milliseconds, so comparisons are numeric.
      CREATE TABLE device_locks (
        device     TEXT PRIMARY KEY,
        owner      TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX device_locks_owner ON device_locks (owner);

      CREATE TABLE job_log (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        time       TEXT NOT NULL,
        level      TEXT NOT NULL,
        level_rank INTEGER NOT NULL,  -- debug 0 … error 3, for "this level and above"
        category   TEXT NOT NULL,
        device     TEXT,
        deployment TEXT,
        job        TEXT,
        message    TEXT NOT NULL,
        details    TEXT  -- JSON
      );
      CREATE INDEX job_log_deployment ON job_log (deployment);
      CREATE INDEX job_log_job ON job_log (job);
      CREATE INDEX job_log_device ON job_log (device);
      CREATE INDEX job_log_time ON job_log (time);
    `,
  },
  {
    // Which process runs a deployment (`host:pid`): only deployments whose process is gone are
    // marked interrupted, never one another CatNet process is running right now.
    version: 2,
    sql: `ALTER TABLE deployments ADD COLUMN runner TEXT;`,
  },
  {
    // For `catnet serve`: API users, devices added over the API, saved plans, and drift per device.
    version: 3,
    sql: `
      CREATE TABLE users (
        name          TEXT PRIMARY KEY,
        role          TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );

      CREATE TABLE api_devices (
        name       TEXT PRIMARY KEY,
        entry      TEXT NOT NULL,  -- JSON inventory entry
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      CREATE TABLE plans (
        id         TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        actor      TEXT NOT NULL,
        plan       TEXT NOT NULL  -- JSON
      );
      CREATE INDEX plans_created ON plans (created_at);

      CREATE TABLE drift (
        device     TEXT PRIMARY KEY,
        status     TEXT NOT NULL,
        commands   INTEGER NOT NULL,
        lines      TEXT NOT NULL,  -- JSON string[]
        since      TEXT,
        checked_at TEXT NOT NULL,
        error      TEXT
      );
    `,
  },
];

/** The schema version this code writes and understands. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
