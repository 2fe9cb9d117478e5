import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/ios/parse.js';
import { LabDevice, type LabClock } from '../../src/lab/device/lab-device.js';
import { iosTime } from '../../src/lab/device/show-running.js';

const credentials = { username: 'u', password: 'p', enableSecret: 'e', authorizedKeys: [] };
const fixedClock: LabClock = { now: () => new Date('2026-11-02T10:12:01Z'), setTimer: () => ({ cancel: () => undefined }) };

function device(config: string): LabDevice {
  return new LabDevice({ name: 'lab-1', config, credentials, clock: fixedClock });
}

describe('LabDevice', () => {
  it('prints show running-config as IOS does: header, ! separators, sections, end', () => {
    const d = device('hostname r1\nip route 10.0.0.0 255.0.0.0 192.0.2.1\nip route 10.1.0.0 255.255.0.0 192.0.2.1\ninterface Loopback0\n ip address 10.9.9.9 255.255.255.255\nrouter bgp 65000\n address-family ipv4\n  neighbor 10.0.0.2 activate\n exit-address-family\n');
    d.touched('admin');
    const body = [
      '!',
      '! Last configuration change at 10:12:01 UTC Mon Nov 2 2026 by admin',
      '!',
      'hostname r1',
      '!',
      'ip route 10.0.0.0 255.0.0.0 192.0.2.1',
      'ip route 10.1.0.0 255.255.0.0 192.0.2.1',
      '!',
      'interface Loopback0',
      ' ip address 10.9.9.9 255.255.255.255',
      '!',
      'router bgp 65000',
      ' !',
      ' address-family ipv4',
      '  neighbor 10.0.0.2 activate',
      ' exit-address-family',
      '!',
      'end',
      '',
    ].join('\n');
    expect(d.showRunning()).toBe(`Building configuration...\n\nCurrent configuration : ${Buffer.byteLength(body)} bytes\n${body}`);
    expect(d.runningConfigBody()).toBe(body.replace('!\n! Last configuration change at 10:12:01 UTC Mon Nov 2 2026 by admin\n', ''));
  });

  it('loads a pasted show-run output without taking its header for config', () => {
    const d = device('Building configuration...\n\nCurrent configuration : 99 bytes\n!\nhostname edge\nend\n');
    expect(d.running.map((n) => n.text)).toEqual(['hostname edge']);
    expect(d.hostname()).toBe('edge');
  });

  it('uses its inventory name as prompt until a hostname is configured', () => {
    expect(device('').hostname()).toBe('lab-1');
  });

  it('starts with a startup-config equal to its running config', () => {
    const d = device('hostname r1\n');
    expect(d.startup).toBe(d.runningConfigBody());
  });

  it('sees a change of running once it is recorded', () => {
    const d = device('hostname r1\n');
    const before = d.runningConfigBody();
    d.running.push({ text: 'ip domain name lab', line: 0, children: [] });
    d.touched('admin');
    expect(d.runningConfigBody()).not.toBe(before);
    expect(d.runningConfigBody()).toContain('ip domain name lab');
    d.replaceRunning(parseConfig('hostname r9\n').children, 'admin');
    expect(d.hostname()).toBe('r9');
    expect(d.runningConfigBody()).not.toContain('ip domain name lab');
  });

  it('keeps every line of a realistic config', () => {
    const text = readFileSync(new URL('../../docs/examples/core-1.running.cfg', import.meta.url), 'utf8');
    const d = device(text);
    const again = device(d.runningConfigBody());
    expect(again.runningConfigBody()).toBe(d.runningConfigBody());
    expect(d.runningConfigBody()).toContain('banner motd ^C\nAuthorised access only.\n^C');
  });
});

describe('iosTime', () => {
  it('formats like IOS', () => {
    expect(iosTime(new Date('2026-01-05T03:04:05Z'))).toBe('03:04:05 UTC Mon Jan 5 2026');
  });
});
