// Saving and copying configs: write memory, copy with its Destination filename question,
// startup-config and files on flash.

import { describe, expect, it } from 'vitest';
import { CORE_1, execHarness, type ExecHarness } from '../support/exec-device.js';

const BUILT = { output: ['Building configuration...', '[OK]'] };

/** A change in config mode, so that running and startup differ. */
function addStaticRoute(lab: ExecHarness): void {
  lab.configure('ip route 172.20.0.0 255.255.0.0 10.1.1.2');
}

const copiedText = (bytes: number): string => `${bytes} bytes copied in 0.100 secs (${bytes * 10} bytes/sec)`;

describe('write memory', () => {
  it.each(['write memory', 'write', 'wr', 'wr mem'])('%s saves the running config as startup-config', (line) => {
    const lab = execHarness(CORE_1);
    addStaticRoute(lab);
    expect(lab.device.startup).not.toContain('172.20.0.0');
    expect(lab.run(line)).toEqual(BUILT);
    expect(lab.device.startup).toBe(lab.device.runningConfigBody());
    expect(lab.text('show startup-config')).toContain('\nip route 172.20.0.0 255.255.0.0 10.1.1.2\n');
  });
});

describe('copy', () => {
  it('copy running-config startup-config asks for the destination, then saves', () => {
    const lab = execHarness(CORE_1);
    addStaticRoute(lab);
    const asked = lab.run('copy running-config startup-config');
    expect(asked.output).toEqual([]);
    expect(asked.question?.prompt).toBe('Destination filename [startup-config]? ');
    expect(lab.device.startup).not.toContain('172.20.0.0');
    expect(asked.question?.answer('')).toEqual(BUILT);
    expect(lab.device.startup).toBe(lab.device.runningConfigBody());
  });

  it('accepts the usual abbreviations and an explicit name', () => {
    const lab = execHarness(CORE_1);
    addStaticRoute(lab);
    expect(lab.answer('copy run start', 'startup-config')).toEqual(BUILT);
    expect(lab.device.startup).toContain('172.20.0.0');
  });

  it('copies the running config to a flash file, under the suggested or the given name', () => {
    const lab = execHarness(CORE_1);
    const body = lab.device.runningConfigBody();
    expect(lab.run('copy running-config flash:backup.cfg').question?.prompt).toBe('Destination filename [backup.cfg]? ');
    expect(lab.answer('copy running-config flash:backup.cfg', '')).toEqual({ output: [copiedText(Buffer.byteLength(body))] });
    expect(lab.answer('copy run flash:backup.cfg', 'other.cfg').output).toEqual([copiedText(Buffer.byteLength(body))]);
    expect(lab.answer('copy run flash:', '').output).toHaveLength(1);
    expect([...lab.device.flash.keys()]).toEqual(['backup.cfg', 'other.cfg', 'running-config']);
    expect(lab.device.flash.get('backup.cfg')).toBe(body);
  });

  it('copies a flash file to startup-config, and startup-config to flash', () => {
    const lab = execHarness(CORE_1);
    lab.device.flash.set('golden.cfg', 'hostname golden\nend\n');
    expect(lab.run('copy flash:golden.cfg startup-config').question?.prompt).toBe('Destination filename [startup-config]? ');
    expect(lab.answer('copy flash:golden.cfg startup-config', '').output).toEqual([copiedText(20)]);
    expect(lab.device.startup).toBe('hostname golden\nend\n');
    expect(lab.answer('copy startup-config flash:saved.cfg', '').output).toEqual([copiedText(20)]);
    expect(lab.device.flash.get('saved.cfg')).toBe('hostname golden\nend\n');
  });

  it('reports a source that is not there', () => {
    const lab = execHarness(CORE_1);
    expect(lab.run('copy flash:missing.cfg startup-config').output).toEqual(['%Error opening flash:missing.cfg (No such file or directory)']);
    lab.device.startup = '';
    expect(lab.run('copy startup-config flash:x.cfg').output).toEqual(['%Error opening nvram:startup-config (No such file or directory)']);
  });

  it('refuses copying into running-config (a merge the lab does not simulate) or onto itself', () => {
    const lab = execHarness(CORE_1);
    expect(lab.run('copy flash:x running-config').error).toEqual({ kind: 'invalid', offset: 13 });
    expect(lab.run('copy run run').error).toEqual({ kind: 'invalid', offset: 9 });
  });
});

describe('dir flash:', () => {
  it('lists the files with their sizes', () => {
    const lab = execHarness(CORE_1);
    expect(lab.run('dir').output).toEqual(['Directory of flash:/', '', 'No files in directory', '', '256487424 bytes total (256487424 bytes free)']);
    lab.device.flash.set('golden.cfg', 'x'.repeat(2915));
    expect(lab.run('dir flash:').output).toEqual([
      'Directory of flash:/',
      '',
      '    1  -rw-        2915                 <no date>  golden.cfg',
      '',
      '256487424 bytes total (256484509 bytes free)',
    ]);
    expect(lab.run('dir nvram:').error).toEqual({ kind: 'invalid', offset: 4 });
  });
});
