// The schema of catnet.config.yaml, as written (snake_case keys, optional fields, a single
// credential name for a list of one). Every object is strict so that a misspelt key is an error
// rather than a silently ignored setting. Settings defaults that do not depend on other values
// live here (they also show in the editor's JSON Schema); the rest are filled in by load.ts.

import { z } from 'zod';
import { compileRegex, parseIgnoreRule } from '../../ios/ignore-rule.js';
import { schedulesSchema } from './schedules.js';
import { serverSchema } from './server.js';

/** A regex source that must compile, with the engine's reason when it does not. */
export const regexSource = z.string().superRefine((source, ctx) => refineWith(() => compileRegex(source), ctx));

/** An ignore rule: `REGEX`, or `SECTION_REGEX>>REGEX` (as `catnet diff --ignore`). */
const ignoreRule = z.string().superRefine((rule, ctx) => refineWith(() => parseIgnoreRule(rule), ctx));

function refineWith(check: () => unknown, ctx: z.RefinementCtx): void {
  try {
    check();
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
}

const count = (min: number) => z.number().int().min(min);
const nonEmpty = z.string().min(1);

const customCheck = z
  .strictObject({ name: nonEmpty, command: nonEmpty, expect: regexSource.optional(), expect_not: regexSource.optional() })
  .refine((check) => check.expect !== undefined || check.expect_not !== undefined, { message: 'needs expect or expect_not' });

const healthCheckFields = {
  reconnect: z.boolean(),
  interfaces: z.boolean(),
  ping: z.array(nonEmpty),
  custom: z.array(customCheck),
};

/** At defaults, group and device level: any subset, the rest is inherited. */
const partialHealthChecks = z.strictObject(healthCheckFields).partial();

const settingsHealthChecks = z
  .strictObject({
    reconnect: healthCheckFields.reconnect.default(true),
    interfaces: healthCheckFields.interfaces.default(true),
    ping: healthCheckFields.ping.default([]),
    custom: healthCheckFields.custom.default([]),
  })
  .prefault({});

const source = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('local'), path: nonEmpty.optional() }),
  z.strictObject({
    type: z.literal('github'),
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'expected owner/repo'),
    ref: nonEmpty.default('main'),
    path: nonEmpty.default('configs'),
    token_env: nonEmpty.default('GITHUB_TOKEN'),
  }),
]);

/** `10` or `"10"` devices, or `"25%"` of them; kept as a string for the deploy layer to read. */
const batchSize = z
  .union([count(1), z.string().regex(/^[1-9]\d*%?$/, 'expected a device count like 10 or a share like 25%')])
  .transform(String)
  .refine((size) => !size.endsWith('%') || Number(size.slice(0, -1)) <= 100, 'a share cannot be over 100%');

export const settingsSchema = z
  .strictObject({
    paths: z
      .strictObject({
        configs: nonEmpty.default('configs'),
        backups: nonEmpty.default('backups'),
        state: nonEmpty.default('.catnet'),
        credentials: nonEmpty.default('credentials.yaml'),
        known_hosts: nonEmpty.optional(),
      })
      .prefault({}),
    source: source.optional(),
    concurrency: count(1).max(1000).default(20),
    timeouts: z
      .strictObject({ connect_ms: count(1).default(10_000), auth_ms: count(1).default(10_000), operation_ms: count(1).default(30_000) })
      .prefault({}),
    host_key_mode: z.enum(['strict', 'accept-new', 'off']).default('strict'),
    ignore: z.array(ignoreRule).default([]),
    ignore_version: z.boolean().default(false),
    redact: z.array(regexSource).default([]),
    health_checks: settingsHealthChecks,
    deploy: z
      .strictObject({
        auto_rollback: z.boolean().default(true),
        save: z.boolean().default(true),
        confirm_timer_min: count(1).nullable().default(null),
        max_failures: count(0).default(0),
        canary: count(0).default(0),
        batch_size: batchSize.nullable().default(null),
      })
      .prefault({}),
    backups: z
      .strictObject({ keep_last: count(1).nullable().default(null), max_age_days: count(1).nullable().default(null), git_commit: z.boolean().default(true) })
      .prefault({}),
    server: serverSchema,
    schedules: schedulesSchema,
  })
  .prefault({});

/** The values a device inherits, from the defaults and its groups. */
const inheritableFields = {
  port: count(1).max(65535).optional(),
  platform: z.enum(['cisco_ios']).optional(),
  transport: z.enum(['ssh', 'telnet']).optional(),
  /** Credential set names, in the order to try them; one name is a list of one. */
  credentials: z
    .union([nonEmpty, z.array(nonEmpty)])
    .transform((names) => (typeof names === 'string' ? [names] : names))
    .optional(),
  vars: z.record(z.string(), z.unknown()).optional(),
  role: nonEmpty.optional(),
  site: nonEmpty.optional(),
  // `wave: 1` is as natural as `wave: early`.
  wave: z.union([nonEmpty, z.number()]).transform(String).optional(),
  template: nonEmpty.optional(),
  health_checks: partialHealthChecks.optional(),
};

const groupList = z.array(nonEmpty).optional();

export const defaultsSchema = z.strictObject(inheritableFields);

// `core:` with nothing under it declares a group with no values of its own.
export const groupSchema = z
  .strictObject({ groups: groupList, ...inheritableFields })
  .nullable()
  .transform((group) => group ?? {});

export const deviceSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-", starting with a letter or digit (it names files)'),
  host: nonEmpty,
  groups: groupList,
  ...inheritableFields,
});

export const inventorySchema = z.strictObject({
  settings: settingsSchema,
  defaults: defaultsSchema.prefault({}),
  groups: z.record(z.string(), groupSchema).prefault({}),
  devices: z.array(deviceSchema).prefault([]),
});

export type InventoryInput = z.input<typeof inventorySchema>;
export type InventoryFile = z.output<typeof inventorySchema>;
export type InheritableValues = z.output<typeof defaultsSchema>;
export type GroupEntry = z.output<typeof groupSchema>;
export type DeviceEntry = z.output<typeof deviceSchema>;
/** A device as written (a `devices:` item, or a device sent to the API). */
export type DeviceEntryInput = z.input<typeof deviceSchema>;
