// One circuit breaker per device (cockatiel's ConsecutiveBreaker): after N consecutive failed
// connects the device is left alone for a cool-down, so a run over many devices does not spend
// its time on one that is down. After the cool-down one try is let through (half-open): success
// closes the breaker, failure opens it again.

import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { DeviceError, isDeviceError } from '../errors.js';

export interface BreakerOptions {
  /** Consecutive failures that open a device's breaker; default 5. */
  failures?: number;
  /** Cool-down before one try is let through again, in ms; default 30 000. */
  halfOpenAfterMs?: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * What says a device is unwell. A refused login or an unknown host key says nothing about
 * its health (the device answered), and would open breakers for a config mistake.
 */
export function isDeviceHealthFailure(error: unknown): boolean {
  return isDeviceError(error) && (error.kind === 'connection' || error.kind === 'timeout' || error.kind === 'closed' || error.kind === 'prompt');
}

interface Entry {
  policy: CircuitBreakerPolicy;
  openUntil: Date | undefined;
}

export class DeviceBreakers {
  readonly failures: number;
  readonly halfOpenAfterMs: number;
  private readonly entries = new Map<string, Entry>();

  constructor(options: BreakerOptions = {}) {
    this.failures = options.failures ?? 5;
    this.halfOpenAfterMs = options.halfOpenAfterMs ?? 30_000;
  }

  /**
   * Runs `operation` under the device's breaker. While the breaker is open it fails fast with a
   * `connection` DeviceError (`details.breaker: 'open'`, `details.openUntil`) and does not run.
   */
  async execute<T>(device: string, operation: () => Promise<T>): Promise<T> {
    const entry = this.entry(device);
    try {
      return await entry.policy.execute(operation);
    } catch (error) {
      if (!(error instanceof BrokenCircuitError)) throw error;
      const until = entry.openUntil ?? new Date(Date.now() + this.halfOpenAfterMs);
      const last = entry.policy.lastFailure;
      const lastError = last && 'error' in last ? last.error : undefined;
      throw new DeviceError(
        'connection',
        device,
        `circuit breaker open for ${device} until ${until.toISOString()} after ${this.failures} consecutive failures${lastError instanceof Error ? ` (last: ${lastError.message})` : ''}; not connecting`,
        { breaker: 'open', openUntil: until.toISOString(), failures: this.failures, lastKind: isDeviceError(lastError) ? lastError.kind : undefined },
        { cause: error },
      );
    }
  }

  state(device: string): BreakerState {
    const state = this.entries.get(device)?.policy.state ?? CircuitState.Closed;
    if (state === CircuitState.HalfOpen) return 'half-open';
    if (state === CircuitState.Open || state === CircuitState.Isolated) {
      // cockatiel moves to half-open only on the next call; report the cool-down as it stands.
      const until = this.entries.get(device)?.openUntil;
      return until && until.getTime() <= Date.now() ? 'half-open' : 'open';
    }
    return 'closed';
  }

  /** Until when the device's breaker stays open, if it is. */
  openUntil(device: string): Date | undefined {
    return this.state(device) === 'open' ? this.entries.get(device)?.openUntil : undefined;
  }

  private entry(device: string): Entry {
    let entry = this.entries.get(device);
    if (entry) return entry;
    const policy = circuitBreaker(handleWhen(isDeviceHealthFailure), {
      breaker: new ConsecutiveBreaker(this.failures),
      halfOpenAfter: this.halfOpenAfterMs,
    });
    const created: Entry = { policy, openUntil: undefined };
    policy.onBreak(() => {
      created.openUntil = new Date(Date.now() + this.halfOpenAfterMs);
    });
    policy.onReset(() => {
      created.openUntil = undefined;
    });
    this.entries.set(device, created);
    entry = created;
    return entry;
  }
}
