import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../../src/server/auth/login-limiter.js';

function setup(attempts = 3, windowMs = 60_000) {
  const clock = { t: 1_000_000 };
  const limiter = new LoginLimiter({ attempts, windowMs, now: () => clock.t });
  return { clock, limiter, advance: (ms: number) => void (clock.t += ms) };
}

describe('login limiter', () => {
  it('blocks after N failures within the window, per key', () => {
    const { limiter } = setup(3);
    for (let i = 0; i < 3; i++) {
      expect(limiter.check('alice|10.0.0.1')).toEqual({ allowed: true });
      limiter.fail('alice|10.0.0.1');
    }
    expect(limiter.check('alice|10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.check('alice|10.0.0.2')).toEqual({ allowed: true });
  });

  it('counts retryAfter down with the clock, then allows again', () => {
    const { limiter, advance } = setup(3);
    for (let i = 0; i < 3; i++) limiter.fail('k');
    advance(20_500);
    expect(limiter.check('k')).toEqual({ allowed: false, retryAfterSeconds: 40 });
    advance(39_000);
    expect(limiter.check('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    advance(500);
    expect(limiter.check('k')).toEqual({ allowed: true });
  });

  it('slides: only failures inside the window count', () => {
    const { limiter, advance } = setup(3);
    limiter.fail('k');
    advance(30_000);
    limiter.fail('k');
    limiter.fail('k');
    // Blocked until the first failure (30 s ago) leaves the window.
    expect(limiter.check('k')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    advance(30_000);
    expect(limiter.check('k')).toEqual({ allowed: true });
    limiter.fail('k');
    // Back to three failures within the window; the oldest one now is 30 s old.
    expect(limiter.check('k')).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('clears a key on success', () => {
    const { limiter } = setup(2);
    limiter.fail('k');
    limiter.fail('k');
    expect(limiter.check('k').allowed).toBe(false);
    limiter.succeed('k');
    expect(limiter.check('k')).toEqual({ allowed: true });
    expect(limiter.size).toBe(0);
  });

  it('forgets keys whose failures have left the window', () => {
    const { limiter, advance } = setup(5, 10_000);
    for (let i = 0; i < 100; i++) limiter.fail(`user${i}|ip`);
    expect(limiter.size).toBe(100);
    advance(10_000);
    // Any access after a window sweeps the stale keys, not only the one touched.
    expect(limiter.check('someone-else').allowed).toBe(true);
    expect(limiter.size).toBe(0);
  });

  it('keeps at most `attempts` failure times per key', () => {
    const { limiter, advance } = setup(2);
    for (let i = 0; i < 1000; i++) {
      limiter.fail('k');
      advance(10);
    }
    // The two newest failures decide: the older of them is 20 ms old.
    expect(limiter.check('k')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('refuses nonsense options', () => {
    expect(() => new LoginLimiter({ attempts: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => new LoginLimiter({ attempts: 3, windowMs: 0 })).toThrow(RangeError);
  });
});
