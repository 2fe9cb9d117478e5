// CatNet's logger: pino JSON lines for machines, a short line for people on a terminal, and an
// optional sink (the job log). Callers see only the `Logger` interface below, never pino's types,
// so the backend can change without touching the pipeline. Every string is redacted here, once,
// before any output or the sink sees it: a caller cannot forget.
import { pino, type Logger as PinoLogger } from 'pino';
import type { LogEntry, LogLevel } from '../store/types.js';
import { formatPretty } from './pretty.js';
import { redact } from './redact.js';
import { redactRecord } from './redact-value.js';

export type { LogEntry, LogLevel };

/** Per-entry context; overrides the logger's bindings. */
export interface LogFields {
  device?: string;
  deployment?: string;
  job?: string;
  details?: Record<string, unknown>;
}

/** Context every entry of a child logger carries. */
export interface LogBindings {
  device?: string;
  deployment?: string;
  job?: string;
  /** Ties together the entries of one request or run (an HTTP request id, a CLI invocation). */
  correlationId?: string;
}

export interface Logger {
  readonly level: LogLevel;
  debug(category: string, message: string, fields?: LogFields): void;
  info(category: string, message: string, fields?: LogFields): void;
  warn(category: string, message: string, fields?: LogFields): void;
  error(category: string, message: string, fields?: LogFields): void;
  child(bindings: LogBindings): Logger;
}

export interface LoggerOptions {
  /** Entries below it are dropped, from the output and the sink alike. Default `info`. */
  level?: LogLevel;
  /** Human lines instead of JSON. Default: whether stderr is a TTY. */
  pretty?: boolean;
  /** Default stderr: stdout belongs to command output (plans, diffs, JSON results). */
  destination?: NodeJS.WritableStream;
  /** Receives every redacted entry at or above `level` (the job log). */
  sink?: (entry: LogEntry) => void;
  /** Clock, for tests. */
  now?: () => Date;
}

const RANK: Record<LogLevel, number> = { debug: 20, info: 30, warn: 40, error: 50 };

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const destination = options.destination ?? process.stderr;
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  const now = options.now ?? (() => new Date());
  const json: PinoLogger | undefined = pretty
    ? undefined
    : pino(
        {
          level,
          base: undefined, // no pid/hostname: the entry shape is the job log's.
          timestamp: false, // `time` comes from the entry, so output and sink agree.
          formatters: { level: (label) => ({ level: label }) },
        },
        { write: (line: string) => void destination.write(line) },
      );

  const emit = (entry: LogEntry, correlationId: string | undefined): void => {
    if (json) {
      const { level: entryLevel, message, ...rest } = entry;
      json[entryLevel]({ ...rest, correlationId }, message);
    } else {
      destination.write(formatPretty(entry));
    }
    if (!options.sink) return;
    try {
      options.sink(correlationId === undefined ? entry : { ...entry, details: { ...entry.details, correlationId } });
    } catch (err) {
      // A failing job log must not fail the deployment it records; say so on the output only.
      const failure: LogEntry = { time: entry.time, level: 'error', category: 'log', message: `job log write failed: ${redact(String(err))}` };
      if (json) json.error({ time: failure.time, category: failure.category }, failure.message);
      else destination.write(formatPretty(failure));
    }
  };

  const make = (bindings: LogBindings): Logger => {
    const log =
      (entryLevel: LogLevel) =>
      (category: string, message: string, fields: LogFields = {}): void => {
        if (RANK[entryLevel] < RANK[level]) return;
        const entry: LogEntry = { time: now().toISOString(), level: entryLevel, category: redact(category), message: redact(message) };
        const device = fields.device ?? bindings.device;
        const deployment = fields.deployment ?? bindings.deployment;
        const job = fields.job ?? bindings.job;
        if (device !== undefined) entry.device = redact(device);
        if (deployment !== undefined) entry.deployment = redact(deployment);
        if (job !== undefined) entry.job = redact(job);
        if (fields.details !== undefined) entry.details = redactRecord(fields.details);
        emit(entry, bindings.correlationId === undefined ? undefined : redact(bindings.correlationId));
      };
    return {
      level,
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      child: (more) => make({ ...bindings, ...definedOnly(more) }),
    };
  };
  return make({});
}

const definedOnly = (bindings: LogBindings): LogBindings =>
  Object.fromEntries(Object.entries(bindings).filter(([, value]) => value !== undefined)) as LogBindings;

const noop = (): void => {};

/** Drops everything: for tests and for library callers that pass no logger. */
export const silentLogger: Logger = {
  level: 'error',
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => silentLogger,
};
