// The pure parts: terminal text cleanup, grouping of config lines into units, failure strings.

import { describe, expect, it } from 'vitest';
import { configLines, configUnits } from '../../src/device/config-units.js';
import { stripEcho } from '../../src/device/ios-driver.js';
import { ciscoIosDevice, findFailure, findFailureInText } from '../../src/device/platforms/cisco-ios.js';
import { redact } from '../../src/obs/redact.js';
import { TerminalText } from '../../src/device/terminal-text.js';

describe('TerminalText', () => {
  it('drops ANSI sequences, CR and NUL, also when split across chunks', () => {
    const screen = new TerminalText();
    for (const chunk of ['line one\r', '\n\x1b[', '1;32mgreen\x1b[0m\r\n', 'r1#']) screen.append(chunk);
    expect(screen.text).toBe('line one\ngreen\nr1#');
  });

  it('gives its tail and length without the rest, across chunks', () => {
    const screen = new TerminalText();
    for (const chunk of ['abc\r\n', 'def', '\x1b[0mgh', '\r', '\nr1#']) screen.append(chunk);
    expect(screen.length).toBe('abc\ndefgh\nr1#'.length);
    expect(screen.tail(6)).toBe('gh\nr1#');
    expect(screen.tail(100)).toBe('abc\ndefgh\nr1#');
    expect(screen.take(4)).toBe('abc\n');
    expect([screen.text, screen.length, screen.tail(3)]).toEqual(['defgh\nr1#', 9, 'r1#']);
  });

  it('applies backspaces within the line, as the --More-- eraser relies on', () => {
    const screen = new TerminalText();
    screen.append('a\n --More-- ');
    screen.append('\b'.repeat(10) + ' '.repeat(10) + '\b'.repeat(10) + 'next');
    expect(screen.text).toBe('a\nnext');
  });
});

describe('configUnits', () => {
  it('groups a banner with its text up to the delimiter and keeps indentation as depth', () => {
    const units = configUnits(configLines(['interface Loopback1', ' description x', 'exit', 'banner motd ^\nhello\nworld\n^', 'banner exec #one line#']));
    expect(units.map((u) => [u.lines.length, u.depth, u.delimiter])).toEqual([
      [1, 0, undefined],
      [1, 1, undefined],
      [1, 0, undefined],
      [4, 0, '^'],
      [1, 0, undefined],
    ]);
  });

  it('renders plan commands with the engine, banner delimiters included', () => {
    const lines = configLines([
      { path: [], text: 'banner login', kind: 'add', reason: 'r', body: 'no ^ here?\nok' },
      { path: ['interface Loopback2'], text: 'description y', kind: 'add', reason: 'r' },
    ]);
    expect(lines).toEqual(['banner login #', 'no ^ here?', 'ok', '#', 'interface Loopback2', ' description y', 'exit']);
    expect(configUnits(lines)[0]?.lines).toHaveLength(4);
  });
});

describe('stripEcho', () => {
  it('drops the echoed command line and the prompt line', () => {
    expect(stripEcho('show clock\n12:00\nUTC\nr1#', 'show clock')).toBe('12:00\nUTC');
    expect(stripEcho('show clock\nr1#', 'show clock')).toBe('');
    expect(stripEcho('12:00\nr1#', 'show clock')).toBe('12:00');
    expect(stripEcho('r1#', 'show clock')).toBe('');
  });
});

describe('findFailure', () => {
  it('knows IOS refusals and ignores syslog lines', () => {
    const find = (...lines: string[]) => findFailure(ciscoIosDevice, lines)?.reason;
    expect(find('   ^', "% Invalid input detected at '^' marker.")).toBe('invalid_input');
    expect(find('% Incomplete command.')).toBe('incomplete');
    expect(find('% Ambiguous command:  "sh"')).toBe('ambiguous');
    expect(find('% Bad mask 0xFF000001 for address 10.0.0.1')).toBe('bad_mask');
    expect(find('% Command authorization failed.')).toBe('authorization');
    expect(find('% 10.0.0.0 overlaps with GigabitEthernet0/1')).toBe('overlap');
    expect(find(' description overlaps with the old uplink')).toBeUndefined();
    expect(find('% Some other refusal')).toBe('error');
    expect(find('%SYS-5-CONFIG_I: Configured from console by catnet', 'all fine')).toBeUndefined();
  });

  it('reads a whole output the same way, looking only at lines that start with %', () => {
    const inText = (text: string) => findFailureInText(ciscoIosDevice, text);
    expect(inText('banner motd ^C100% uptime^C\n description 50% of uplink\n  % Incomplete command.\n')).toEqual({ line: '% Incomplete command.', reason: 'incomplete' });
    expect(inText('%SYS-5-CONFIG_I: Configured\n description overlaps with x\n')).toBeUndefined();
    expect(inText("sh\n% Ambiguous command:  \"sh\"")?.reason).toBe('ambiguous');
  });
});

describe('redact', () => {
  it('masks credentials and the values of secret-bearing config words', () => {
    const text = 'r1(config)#username ops privilege 15 secret 9 $9$abc\nenable secret S3cretValue\nkey-string 7 0822455D\nlogin: hunter22';
    expect(redact(text, ['hunter22'])).toBe('r1(config)#username ops privilege 15 secret 9 ********\nenable secret ********\nkey-string 7 ********\nlogin: ********');
  });
});
