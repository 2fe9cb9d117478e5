// The human line for a terminal: `12:13:14 INFO  deploy core-1: pushed 12 commands`. Written
// here rather than with pino-pretty so the CLI carries no extra dependency and the format is ours.
import type { LogEntry } from '../store/types.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** One line (with its newline) for an already-redacted `entry`, its time as local wall-clock time. */
export function formatPretty(entry: LogEntry): string {
  const date = new Date(entry.time);
  const clock = Number.isNaN(date.getTime()) ? entry.time : `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
  const subject = entry.device ? `${entry.category} ${entry.device}` : entry.category;
  const line = `${clock} ${entry.level.toUpperCase().padEnd(5)} ${subject}: ${entry.message}`;
  // Details stay on the same line (compact JSON): one event is one line in a scrolling terminal.
  const details = entry.details && Object.keys(entry.details).length > 0 ? ` ${JSON.stringify(entry.details)}` : '';
  return `${line}${details}\n`;
}
