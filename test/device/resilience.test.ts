// Retry, circuit breaker and credential fallback against the lab over real SSH: faults switched
// on and off while a connect is in progress, small delays so that the tests stay fast.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceError } from '../../src/device/errors.js';
import { DeviceBreakers } from '../../src/device/resilience/breaker.js';
import { connectWithRetry, type ResilientConnectOptions } from '../../src/device/resilience/connect.js';
import type { CredentialSet } from '../../src/device/resilience/credentials.js';
import { isTransientConnectError } from '../../src/device/resilience/retry.js';
import { failure, smallConfig, startDeviceLab, type DeviceLab } from './device-lab.js';

const fast = { initialDelayMs: 20, maxDelayMs: 60 };

describe('resilient connect', () => {
  let env: DeviceLab;
  let good: CredentialSet;
  const wrong: CredentialSet = { name: 'old-password', username: 'admin', password: 'not-the-password' };

  const options = (name: string, overrides: Partial<ResilientConnectOptions> = {}): ResilientConnectOptions => {
    const { username: _u, password: _p, enableSecret: _e, ...rest } = env.options(name);
    return { ...rest, credentials: [good], ...overrides };
  };

  beforeAll(async () => {
    env = await startDeviceLab([
      { name: 'r1', config: smallConfig('r1') },
      { name: 'r2', config: smallConfig('r2') },
      { name: 'r3', config: smallConfig('r3') },
    ]);
    const { username, password, enableSecret } = env.lab.credentials;
    good = { name: 'lab', username, password, enableSecret };
  });
  afterAll(async () => {
    await env.lab.stop();
  });

  it('retries a refused port and connects once the port is back', async () => {
    await env.lab.setFaults('r1', { refuseConnections: true });
    let lifted: Promise<void> | undefined;
    const connection = await connectWithRetry(
      options('r1', {
        retry: {
          attempts: 20,
          ...fast,
          // The port comes back after the second refusal, while the connect is in progress.
          onRetry: ({ attempt }) => {
            if (attempt === 2) lifted = env.lab.setFaults('r1', {});
          },
        },
      }),
    );
    await lifted;
    expect(connection.attempts).toBeGreaterThanOrEqual(3);
    expect(connection.retried.every((e) => e.kind === 'connection')).toBe(true);
    expect(connection.credential).toBe('lab');
    expect(await connection.driver.getRunningConfig()).toContain('hostname r1');
    connection.driver.close();
  });

  it('gives up after the configured attempts with the last transient error', async () => {
    await env.lab.setFaults('r1', { refuseConnections: true });
    const error = await failure(connectWithRetry(options('r1', { retry: { attempts: 3, ...fast } })));
    await env.lab.setFaults('r1', {});
    expect(error).toBeInstanceOf(DeviceError);
    expect(error.kind).toBe('connection');
  });

  it('does not retry a refused login: it is final when no other credential set exists', async () => {
    await env.lab.setFaults('r1', { authFailure: true });
    const retries: number[] = [];
    const error = await failure(connectWithRetry(options('r1', { retry: { attempts: 5, ...fast, onRetry: ({ attempt }) => retries.push(attempt) } })));
    await env.lab.setFaults('r1', {});
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('every credential set (lab)');
    expect(retries).toEqual([]);
  });

  it('falls back to the next credential set on a refused login and names the one that worked', async () => {
    const retries: number[] = [];
    const connection = await connectWithRetry(options('r2', { credentials: [wrong, good], retry: { attempts: 5, ...fast, onRetry: ({ attempt }) => retries.push(attempt) } }));
    expect(connection.credential).toBe('lab');
    expect(connection.refused).toEqual(['old-password']);
    expect(connection.attempts).toBe(2); // one try per set: the refusal was not retried
    expect(retries).toEqual([]);
    expect(JSON.stringify({ ...connection, driver: undefined })).not.toContain(good.password);
    expect(connection.driver.privileged).toBe(true);
    connection.driver.close();
  });

  it('does not fall back on errors other than auth', async () => {
    await env.lab.setFaults('r2', { refuseConnections: true });
    const error = await failure(connectWithRetry(options('r2', { credentials: [good, wrong], retry: { attempts: 1 } })));
    await env.lab.setFaults('r2', {});
    expect(error.kind).toBe('connection');
  });

  it('opens the breaker after N consecutive failures, fails fast while open, half-opens after the cool-down', async () => {
    const breakers = new DeviceBreakers({ failures: 3, halfOpenAfterMs: 200 });
    await env.lab.setFaults('r3', { refuseConnections: true });
    for (let i = 0; i < 3; i++) {
      const error = await failure(connectWithRetry(options('r3', { breakers, retry: { attempts: 1 } })));
      expect(error.details.breaker).toBeUndefined();
      expect(error.kind).toBe('connection');
    }
    expect(breakers.state('r3')).toBe('open');

    // Open: the device is not contacted, even once its port is back.
    await env.lab.setFaults('r3', {});
    const started = Date.now();
    const fastFail = await failure(connectWithRetry(options('r3', { breakers, retry: { attempts: 5, ...fast } })));
    expect(Date.now() - started).toBeLessThan(100);
    expect(fastFail.kind).toBe('connection');
    expect(fastFail.details.breaker).toBe('open');
    expect(fastFail.message).toMatch(/circuit breaker open for r3 until \d{4}-\d\d-\d\dT[\d:.]+Z/);
    expect(isTransientConnectError(fastFail)).toBe(false);

    // After the cool-down one try goes through; it succeeds and closes the breaker.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(breakers.state('r3')).toBe('half-open');
    const connection = await connectWithRetry(options('r3', { breakers, retry: { attempts: 1 } }));
    expect(breakers.state('r3')).toBe('closed');
    connection.driver.close();
  });

  it('re-opens a half-open breaker when the trial connect fails, and stops retries at the breaker', async () => {
    const breakers = new DeviceBreakers({ failures: 2, halfOpenAfterMs: 200 });
    await env.lab.setFaults('r3', { refuseConnections: true });
    // Retries count against the breaker: it opens after two tries and ends the retrying.
    const retries: number[] = [];
    const opened = await failure(connectWithRetry(options('r3', { breakers, retry: { attempts: 10, ...fast, onRetry: ({ attempt }) => retries.push(attempt) } })));
    expect(opened.details.breaker).toBe('open');
    expect(retries).toEqual([1, 2]);

    await new Promise((resolve) => setTimeout(resolve, 250));
    const trial = await failure(connectWithRetry(options('r3', { breakers, retry: { attempts: 1 } })));
    expect(trial.details.breaker).toBeUndefined(); // the trial really connected, and was refused
    expect(breakers.state('r3')).toBe('open');
    await env.lab.setFaults('r3', {});
  });

  it('classifies connect failures: only network-level ones before login are transient', () => {
    const e = (kind: DeviceError['kind'], details: Record<string, unknown> = {}): DeviceError => new DeviceError(kind, 'x', 'm', details);
    expect(isTransientConnectError(e('connection', { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientConnectError(e('timeout', { phase: 'connect' }))).toBe(true);
    expect(isTransientConnectError(e('closed', { phase: 'auth' }))).toBe(true);
    expect(isTransientConnectError(e('closed', { phase: 'session', command: 'enable' }))).toBe(false);
    expect(isTransientConnectError(e('timeout', { command: 'show run' }))).toBe(false);
    for (const kind of ['auth', 'host_key', 'command_rejected', 'privilege', 'prompt'] as const) expect(isTransientConnectError(e(kind))).toBe(false);
    expect(isTransientConnectError(new Error('boom'))).toBe(false);
  });
});
