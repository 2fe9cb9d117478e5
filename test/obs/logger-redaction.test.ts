// The guarantee that matters most: no secret's plaintext reaches any sink of the logger.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../../src/obs/logger.js';
import { MASK, registerSecret, resetRedaction } from '../../src/obs/redact.js';
import type { LogEntry } from '../../src/store/types.js';
import { capture } from './capture.js';

afterEach(() => resetRedaction());

const SECRET = 'Tr0ub4dor&3-login';
const ENABLE = 'En4ble-Hunter2';

function logEverywhere(log: Logger): void {
  log.info('auth', `login with ${SECRET} ok`);
  log.warn('deploy', 'pushed', { device: 'core-1', details: { command: `enable secret ${ENABLE}` } });
  log.error('deploy', 'push failed', {
    details: {
      nested: { deeper: [`password ${SECRET}`, { line: ` enable secret 5 ${ENABLE}` }] },
      error: new Error(`auth failed for ${SECRET}`),
      [SECRET]: 'a secret as a key',
    },
  });
  log.child({ correlationId: SECRET }).info('http', 'request');
}

function expectClean(text: string): void {
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(ENABLE);
  expect(text).toContain(MASK);
}

describe('logger redaction', () => {
  it('masks registered secrets and IOS secret lines in JSON output and the sink', () => {
    registerSecret(SECRET);
    const out = capture();
    const entries: LogEntry[] = [];
    logEverywhere(createLogger({ level: 'debug', pretty: false, destination: out.stream, sink: (e) => entries.push(e) }));
    expect(out.lines()).toHaveLength(4);
    expect(entries).toHaveLength(4);
    expectClean(out.text());
    expectClean(JSON.stringify(entries));
    expect(entries[1]!.details).toEqual({ command: `enable secret ${MASK}` });
  });

  it('masks them in pretty output', () => {
    registerSecret(SECRET);
    const out = capture();
    logEverywhere(createLogger({ pretty: true, destination: out.stream }));
    expect(out.lines()).toHaveLength(4);
    expectClean(out.text());
  });

  it('masks a secret registered after the logger was created', () => {
    const out = capture();
    const log = createLogger({ pretty: false, destination: out.stream });
    registerSecret(SECRET);
    log.info('auth', SECRET);
    expect(out.text()).not.toContain(SECRET);
  });

  it('survives circular details', () => {
    const out = capture();
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    createLogger({ pretty: false, destination: out.stream }).info('plan', 'x', { details: { loop } });
    expect(JSON.parse(out.lines()[0]!).details.loop).toEqual({ name: 'loop', self: '[Circular]' });
  });
});
