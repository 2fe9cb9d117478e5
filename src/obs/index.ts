// Observability: logging, metrics, live events, and the redaction they all share.
export * from './redact.js';
export { redactRecord, redactValue } from './redact-value.js';
export * from './logger.js';
export * from './metrics.js';
export * from './events.js';
export { formatPretty } from './pretty.js';
