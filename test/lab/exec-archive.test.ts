// The rollback-confirmed change (configure terminal revert timer, configure confirm, expiry on
// a fake clock), show archive, and configure replace.

import { describe, expect, it } from 'vitest';
import { CORE_1, execHarness, type ExecHarness } from '../support/exec-device.js';
import { withLines, withSectionLines } from '../support/config-text.js';

const MINUTE = 60_000;
const CHANGED = withLines(CORE_1, 'ip route 172.20.0.0 255.255.0.0 10.1.1.2');

/** A change in config mode during the rollback-confirmed change. */
function change(lab: ExecHarness): void {
  lab.configure('ip route 172.20.0.0 255.255.0.0 10.1.1.2', 'interface GigabitEthernet0/3', 'shutdown');
}

describe('configure terminal revert timer', () => {
  it('archives the running config and enters config mode', () => {
    const lab = execHarness(CORE_1);
    const before = lab.device.runningConfigBody();
    expect(lab.run('configure terminal revert timer 5')).toEqual({ output: [], enterConfig: true });
    expect(lab.device.archive).toEqual(['flash:archive-1']);
    expect(lab.device.flash.get('archive-1')).toBe(before);
    expect(lab.clock.pendingTimers).toBe(1);
  });

  it('rolls the config back when the timer expires unconfirmed', () => {
    const lab = execHarness(CORE_1);
    const before = lab.device.runningConfigBody();
    lab.run('conf t revert timer 5');
    change(lab);
    lab.clock.advance(5 * MINUTE - 1);
    expect(lab.device.runningConfigBody()).toContain('172.20.0.0');
    lab.clock.advance(1);
    expect(lab.device.runningConfigBody()).toBe(before);
    expect(lab.device.pendingRevert).toBeUndefined();
    expect(lab.text('show running-config')).not.toContain('172.20.0.0');
    expect(lab.text('show ip interface brief')).toContain('GigabitEthernet0/3         192.0.2.1       YES NVRAM  up                    up');
    expect(lab.run('configure confirm').output).toEqual(['%No Rollback Confirmed Change pending']);
  });

  it('configure confirm keeps the change and cancels the timer', () => {
    const lab = execHarness(CORE_1);
    lab.run('configure terminal revert timer 1');
    change(lab);
    expect(lab.run('configure confirm')).toEqual({ output: [] });
    expect(lab.clock.pendingTimers).toBe(0);
    lab.clock.advance(60 * MINUTE);
    expect(lab.device.runningConfigBody()).toContain('172.20.0.0');
  });

  it('configure confirm with nothing pending says so', () => {
    expect(execHarness(CORE_1).run('configure confirm').output).toEqual(['%No Rollback Confirmed Change pending']);
  });

  it('a second revert timer moves the deadline but keeps the first archive', () => {
    const lab = execHarness(CORE_1);
    const before = lab.device.runningConfigBody();
    lab.run('configure terminal revert timer 2');
    change(lab);
    lab.run('configure terminal revert timer 10');
    expect(lab.device.archive).toEqual(['flash:archive-1']);
    lab.clock.advance(5 * MINUTE);
    expect(lab.device.runningConfigBody()).toContain('172.20.0.0');
    lab.clock.advance(5 * MINUTE);
    expect(lab.device.runningConfigBody()).toBe(before);
  });

  it('configure revert now rolls back at once; configure revert timer N moves the deadline', () => {
    const lab = execHarness(CORE_1);
    const before = lab.device.runningConfigBody();
    expect(lab.run('configure revert now').output).toEqual(['%No Rollback Confirmed Change pending']);
    lab.run('configure terminal revert timer 2');
    change(lab);
    expect(lab.run('configure revert timer 30')).toEqual({ output: [] });
    lab.clock.advance(29 * MINUTE);
    expect(lab.device.runningConfigBody()).toContain('172.20.0.0');
    expect(lab.run('configure revert now')).toEqual({ output: [] });
    expect(lab.device.runningConfigBody()).toBe(before);
    expect(lab.clock.pendingTimers).toBe(0);
  });
});

describe('show archive', () => {
  it('lists the archive slots with the newest marked', () => {
    const lab = execHarness(CORE_1);
    lab.run('configure terminal revert timer 5');
    lab.run('configure confirm');
    expect(lab.run('show archive')).toEqual({
      paged: true,
      output: [
        'The maximum archive configurations allowed is 10.',
        'The next archive file will be named flash:archive-2',
        ' Archive #  Name',
        '   1        flash:archive-1 <- Most Recent',
        ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `   ${n}`),
      ],
    });
  });

  it('reuses the slots from the first once all ten are taken', () => {
    const lab = execHarness(CORE_1);
    for (let i = 0; i < 12; i++) {
      lab.run('configure terminal revert timer 5');
      lab.run('configure confirm');
    }
    const output = lab.run('show archive').output;
    expect(output[1]).toBe('The next archive file will be named flash:archive-13');
    expect(output.slice(3, 6)).toEqual(['   1        flash:archive-11', '   2        flash:archive-12 <- Most Recent', '   3        flash:archive-3']);
  });

  it('names archives after the configured archive path', () => {
    const lab = execHarness(withLines(CORE_1, 'archive', ' path flash:$h-cfg'));
    lab.run('configure terminal revert timer 5');
    expect(lab.device.archive).toEqual(['flash:core-1-cfg-1']);
    expect(lab.device.flash.has('core-1-cfg-1')).toBe(true);
    expect(lab.run('show archive').output[1]).toBe('The next archive file will be named flash:core-1-cfg-2');
  });
});

const REPLACE_QUESTION = `This will apply all necessary additions and deletions
to replace the current running configuration with the
contents of the specified configuration file, which is
assumed to be a complete configuration, not a partial
configuration. Enter Y if you are sure you want to proceed. ? [no]: `;
const ROLLBACK_DONE = { output: ['Total number of passes: 1', 'Rollback Done'] };

describe('configure replace', () => {
  const golden = withSectionLines(CORE_1, 'interface GigabitEthernet0/3', 'shutdown');

  it('asks first; Y replaces the running config with the file', () => {
    const lab = execHarness(CORE_1);
    lab.device.flash.set('golden.cfg', golden);
    const asked = lab.run('configure replace flash:golden.cfg');
    expect(asked.question?.prompt).toBe(REPLACE_QUESTION);
    expect(lab.device.runningConfigBody()).not.toContain(' shutdown\n duplex auto\n speed auto\n!\ninterface GigabitEthernet0/4');
    expect(asked.question?.answer('Y')).toEqual(ROLLBACK_DONE);
    expect(lab.device.runningConfigBody()).toBe(execHarness(golden).device.runningConfigBody());
    expect(lab.device.lastChange?.by).toBe('netops');
  });

  it.each(['', 'n', 'no', 'maybe'])('any answer but yes (%j) leaves the config alone', (reply) => {
    const lab = execHarness(CORE_1);
    const before = lab.device.runningConfigBody();
    lab.device.flash.set('golden.cfg', golden);
    expect(lab.answer('configure replace flash:golden.cfg', reply)).toEqual({ output: [] });
    expect(lab.device.runningConfigBody()).toBe(before);
  });

  it('force replaces without asking, also from an archive or a saved show-run', () => {
    const lab = execHarness(CORE_1);
    const before = lab.device.runningConfigBody();
    lab.run('configure terminal revert timer 5');
    lab.run('configure confirm');
    change(lab);
    expect(lab.run('configure replace flash:archive-1 force')).toEqual(ROLLBACK_DONE);
    expect(lab.device.runningConfigBody()).toBe(before);
    lab.device.flash.set('show-run.txt', execHarness(CHANGED).device.showRunning());
    expect(lab.run('configure replace flash:show-run.txt force')).toEqual(ROLLBACK_DONE);
    expect(lab.device.runningConfigBody()).toContain('172.20.0.0');
  });

  it('reports a missing file', () => {
    expect(execHarness(CORE_1).run('configure replace flash:nope.cfg').output).toEqual(['%Error opening flash:nope.cfg (No such file or directory)']);
  });

  it('reports a file that is no config', () => {
    const lab = execHarness(CORE_1);
    lab.device.flash.set('broken.cfg', 'hostname x\nend\nhostname y\n');
    expect(lab.run('configure replace flash:broken.cfg force').output[0]).toMatch(/^%Error: /);
  });
});
