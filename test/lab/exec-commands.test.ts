// Exec mode as the session sees it: which commands exist at which privilege level, the session
// actions they return, and every kind of CLI error with IOS's caret offset.

import { describe, expect, it } from 'vitest';
import type { CliError, SessionAction } from '../../src/lab/shell/contracts.js';
import { CORE_1, execHarness } from '../support/exec-device.js';

describe('session commands', () => {
  it.each<[string, SessionAction]>([
    ['enable', { kind: 'enable' }],
    ['en', { kind: 'enable' }],
    ['disable', { kind: 'disable' }],
    ['exit', { kind: 'logout' }],
    ['logout', { kind: 'logout' }],
    ['quit', { kind: 'logout' }],
    ['terminal length 0', { kind: 'terminal-length', lines: 0 }],
    ['term len 40', { kind: 'terminal-length', lines: 40 }],
    ['terminal width 132', { kind: 'terminal-width', columns: 132 }],
  ])('%s → %j, also in user exec', (line, action) => {
    const lab = execHarness(CORE_1);
    for (const privileged of [true, false]) expect(lab.run(line, privileged)).toEqual({ output: [], sessionAction: action });
  });

  it('configure terminal asks the session to enter config mode (the session prints the banner)', () => {
    expect(execHarness(CORE_1).run('conf t')).toEqual({ output: [], enterConfig: true });
  });

  it('show users lists the caller', () => {
    expect(execHarness(CORE_1).text('show users')).toContain('*  2 vty 0     netops     idle                 00:00:00 192.0.2.50');
  });
});

describe('privilege levels', () => {
  it.each(['show version', 'show ip interface brief', 'sh ip int br', 'show interfaces status', 'show interfaces Gi0/1', 'show ip route', 'ping 10.1.1.2'])(
    'user exec may run %s',
    (line) => {
      const result = execHarness(CORE_1).run(line, false);
      expect(result.error).toBeUndefined();
      expect(result.output.length).toBeGreaterThan(0);
    },
  );

  it.each<[string, number]>([
    ['show running-config', 5],
    ['sh run', 3],
    ['show startup-config', 5],
    ['show archive', 5],
    ['show ip access-lists', 8],
    ['configure terminal', 0],
    ['copy running-config startup-config', 0],
    ['write memory', 0],
    ['  wr', 2],
    ['dir flash:', 0],
  ])('user exec refuses %s with invalid input at offset %i', (line, offset) => {
    const lab = execHarness(CORE_1);
    expect(lab.run(line, false)).toEqual({ output: [], error: { kind: 'invalid', offset } });
    expect(lab.run(line, true).error).toBeUndefined();
  });

  it('privileged commands change nothing when refused', () => {
    const lab = execHarness(CORE_1);
    lab.device.startup = '';
    lab.run('write memory', false);
    expect(lab.device.startup).toBe('');
  });
});

describe('CLI errors', () => {
  it.each<[string, CliError, boolean?]>([
    ['frobnicate', { kind: 'unknown' }],
    ['frobnicate', { kind: 'unknown' }, false],
    ['co', { kind: 'ambiguous', input: 'co' }],
    ['show', { kind: 'incomplete' }],
    ['show ip', { kind: 'incomplete' }],
    ['configure', { kind: 'incomplete' }],
    ['copy running-config', { kind: 'incomplete' }],
    ['show bogus', { kind: 'invalid', offset: 5 }],
    ['show bogus', { kind: 'invalid', offset: 5 }, false],
    ['sh run bogus', { kind: 'invalid', offset: 7 }],
    ['show version extra', { kind: 'invalid', offset: 13 }],
    ['terminal length 600', { kind: 'invalid', offset: 16 }],
    ['configure terminal revert timer 500', { kind: 'invalid', offset: 32 }],
    ['ping 10.1.1', { kind: 'invalid', offset: 5 }],
    ['show interfaces GigabitEthernet0/9', { kind: 'invalid', offset: 16 }],
    ['show running-config interface Gi0/9', { kind: 'invalid', offset: 30 }],
    ['copy running-config tftp:x', { kind: 'invalid', offset: 20 }],
    ['copy bogus startup-config', { kind: 'invalid', offset: 5 }],
    ['configure replace tftp:x force', { kind: 'invalid', offset: 18 }],
    ['ping vrf NOPE 10.1.1.2', { kind: 'invalid', offset: 9 }],
  ])('%s → %j', (line, error, privileged = true) => {
    expect(execHarness(CORE_1).run(line, privileged)).toEqual({ output: [], error });
  });

  it('reports filter errors at their place after the |', () => {
    const lab = execHarness(CORE_1);
    expect(lab.run('ping 10.1.1.2 | include x').error).toEqual({ kind: 'invalid', offset: 14 });
    expect(lab.run('show run | frobnicate x').error).toEqual({ kind: 'invalid', offset: 11 });
    expect(lab.run('show run | include').error).toEqual({ kind: 'incomplete' });
    expect(lab.run('show run | include (').error).toEqual({ kind: 'invalid', offset: 19 });
  });

  it('a blank line does nothing', () => {
    expect(execHarness(CORE_1).run('   ')).toEqual({ output: [] });
  });
});
