// Deep redaction for structured values (log details, event payloads): every string inside,
// keys included, passes through `redact`, so a secret nested in `details` is masked like one
// in a message. The result is plain JSON-safe data, never the caller's objects.
import { redact } from './redact.js';

// Deeper structures are cut: log details are meant to be small, and a runaway graph should not
// cost a deployment its memory.
const MAX_DEPTH = 8;

/**
 * Command output (a plan, a history record) as JSON-safe data, every string redacted, nothing cut:
 * redacting the JSON text instead would let a secret pattern run over the closing quote.
 */
export function redactForOutput<T>(value: T): T {
  return redactValue(value, 0, new WeakSet(), OUTPUT_MAX_DEPTH) as T;
}

/** Deep enough for any output CatNet prints; only a runaway graph is cut. */
const OUTPUT_MAX_DEPTH = 64;

/** `value` as JSON-safe data with every string in it redacted. */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet(), maxDepth = MAX_DEPTH): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'symbol' || typeof value === 'function') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Error) {
    // Error fields are not enumerable: copy the useful ones explicitly (a stack may hold a secret too).
    return { name: value.name, message: redact(value.message), ...(value.stack ? { stack: redact(value.stack) } : {}) };
  }
  if (ArrayBuffer.isView(value)) return `[binary ${value.byteLength} bytes]`;
  if (depth >= maxDepth) return '[Truncated]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen, maxDepth));
    if (value instanceof Map) return redactRecord(Object.fromEntries(value), depth, seen, maxDepth);
    if (value instanceof Set) return [...value].map((item) => redactValue(item, depth + 1, seen, maxDepth));
    const withJson = value as { toJSON?: () => unknown };
    if (typeof withJson.toJSON === 'function') return redactValue(withJson.toJSON(), depth + 1, seen, maxDepth);
    return redactRecord(value as Record<string, unknown>, depth, seen, maxDepth);
  } finally {
    seen.delete(value);
  }
}

/** A record with every key and nested string redacted; undefined values dropped. */
export function redactRecord(record: Record<string, unknown>, depth = 0, seen: WeakSet<object> = new WeakSet(), maxDepth = MAX_DEPTH): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    const clean = redactValue(item, depth + 1, seen, maxDepth);
    if (clean !== undefined) out[redact(key)] = clean;
  }
  return out;
}
