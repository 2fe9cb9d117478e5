// The inventory as the rest of CatNet sees it: settings with every default filled in, and each
// device with its effective values (its own, then its groups', then the defaults'), so that no
// other layer ever has to know how inheritance works.

import type { InventoryFile } from './schema.js';

export type HostKeyMode = 'strict' | 'accept-new' | 'off';
export type Transport = 'ssh' | 'telnet';
export type Platform = 'cisco_ios';

/** A custom post-deploy check: run `command`, the output must (not) match. */
export interface CustomCheck {
  name: string;
  command: string;
  /** Regex source; the output must match. */
  expect?: string;
  /** Regex source; the output must not match. */
  expect_not?: string;
}

export interface HealthChecks {
  /** A new session can log in after the change. */
  reconnect: boolean;
  /** Interfaces up before the change are still up after it. */
  interfaces: boolean;
  /** Addresses that must answer `ping` after the change. */
  ping: string[];
  custom: CustomCheck[];
}

export interface GitHubSourceSettings {
  type: 'github';
  /** `owner/repo`. */
  repo: string;
  /** Branch, tag or commit SHA; default `main`. */
  ref: string;
  /** Folder inside the repo holding the configs (same layout as the local `configs/`). */
  path: string;
  /** Name of the environment variable holding the token; default `GITHUB_TOKEN`. */
  token_env: string;
}

export interface LocalSourceSettings {
  type: 'local';
  /** The configs folder, relative to the inventory file. */
  path: string;
}

export type SourceSettings = LocalSourceSettings | GitHubSourceSettings;

/** `settings.server`: the HTTP service of `catnet serve`. `*_env` fields name environment variables. */
export interface ServerSettings {
  /** From `host:port`; an IPv6 host without its brackets. */
  listen: { host: string; port: number };
  /** Lifetime of an access token, in seconds. */
  token_ttl_s: number;
  /** Holds the token signing key. */
  jwt_secret_env: string;
  /** When set and the variable is not empty, `/metrics` needs this bearer token. */
  metrics_token_env?: string;
  /** Holds the first admin's password, read on the first start only. */
  admin_password_env: string;
  /** Largest request body accepted, in KiB. */
  body_limit_kb: number;
  /** Failed logins allowed per `window_s` seconds. */
  login_rate: { attempts: number; window_s: number };
  /** Plans made through the API kept in the store (the newest). */
  plans_keep: number;
}

/** A run that `catnet serve` starts by itself. Exactly one of `cron` and `everySeconds` is set. */
export interface ScheduleSettings {
  name: string;
  kind: 'backup' | 'drift';
  /** 5 or 6 fields (seconds first when 6), checked with croner. */
  cron?: string;
  /** From `every: 15m`; at least 10. */
  everySeconds?: number;
  /** Device names; with `groups` empty too, the schedule covers every device. */
  devices: string[];
  groups: string[];
  /** Active window, as UTC ISO 8601 strings (`Date#toISOString`), so they compare as strings; `end` is after `start`. */
  start?: string;
  end?: string;
  enabled: boolean;
}

export interface Settings {
  /** Folders, resolved to absolute paths against the inventory file's folder. */
  paths: { configs: string; backups: string; state: string; credentials: string; known_hosts: string };
  source: SourceSettings;
  /** Devices worked on at once in a fleet run. */
  concurrency: number;
  timeouts: { connect_ms: number; auth_ms: number; operation_ms: number };
  host_key_mode: HostKeyMode;
  /** Engine ignore rules, `REGEX` or `SECTION_REGEX>>REGEX` (as `catnet diff --ignore`). */
  ignore: string[];
  ignore_version: boolean;
  /** Extra regexes whose matches are masked in every output. */
  redact: string[];
  health_checks: HealthChecks;
  deploy: { auto_rollback: boolean; save: boolean; confirm_timer_min: number | null; max_failures: number; canary: number; batch_size: string | null };
  backups: { keep_last: number | null; max_age_days: number | null; git_commit: boolean };
  server: ServerSettings;
  schedules: ScheduleSettings[];
}

/** A device with every inheritable value resolved. */
export interface Device {
  name: string;
  host: string;
  port: number;
  platform: Platform;
  transport: Transport;
  /** Credential set names (keys of credentials.yaml), in the order to try them. */
  credentials: string[];
  /** The device's groups in resolution order: its own list, each followed depth-first by its parents. */
  groups: string[];
  /** Variables for templates: per key, the device's, then the groups' in order, then the defaults'. */
  vars: Record<string, unknown>;
  role?: string;
  site?: string;
  wave?: string;
  /** Template (path inside the config source) used when there is no `<name>.cfg`/`<name>.cfg.njk`. */
  template?: string;
  health_checks: HealthChecks;
  /** 1-based line of the device's entry in the inventory file, for error messages; undefined for a device added through the API. */
  line: number | undefined;
}

export interface Inventory {
  /** Absolute path of catnet.config.yaml. */
  file: string;
  settings: Settings;
  devices: Device[];
  /** Group names defined in the file. */
  groups: string[];
  /**
   * The file as parsed (defaults and groups as written), for `resolveExtraDevice`. A plain field
   * so that it survives `{ ...inventory, devices }` copies; only `devices` is printed as JSON.
   */
  readonly document: InventoryFile;
}
