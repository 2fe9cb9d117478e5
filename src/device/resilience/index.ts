// Retry, per-device circuit breakers, credential fallback and session pooling for the device layer.

export { DEFAULT_RETRY, connectRetryPolicy, isTransientConnectError, withRetry, type RetryEvent, type RetryOptions } from './retry.js';
export { DeviceBreakers, isDeviceHealthFailure, type BreakerOptions, type BreakerState } from './breaker.js';
export { tryCredentials, type CredentialOutcome, type CredentialSet } from './credentials.js';
export { connectWithRetry, type ResilientConnectOptions, type ResilientConnection } from './connect.js';
export { DevicePool, type DevicePoolOptions, type PoolStats } from './pool.js';
