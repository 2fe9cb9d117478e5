// `settings.schedules`: backups and drift checks that `catnet serve` runs by itself, each on a
// cron expression or a fixed interval, for some devices or groups, within an optional window.

import { Cron } from 'croner';
import { z } from 'zod';
import type { PathProblem } from './env.js';
import type { ScheduleSettings } from './types.js';

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
/** Shorter intervals would have a run start before the last one is done on any real fleet. */
export const MIN_EVERY_SECONDS = 10;

/** `30s`, `15m`, `2h`, `1d` in seconds, or undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const match = /^([1-9]\d*)([smhd])$/.exec(text);
  return match ? Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS] : undefined;
}

const every = z.string().transform((text, ctx) => {
  const seconds = parseDuration(text);
  if (seconds !== undefined && seconds >= MIN_EVERY_SECONDS) return seconds;
  ctx.addIssue({ code: 'custom', message: seconds === undefined ? 'expected a duration like 30s, 15m, 2h or 1d' : `must be at least ${MIN_EVERY_SECONDS}s` });
  return z.NEVER;
});

const cron = z.string().superRefine((pattern, ctx) => {
  // croner also takes a year field and @nicknames; schedules stay portable to any cron reader.
  const fields = pattern.trim().split(/\s+/).length;
  if (fields !== 5 && fields !== 6) return void ctx.addIssue({ code: 'custom', message: `expected 5 or 6 cron fields (minute hour day month weekday, seconds first if 6), got ${fields}` });
  try {
    // A date that never comes (`0 0 31 2 *`) is a schedule that silently never runs.
    if (new Cron(pattern, { paused: true }).nextRun() === null) ctx.addIssue({ code: 'custom', message: 'never matches a date' });
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

// A zone is required: the server's zone is not something the file's reader can see.
const dateTime = z.iso
  .datetime({ offset: true, error: 'expected an ISO 8601 date-time with a zone, like 2025-06-01T22:00:00Z or 2025-06-01T22:00:00+02:00' })
  // UTC, so that resolved times compare as strings.
  .transform((text) => new Date(text).toISOString());

const nameList = z.array(z.string().min(1)).optional();

export const scheduleSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected letters, digits, "-" or "_"'),
    kind: z.enum(['backup', 'drift']),
    cron: cron.optional(),
    every: every.optional(),
    devices: nameList,
    groups: nameList,
    start: dateTime.optional(),
    end: dateTime.optional(),
    enabled: z.boolean().default(true),
  })
  .superRefine((entry, ctx) => {
    if ((entry.cron === undefined) === (entry.every === undefined)) ctx.addIssue({ code: 'custom', message: 'needs either cron or every (one of them, not both)' });
    if (entry.start !== undefined && entry.end !== undefined && entry.end <= entry.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
  })
  .transform((entry): ScheduleSettings => {
    const schedule: ScheduleSettings = { name: entry.name, kind: entry.kind, devices: entry.devices ?? [], groups: entry.groups ?? [], enabled: entry.enabled };
    if (entry.cron !== undefined) schedule.cron = entry.cron;
    if (entry.every !== undefined) schedule.everySeconds = entry.every;
    if (entry.start !== undefined) schedule.start = entry.start;
    if (entry.end !== undefined) schedule.end = entry.end;
    return schedule;
  });

export const schedulesSchema = z.array(scheduleSchema).default([]);

/**
 * Duplicate schedule names, and devices or groups the file does not define, read loosely as
 * `referenceProblems` does. Devices added through the API are not known here: a schedule reaches
 * them through their groups.
 */
export function scheduleReferenceProblems(schedules: unknown, deviceNames: ReadonlySet<string>, groupNames: ReadonlySet<string>): PathProblem[] {
  const problems: PathProblem[] = [];
  const firstIndex = new Map<string, number>();
  (Array.isArray(schedules) ? schedules : []).forEach((schedule: unknown, i) => {
    const entry = schedule !== null && typeof schedule === 'object' ? (schedule as Record<string, unknown>) : {};
    const check = (field: 'devices' | 'groups', known: ReadonlySet<string>, what: string) =>
      (Array.isArray(entry[field]) ? (entry[field] as unknown[]) : []).forEach((name, j) => {
        if (typeof name === 'string' && !known.has(name)) problems.push({ path: ['settings', 'schedules', i, field, j], message: `unknown ${what} ${JSON.stringify(name)}` });
      });
    check('devices', deviceNames, 'device');
    check('groups', groupNames, 'group');
    if (typeof entry.name !== 'string') return;
    const first = firstIndex.get(entry.name);
    if (first === undefined) firstIndex.set(entry.name, i);
    else problems.push({ path: ['settings', 'schedules', i, 'name'], message: `duplicate schedule name ${JSON.stringify(entry.name)} (first at schedules[${first}])` });
  });
  return problems;
}
