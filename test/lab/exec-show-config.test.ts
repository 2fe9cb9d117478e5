// show running-config (whole, one interface, filtered), show startup-config and show version.

import { describe, expect, it } from 'vitest';
import { outputLines } from '../../src/lab/shell/contracts.js';
import { uptime } from '../../src/lab/shell/exec/show-version.js';
import { CORE_1, GENERATED_R1, execHarness } from '../support/exec-device.js';

const lines = (text: string): string[] => text.replace(/\n$/, '').split('\n');

describe('show running-config', () => {
  it('prints the device running config, paged', () => {
    const lab = execHarness(GENERATED_R1);
    lab.device.touched('netops');
    const result = lab.run('show running-config');
    expect(result.paged).toBe(true);
    expect(outputLines(result.output)).toEqual(lines(lab.device.showRunning()));
    expect(outputLines(lab.run('sh run').output)).toEqual(lines(lab.device.showRunning()));
  });

  it.each<[string, (line: string) => boolean]>([
    ['show running-config | include ^interface', (line) => /^interface/.test(line)],
    ['sh run | i ip address', (line) => line.includes('ip address')],
    ['sh run | exclude ^ +', (line) => !line.startsWith(' ')],
    ['sh run | e ^ |!', (line) => !/^ |!/.test(line)],
  ])('%s filters line by line', (command, keep) => {
    const lab = execHarness(GENERATED_R1);
    const result = lab.run(command);
    expect(result.paged).toBe(true);
    expect(result.output).toEqual(lines(lab.device.showRunning()).filter(keep));
    expect(result.output.length).toBeGreaterThan(3);
  });

  it('| begin starts at the first match', () => {
    const lab = execHarness(CORE_1);
    const all = lines(lab.device.showRunning());
    const output = lab.run('show run | begin ^line').output;
    expect(output).toEqual(all.slice(all.indexOf('line con 0')));
    expect(output[0]).toBe('line con 0');
    expect(output[output.length - 1]).toBe('end');
    expect(lab.run('show run | begin NOTHING-LIKE-THIS').output).toEqual([]);
  });

  it('| section prints matching top-level lines with what is indented under them', () => {
    const lab = execHarness(CORE_1);
    expect(lab.run('show run | section GigabitEthernet0/[14]').output).toEqual([
      'interface GigabitEthernet0/1',
      ' description uplink to edge-1',
      ' ip address 10.1.1.1 255.255.255.252',
      ' ip access-group EDGE-IN in',
      ' ip ospf cost 10',
      ' duplex auto',
      ' speed auto',
      'interface GigabitEthernet0/4',
      ' no ip address',
      ' shutdown',
      ' duplex auto',
      ' speed auto',
    ]);
    // A matching line inside a section comes alone, as on IOS.
    expect(lab.run('sh run | section ip address 10\\.').output).toEqual([
      ' ip address 10.0.0.1 255.255.255.255',
      ' ip address 10.99.0.11 255.255.255.0',
      ' ip address 10.1.1.1 255.255.255.252',
    ]);
    expect(lab.run('sh run | sec ^ip route').output).toEqual(['ip route 0.0.0.0 0.0.0.0 10.1.1.2', 'ip route vrf MGMT 0.0.0.0 0.0.0.0 10.99.0.1']);
  });

  it('section filters on a generated config keep whole sections', () => {
    const lab = execHarness(GENERATED_R1);
    const ospf = lab.run('show running-config | section router ospf').output;
    expect(ospf[0]).toBe('router ospf 1');
    expect(ospf.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(ospf).toContain(' network 10.255.0.1 0.0.0.0 area 0');
  });

  it('show running-config interface X prints that section with its own byte count', () => {
    const body = '!\ninterface GigabitEthernet0/4\n no ip address\n shutdown\n duplex auto\n speed auto\nend\n';
    expect(execHarness(CORE_1).text('show running-config interface gi0/4')).toBe(
      `Building configuration...\n\nCurrent configuration : ${body.length} bytes\n${body.replace(/\n$/, '')}`,
    );
  });
});

describe('show startup-config', () => {
  it('prints the saved config under its size', () => {
    const lab = execHarness(CORE_1);
    const saved = lab.device.startup;
    const result = lab.run('show startup-config');
    expect(result.paged).toBe(true);
    expect(outputLines(result.output)).toEqual([`Using ${Buffer.byteLength(saved)} out of 262136 bytes`, ...lines(saved)]);
  });

  it('says when there is none', () => {
    const lab = execHarness(CORE_1);
    lab.device.startup = '';
    expect(lab.run('sh start').output).toEqual(['startup-config is not present']);
  });
});

describe('show version', () => {
  it('reports software, uptime from the device clock, ports and the config register', () => {
    const lab = execHarness(CORE_1);
    lab.clock.advance(((24 + 2) * 60 + 5) * 60_000);
    const text = lab.text('show version');
    expect(text).toMatch(/^Cisco IOS Software, C2900 Software \(C2900-UNIVERSALK9-M\), Version 15\.2\(4\)M11, RELEASE SOFTWARE \(fc2\)\n/);
    expect(text).toContain('\ncore-1 uptime is 1 day, 2 hours, 5 minutes\n');
    expect(text).toContain('System image file is "flash0:c2900-universalk9-mz.SPA.152-4.M11.bin"');
    expect(text).toContain('\nCisco CISCO2911/K9 (revision 1.0) with 483328K/40960K bytes of memory.\n');
    expect(text).toContain('\n5 Gigabit Ethernet interfaces\n');
    expect(text.endsWith('\nConfiguration register is 0x2102')).toBe(true);
  });

  it.each<[number, string]>([
    [0, '0 minutes'],
    [59_999, '0 minutes'],
    [60_000, '1 minute'],
    [61 * 60_000, '1 hour, 1 minute'],
    [8 * 24 * 60 * 60_000, '1 week, 1 day, 0 hours, 0 minutes'],
    [(365 + 14) * 24 * 60 * 60_000 + 3 * 60_000, '1 year, 2 weeks, 0 days, 0 hours, 3 minutes'],
  ])('uptime of %i ms is "%s"', (ms, text) => {
    expect(uptime(ms)).toBe(text);
  });
});
