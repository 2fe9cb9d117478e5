import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/config/inventory/schedules.js';
import { FILE, parse, problems } from './helpers.js';

const inventory = (schedules: string) => `settings:
  schedules:
${schedules}groups:
  core: {}
devices:
  - { name: r1, host: 10.0.0.1, groups: [core] }
`;

describe('settings.schedules', () => {
  it('is empty by default', () => {
    expect(parse('').settings.schedules).toEqual([]);
  });

  it('resolves cron and every schedules, with their defaults', () => {
    const text = inventory(`    - name: nightly-backup
      kind: backup
      cron: '0 2 * * *'
    - name: drift_15m
      kind: drift
      every: 15m
      devices: [r1]
      groups: [core]
      start: 2025-06-01T22:00:00+02:00
      end: 2025-07-01T00:00:00Z
      enabled: false
`);
    expect(parse(text).settings.schedules).toEqual([
      { name: 'nightly-backup', kind: 'backup', cron: '0 2 * * *', devices: [], groups: [], enabled: true },
      {
        name: 'drift_15m',
        kind: 'drift',
        everySeconds: 900,
        devices: ['r1'],
        groups: ['core'],
        // Normalized to UTC, so that windows compare as strings.
        start: '2025-06-01T20:00:00.000Z',
        end: '2025-07-01T00:00:00.000Z',
        enabled: false,
      },
    ]);
  });

  it('takes a cron expression with seconds', () => {
    const text = inventory(`    - { name: s, kind: drift, cron: '30 */5 * * * *' }\n`);
    expect(parse(text).settings.schedules[0]?.cron).toBe('30 */5 * * * *');
  });

  it('reads durations in seconds, minutes, hours and days', () => {
    expect(['10s', '30s', '15m', '2h', '1d'].map(parseDuration)).toEqual([10, 30, 900, 7200, 86_400]);
    expect(['', '15', '1.5h', '0m', '-1m', '1w', '15 m', '1h30m'].map(parseDuration)).toEqual(Array(8).fill(undefined));
  });

  const entry = (fields: string) => inventory(`    - name: s1\n      kind: backup\n${fields}`);

  it.each([
    ['a bad cron field', `      cron: '61 * * * *'\n`, `${FILE}:5: settings.schedules[0].cron: CronPattern: Invalid value for minute: 61`],
    ['a cron with too few fields', `      cron: '* * *'\n`, `${FILE}:5: settings.schedules[0].cron: expected 5 or 6 cron fields (minute hour day month weekday, seconds first if 6), got 3`],
    ['a cron with a year field', `      cron: '0 0 0 1 1 * 2030'\n`, `${FILE}:5: settings.schedules[0].cron: expected 5 or 6 cron fields (minute hour day month weekday, seconds first if 6), got 7`],
    ['a cron that never runs', `      cron: '0 0 31 2 *'\n`, `${FILE}:5: settings.schedules[0].cron: never matches a date`],
    ['an every that is not a duration', `      every: 15\n`, `${FILE}:5: settings.schedules[0].every: expected string, received number`],
    ['an every in an unknown unit', `      every: 1w\n`, `${FILE}:5: settings.schedules[0].every: expected a duration like 30s, 15m, 2h or 1d`],
    ['an every under 10s', `      every: 5s\n`, `${FILE}:5: settings.schedules[0].every: must be at least 10s`],
    ['neither cron nor every', ``, `${FILE}:3: settings.schedules[0]: needs either cron or every (one of them, not both)`],
    ['both cron and every', `      cron: '0 * * * *'\n      every: 1h\n`, `${FILE}:3: settings.schedules[0]: needs either cron or every (one of them, not both)`],
    ['an unknown device', `      every: 1h\n      devices: [r1, r2]\n`, `${FILE}:6: settings.schedules[0].devices[1]: unknown device "r2"`],
    ['an unknown group', `      every: 1h\n      groups:\n        - edge\n`, `${FILE}:7: settings.schedules[0].groups[0]: unknown group "edge"`],
    ['a start without a zone', `      every: 1h\n      start: 2025-06-01T22:00:00\n`, `${FILE}:6: settings.schedules[0].start: expected an ISO 8601 date-time with a zone, like 2025-06-01T22:00:00Z or 2025-06-01T22:00:00+02:00`],
    ['an impossible date', `      every: 1h\n      end: 2025-02-30T00:00:00Z\n`, `${FILE}:6: settings.schedules[0].end: expected an ISO 8601 date-time with a zone, like 2025-06-01T22:00:00Z or 2025-06-01T22:00:00+02:00`],
    ['an end before the start', `      every: 1h\n      start: 2025-06-02T00:00:00Z\n      end: 2025-06-02T01:00:00+02:00\n`, `${FILE}:7: settings.schedules[0].end: must be after start`],
    ['an end equal to the start', `      every: 1h\n      start: 2025-06-02T00:00:00Z\n      end: 2025-06-02T02:00:00+02:00\n`, `${FILE}:7: settings.schedules[0].end: must be after start`],
    ['an unknown key', `      every: 1h\n      timezone: UTC\n`, `${FILE}:6: settings.schedules[0].timezone: unknown field`],
    ['a non-boolean enabled', `      every: 1h\n      enabled: yes\n`, `${FILE}:6: settings.schedules[0].enabled: expected boolean, received string`],
  ])('rejects %s', (_, fields, expected) => {
    expect(problems(entry(fields))).toEqual([expected]);
  });

  it('rejects an unknown kind', () => {
    expect(problems(inventory(`    - { name: s1, kind: restore, every: 1h }\n`))).toEqual([
      `${FILE}:3: settings.schedules[0].kind: expected one of "backup", "drift", received "restore"`,
    ]);
  });

  it('rejects a name that is not an identifier, and a missing one', () => {
    expect(problems(inventory(`    - { name: 'nightly backup', kind: backup, every: 1d }\n`))).toEqual([
      `${FILE}:3: settings.schedules[0].name: expected letters, digits, "-" or "_"`,
    ]);
    expect(problems(inventory(`    - kind: backup\n      every: 1d\n`))).toEqual([`${FILE}:3: settings.schedules[0].name: required`]);
  });

  it('rejects a duplicate name at the second schedule', () => {
    const text = inventory(`    - name: nightly
      kind: backup
      every: 1d
    - name: nightly
      kind: drift
      every: 1h
`);
    expect(problems(text)).toEqual([`${FILE}:6: settings.schedules[1].name: duplicate schedule name "nightly" (first at schedules[0])`]);
  });

  it('reports unknown references with the schedule problems, in file order', () => {
    const text = inventory(`    - name: a
      kind: drift
      every: 5s
      devices: [ghost]
`);
    expect(problems(text)).toEqual([
      `${FILE}:5: settings.schedules[0].every: must be at least 10s`,
      `${FILE}:6: settings.schedules[0].devices[0]: unknown device "ghost"`,
    ]);
  });
});
