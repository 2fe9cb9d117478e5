// Slows down password guessing against the HTTP service's login: after `attempts` failures for
// one key (e.g. `user|ip`) within `windowMs`, further tries are refused until the oldest of them
// leaves the window. In memory only: a restart forgets, which is acceptable for a brake on guessing.

export interface LoginLimiterOptions {
  attempts: number;
  windowMs: number;
  now?: () => number;
}

export class LoginLimiter {
  private readonly attempts: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  /** Failure times per key, oldest first; at most `attempts` kept, as older ones cannot matter. */
  private readonly failures = new Map<string, number[]>();
  private lastSweep: number;

  constructor(options: LoginLimiterOptions) {
    if (!Number.isInteger(options.attempts) || options.attempts < 1) throw new RangeError(`attempts must be a positive integer, got ${options.attempts}`);
    if (!Number.isFinite(options.windowMs) || options.windowMs <= 0) throw new RangeError(`windowMs must be positive, got ${options.windowMs}`);
    this.attempts = options.attempts;
    this.windowMs = options.windowMs;
    this.now = options.now ?? Date.now;
    this.lastSweep = this.now();
  }

  /** Whether a login for this key (e.g. `user|ip`) may be tried now; when not, the seconds until it may. */
  check(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const times = this.current(key, now);
    if (times.length < this.attempts) return { allowed: true };
    // Allowed again once the oldest kept failure leaves the window; at least 1 s so a client never busy-loops on 0.
    const oldest = times[0] ?? now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
  }

  /** A failed attempt: counts toward the limit within the window (sliding window of failure times). */
  fail(key: string): void {
    const now = this.now();
    const times = this.current(key, now);
    times.push(now);
    if (times.length > this.attempts) times.splice(0, times.length - this.attempts);
    this.failures.set(key, times);
  }

  /** A successful login clears the key's failures. */
  succeed(key: string): void {
    this.failures.delete(key);
    this.sweep(this.now());
  }

  /** Number of keys remembered (for metrics and tests). */
  get size(): number {
    return this.failures.size;
  }

  /** The key's failures still inside the window; a key with none left is forgotten. */
  private current(key: string, now: number): number[] {
    this.sweep(now);
    const times = this.failures.get(key);
    if (!times) return [];
    const live = times.filter((t) => now - t < this.windowMs);
    if (live.length === 0) this.failures.delete(key);
    else if (live.length !== times.length) this.failures.set(key, live);
    return live;
  }

  /** Forgets keys whose failures have all left the window; at most once per window, so a login stays O(1) amortised. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.failures) {
      const newest = times[times.length - 1];
      if (newest === undefined || now - newest >= this.windowMs) this.failures.delete(key);
    }
  }
}
