import { describe, expect, it } from 'vitest';
import { groupOrder } from '../../../src/config/inventory/resolve.js';
import type { Device } from '../../../src/config/inventory/index.js';
import { parse } from './helpers.js';

const inventory = `
defaults:
  credentials: lab
  role: access
  site: hq
  vars: { ntp: 10.0.0.1, domain: lab.example, vlan: 1 }
  health_checks: { ping: [10.0.0.254] }
groups:
  base:
    wave: 3
    vars: { domain: base.example, snmp: public }
    health_checks: { interfaces: false }
  core:
    groups: [base]
    role: core
    vars: { vlan: 100 }
  edge:
    groups: [base, dmz]
    role: edge
    site: dc
    transport: telnet
    vars: { vlan: 200, snmp: edge }
  dmz:
    wave: 2
    credentials: [dmz, break-glass]
devices:
  - name: core-1
    host: 10.0.0.11
    groups: [core, edge]
  - name: edge-1
    host: 10.0.0.12
    groups: [edge, core]
    port: 2323
    vars: { vlan: 999 }
    health_checks: { reconnect: false }
  - name: plain
    host: 10.0.0.13
`;

function device(name: string): Device {
  const found = parse(inventory).devices.find((d) => d.name === name);
  if (!found) throw new Error(`no device ${name}`);
  return found;
}

describe('group order', () => {
  it('follows each group by its parents depth-first, first occurrence winning', () => {
    expect(device('core-1').groups).toEqual(['core', 'base', 'edge', 'dmz']);
    expect(device('edge-1').groups).toEqual(['edge', 'base', 'dmz', 'core']);
    expect(device('plain').groups).toEqual([]);
  });

  it('stops at cycles and unknown names (reported by the reference check)', () => {
    const groups = { a: { groups: ['b'] }, b: { groups: ['a', 'ghost'] } };
    expect(groupOrder(['b', 'ghost'], groups)).toEqual(['b', 'a']);
  });
});

describe('inheritance', () => {
  it('takes each value from the device, then its groups in order, then the defaults', () => {
    expect(device('core-1')).toMatchObject({ role: 'core', site: 'dc', wave: '3', transport: 'telnet', credentials: ['dmz', 'break-glass'] });
    expect(device('edge-1')).toMatchObject({ role: 'edge', site: 'dc', wave: '3', port: 2323 });
    expect(device('plain')).toMatchObject({ role: 'access', site: 'hq', credentials: ['lab'] });
    expect(device('plain').wave).toBeUndefined();
    expect(device('plain').template).toBeUndefined();
  });

  it('falls back to the built-in defaults, port 23 for telnet', () => {
    expect(device('plain')).toMatchObject({ platform: 'cisco_ios', transport: 'ssh', port: 22 });
    expect(device('core-1').port).toBe(23);
    const bare = parse('devices:\n  - { name: r1, host: h }\n').devices[0];
    expect(bare?.credentials).toEqual([]);
    expect(bare?.vars).toEqual({});
  });

  it('merges vars per key with the same precedence', () => {
    expect(device('core-1').vars).toEqual({ ntp: '10.0.0.1', domain: 'base.example', vlan: 100, snmp: 'public' });
    expect(device('edge-1').vars).toEqual({ ntp: '10.0.0.1', domain: 'base.example', vlan: 999, snmp: 'edge' });
    expect(device('plain').vars).toEqual({ ntp: '10.0.0.1', domain: 'lab.example', vlan: 1 });
  });

  it('merges health checks per key, ending at the settings', () => {
    expect(device('edge-1').health_checks).toEqual({ reconnect: false, interfaces: false, ping: ['10.0.0.254'], custom: [] });
    expect(device('plain').health_checks).toEqual({ reconnect: true, interfaces: true, ping: ['10.0.0.254'], custom: [] });
  });

  it('takes a single credential name as a list of one', () => {
    expect(parse('devices:\n  - { name: r1, host: h, credentials: ro }\n').devices[0]?.credentials).toEqual(['ro']);
  });

  it('keeps the line of each device and the group names in file order', () => {
    const parsed = parse(inventory);
    expect(parsed.devices.map((d) => d.line)).toEqual([27, 30, 36]);
    expect(parsed.groups).toEqual(['base', 'core', 'edge', 'dmz']);
  });

  it('takes a group with nothing under it', () => {
    expect(parse('groups:\n  lab:\ndevices:\n  - { name: r1, host: h, groups: [lab] }\n').devices[0]?.groups).toEqual(['lab']);
  });
});
