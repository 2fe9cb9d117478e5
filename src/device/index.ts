// The device layer's public surface: connect and drive an IOS device, push config, errors.

export { DeviceError, isDeviceError, type DeviceErrorKind } from './errors.js';
export { KnownHosts, fingerprint, type HostKeyMode } from './known-hosts.js';
export { Channel, type Answer, type ReadOptions } from './channel.js';
export { connectIos, IosDriver, type CommandOptions, type IosConnectOptions } from './ios-driver.js';
export { pushConfig, type PushFailure, type PushOptions, type PushResult } from './push.js';
export { configUnits, type PushInput } from './config-units.js';
export { redact } from '../obs/redact.js';
export { ciscoIosDevice, findFailure, type DevicePlatform } from './platforms/cisco-ios.js';
export { DEFAULT_TIMEOUTS, type Timeouts, type Transport } from './transport/types.js';
export { openSsh, LEGACY_ALGORITHMS } from './transport/ssh.js';
export { openTelnet } from './transport/telnet.js';
export {
  DEFAULT_RETRY,
  DeviceBreakers,
  DevicePool,
  connectRetryPolicy,
  connectWithRetry,
  isDeviceHealthFailure,
  isTransientConnectError,
  tryCredentials,
  withRetry,
  type BreakerOptions,
  type BreakerState,
  type CredentialOutcome,
  type CredentialSet,
  type DevicePoolOptions,
  type PoolStats,
  type ResilientConnectOptions,
  type ResilientConnection,
  type RetryEvent,
  type RetryOptions,
} from './resilience/index.js';
