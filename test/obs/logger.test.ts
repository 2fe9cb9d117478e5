import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../src/obs/logger.js';
import { resetRedaction } from '../../src/obs/redact.js';
import type { LogEntry } from '../../src/store/types.js';
import { capture } from './capture.js';

afterEach(() => resetRedaction());

const clock = (): Date => new Date(2024, 4, 6, 12, 13, 14);

describe('createLogger (JSON)', () => {
  it('writes one pino JSON line per entry with the job log fields', () => {
    const out = capture();
    const log = createLogger({ pretty: false, destination: out.stream, now: clock });
    log.info('deploy', 'pushed 12 commands', { device: 'core-1', deployment: 'd-1', details: { commands: 12 } });
    const [line, ...rest] = out.lines();
    expect(rest).toEqual([]);
    expect(JSON.parse(line!)).toEqual({
      level: 'info',
      time: clock().toISOString(),
      category: 'deploy',
      device: 'core-1',
      deployment: 'd-1',
      details: { commands: 12 },
      msg: 'pushed 12 commands',
    });
  });

  it('drops entries below its level, from output and sink alike', () => {
    const out = capture();
    const entries: LogEntry[] = [];
    const log = createLogger({ level: 'warn', pretty: false, destination: out.stream, sink: (e) => entries.push(e) });
    log.debug('plan', 'd');
    log.info('plan', 'i');
    log.warn('plan', 'w');
    log.error('plan', 'e');
    expect(out.lines().map((l) => JSON.parse(l).level)).toEqual(['warn', 'error']);
    expect(entries.map((e) => e.level)).toEqual(['warn', 'error']);
    expect(log.level).toBe('warn');
  });

  it('defaults to info', () => {
    const out = capture();
    const log = createLogger({ pretty: false, destination: out.stream });
    log.debug('plan', 'hidden');
    log.info('plan', 'shown');
    expect(out.lines()).toHaveLength(1);
  });

  it('child loggers carry their bindings; per-entry fields override them', () => {
    const out = capture();
    const entries: LogEntry[] = [];
    const log = createLogger({ pretty: false, destination: out.stream, sink: (e) => entries.push(e), now: clock });
    const child = log.child({ deployment: 'd-9', correlationId: 'req-1' }).child({ device: 'edge-1' });
    child.warn('verify', 'interface down');
    child.info('verify', 'other device', { device: 'edge-2' });
    const [first, second] = out.lines().map((l) => JSON.parse(l));
    expect(first).toMatchObject({ deployment: 'd-9', device: 'edge-1', correlationId: 'req-1', msg: 'interface down' });
    expect(second).toMatchObject({ deployment: 'd-9', device: 'edge-2' });
    expect(entries[0]).toEqual({
      time: clock().toISOString(),
      level: 'warn',
      category: 'verify',
      deployment: 'd-9',
      device: 'edge-1',
      message: 'interface down',
      details: { correlationId: 'req-1' },
    });
  });

  it('survives a failing sink and reports it on the output', () => {
    const out = capture();
    const log = createLogger({
      pretty: false,
      destination: out.stream,
      sink: () => {
        throw new Error('database is locked');
      },
    });
    expect(() => log.info('backup', 'saved')).not.toThrow();
    const lines = out.lines().map((l) => JSON.parse(l));
    expect(lines[1]).toMatchObject({ level: 'error', category: 'log' });
    expect(lines[1].msg).toContain('database is locked');
  });
});

describe('createLogger (pretty)', () => {
  it('writes a short human line', () => {
    const out = capture();
    const log = createLogger({ pretty: true, destination: out.stream, now: clock });
    log.info('deploy', 'pushed 12 commands', { device: 'core-1' });
    log.error('backup', 'no route to host');
    log.warn('verify', 'slow', { details: { seconds: 31 } });
    expect(out.lines()).toEqual([
      '12:13:14 INFO  deploy core-1: pushed 12 commands',
      '12:13:14 ERROR backup: no route to host',
      '12:13:14 WARN  verify: slow {"seconds":31}',
    ]);
  });
});

describe('silentLogger', () => {
  it('accepts everything and writes nothing', () => {
    expect(() => silentLogger.child({ device: 'x' }).error('deploy', 'boom')).not.toThrow();
    expect(silentLogger.child({})).toBe(silentLogger);
  });
});
