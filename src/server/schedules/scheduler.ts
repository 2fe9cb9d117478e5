// The schedules of `settings.schedules`, run by the service: scheduled backups and drift checks.
// Each run is a service job (a shutdown waits for it), never overlaps the previous run of the
// same schedule, opens its own pipeline context, and logs its start and end under
// `job: <name>-<stamp>`.
//
// Timing: one timer per schedule, re-armed after each tick, that asks "when is the next run
// after now?" — croner answers for cron patterns (as a calculator only), and for `every` the
// runs are anchor + k·interval, the anchor being `start` or the moment the schedules started.
// One code path for both kinds keeps the window, the overlap rule and `next_run` identical, and
// `every` stays a fixed rate (croner's `interval` counts from the previous run instead, and its
// first run depends on the second the service happened to start).

import { Cron } from 'croner';
import type { ScheduleSettings } from '../../config/inventory/index.js';
import type { Logger } from '../../obs/logger.js';
import { backupDevices } from '../../pipeline/backup.js';
import { errorMessage } from '../../pipeline/errors.js';
import { selectDevices } from '../../pipeline/targets.js';
import { ShuttingDownError } from '../jobs.js';
import type { Service } from '../service.js';
import { runDriftCheck, seedDriftMetrics } from './drift-check.js';

export interface ScheduleStatus {
  name: string;
  kind: 'backup' | 'drift';
  cron: string | null;
  every_seconds: number | null;
  devices: string[];
  groups: string[];
  start: string | null;
  end: string | null;
  enabled: boolean;
  running: boolean;
  next_run: string | null;
  last_run: { started_at: string; finished_at: string | null; ok: boolean | null; summary: string | null } | null;
}

export interface Schedules {
  list(): ScheduleStatus[];
  get(name: string): ScheduleStatus | undefined;
  /**
   * Runs the schedule now (not overlapping a run in progress: resolves false then). It is marked
   * running before this returns; the promise resolves when the run ends (true), or at once with
   * false when it cannot start (disabled, running, the service shutting down).
   */
  runNow(name: string): Promise<boolean>;
  stop(): void;
}

/** A far timer is re-armed in steps: setTimeout overflows past ~24.8 days, and clocks jump. */
const MAX_SLEEP_MS = 60_000;

interface Entry {
  settings: ScheduleSettings;
  cron: Cron | undefined;
  /** `every` runs are anchor + k·interval. */
  anchor: number;
  timer: NodeJS.Timeout | undefined;
  /** The run the timer waits for. */
  due: Date | null;
  running: boolean;
  lastRun: ScheduleStatus['last_run'];
}

export function startSchedules(service: Service, options: { now?: () => Date } = {}): Schedules {
  const now = options.now ?? (() => new Date());
  const startedAt = now().getTime();
  const entries = new Map<string, Entry>();
  let stopped = false;
  seedDriftMetrics(service);

  for (const settings of service.project.inventory.settings.schedules) {
    // UTC, like `start` and `end`: the server's zone is not something the file's reader can see.
    const cron = settings.cron !== undefined ? new Cron(settings.cron, { paused: true, timezone: 'UTC' }) : undefined;
    const anchor = settings.start !== undefined ? Date.parse(settings.start) : startedAt;
    entries.set(settings.name, { settings, cron, anchor, timer: undefined, due: null, running: false, lastRun: null });
  }

  /** The first run strictly after `after` inside the window; null when disabled or past the window. */
  const nextRun = (entry: Entry, after: Date): Date | null => {
    const { settings } = entry;
    if (!settings.enabled) return null;
    // A run exactly at `start` counts: look from just before it.
    const start = settings.start !== undefined ? Date.parse(settings.start) : undefined;
    const from = start !== undefined && after.getTime() < start ? start - 1 : after.getTime();
    let next: Date | null;
    if (entry.cron) {
      next = entry.cron.nextRun(new Date(from));
    } else {
      const step = (settings.everySeconds as number) * 1000;
      const k = Math.floor((from - entry.anchor) / step) + 1;
      next = new Date(entry.anchor + Math.max(k, 0) * step);
    }
    if (next && settings.end !== undefined && next.getTime() >= Date.parse(settings.end)) return null;
    return next;
  };

  const arm = (entry: Entry): void => {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    if (stopped) return;
    entry.due ??= nextRun(entry, now());
    if (!entry.due) return;
    const wait = Math.min(Math.max(entry.due.getTime() - now().getTime(), 0), MAX_SLEEP_MS);
    entry.timer = setTimeout(() => tick(entry), wait);
    // The HTTP listener keeps the process alive; a schedule alone must not.
    entry.timer.unref();
  };

  const tick = (entry: Entry): void => {
    entry.timer = undefined;
    if (stopped || !entry.due) return;
    if (now().getTime() < entry.due.getTime()) return arm(entry);
    const due = entry.due;
    entry.due = nextRun(entry, now());
    if (entry.running) service.logger.warn('schedule', `schedule ${entry.settings.name}: the run due at ${due.toISOString()} is skipped, the previous run is still going`);
    else void run(entry, 'schedule');
    arm(entry);
  };

  const run = (entry: Entry, trigger: 'schedule' | 'manual'): Promise<boolean> => {
    const { name, kind } = entry.settings;
    if (!entry.settings.enabled || entry.running || stopped) return Promise.resolve(false);
    const started = now();
    const job = `${name}-${started.toISOString().replace(/[-:]/g, '')}`;
    const log = service.logger.child({ job });
    return new Promise<boolean>((resolve) => {
      try {
        // The work is synchronous up to its first await: `running` is set when start returns.
        service.jobs.start(
          job,
          kind,
          async () => {
            entry.running = true;
            try {
              await execute(entry, log, started, trigger);
            } finally {
              entry.running = false;
              resolve(true);
            }
          },
          (error) => log.error('schedule', `schedule ${name} failed: ${errorMessage(error)}`),
        );
      } catch (error) {
        // Callers do not await the promise (timers, the API): it resolves, never rejects.
        if (error instanceof ShuttingDownError) log.info('schedule', `schedule ${name} skipped: the service is shutting down`);
        else log.error('schedule', `schedule ${name} could not start: ${errorMessage(error)}`);
        resolve(false);
      }
    });
  };

  /** One run; never throws (a failure is a failed run, logged and counted). */
  const execute = async (entry: Entry, log: Logger, started: Date, trigger: 'schedule' | 'manual'): Promise<void> => {
    const { name, kind, devices: names, groups } = entry.settings;
    entry.lastRun = { started_at: started.toISOString(), finished_at: null, ok: null, summary: null };
    log.info('schedule', `${kind} schedule ${name} started (${trigger === 'manual' ? 'run on request' : 'scheduled'})`);
    let ok = false;
    let summary: string;
    try {
      const ctx = service.openRun(`schedule:${name}`);
      ctx.logger = log;
      try {
        // At run time: devices added through the API since the start are reached through their groups.
        const devices = selectDevices(service.inventory(), { devices: names, groups });
        if (kind === 'backup') {
          const outcomes = await backupDevices(ctx, devices, 'scheduled');
          const failed = outcomes.filter((o) => !o.ok).length;
          ok = failed === 0;
          summary = `${outcomes.length - failed} device${plural(outcomes.length - failed)} backed up (${outcomes.filter((o) => o.created).length} changed), ${failed} failed`;
        } else {
          const records = await runDriftCheck(service, ctx, devices);
          const count = (status: string) => records.filter((r) => r.status === status).length;
          ok = count('error') === 0;
          summary = `${count('drifted')} drifted, ${count('in_sync')} in sync, ${count('error')} failed`;
        }
      } finally {
        service.closeRun(ctx);
      }
    } catch (error) {
      summary = `failed: ${errorMessage(error)}`;
    }
    const finished = now();
    entry.lastRun = { started_at: started.toISOString(), finished_at: finished.toISOString(), ok, summary };
    service.serviceMetrics.scheduleRun(name, ok ? 'ok' : 'failed');
    const seconds = ((finished.getTime() - started.getTime()) / 1000).toFixed(1);
    if (ok) log.info('schedule', `${kind} schedule ${name} finished in ${seconds}s: ${summary}`);
    else log.error('schedule', `${kind} schedule ${name} finished in ${seconds}s with failures: ${summary}`);
  };

  const status = (entry: Entry): ScheduleStatus => {
    const s = entry.settings;
    // The timer's due time while armed; computed otherwise (before the first arm, or stopped).
    const next = stopped ? null : (entry.due ?? nextRun(entry, now()));
    return {
      name: s.name,
      kind: s.kind,
      cron: s.cron ?? null,
      every_seconds: s.everySeconds ?? null,
      devices: [...s.devices],
      groups: [...s.groups],
      start: s.start ?? null,
      end: s.end ?? null,
      enabled: s.enabled,
      running: entry.running,
      next_run: next ? next.toISOString() : null,
      last_run: entry.lastRun && { ...entry.lastRun },
    };
  };

  for (const entry of entries.values()) arm(entry);
  return {
    list: () => [...entries.values()].map(status),
    get: (name) => {
      const entry = entries.get(name);
      return entry && status(entry);
    },
    runNow: (name) => {
      const entry = entries.get(name);
      return entry ? run(entry, 'manual') : Promise.resolve(false);
    },
    stop: () => {
      stopped = true;
      for (const entry of entries.values()) {
        if (entry.timer) clearTimeout(entry.timer);
        entry.timer = undefined;
      }
    },
  };
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
