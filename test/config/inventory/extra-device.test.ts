import { describe, expect, it } from 'vitest';
import { deviceSchema, resolveExtraDevice, type DeviceEntryInput } from '../../../src/config/inventory/index.js';
import { parse } from './helpers.js';

const inventory = parse(`settings:
  health_checks: { ping: [10.0.0.254] }
defaults:
  credentials: lab
  site: hq
  vars: { ntp: 10.0.0.1, vlan: 1 }
groups:
  base:
    vars: { snmp: public }
  access:
    groups: [base]
    role: access
    credentials: [tacacs, lab]
    transport: telnet
    vars: { vlan: 20 }
devices:
  - { name: r1, host: 10.0.0.1 }
`);

describe('resolveExtraDevice', () => {
  it('resolves an API device with the file defaults and groups, without a line', () => {
    const entry: DeviceEntryInput = { name: 'sw-9', host: '10.0.0.9', groups: ['access'], vars: { mgmt_ip: '10.0.0.9' } };
    expect(resolveExtraDevice(inventory, entry)).toEqual({
      ok: true,
      device: {
        name: 'sw-9',
        host: '10.0.0.9',
        port: 23,
        platform: 'cisco_ios',
        transport: 'telnet',
        credentials: ['tacacs', 'lab'],
        groups: ['access', 'base'],
        vars: { ntp: '10.0.0.1', vlan: 20, snmp: 'public', mgmt_ip: '10.0.0.9' },
        role: 'access',
        site: 'hq',
        health_checks: { reconnect: true, interfaces: true, ping: ['10.0.0.254'], custom: [] },
        line: undefined,
      },
    });
  });

  it('reads the entry as a devices: item does (a single credential, a numeric wave)', () => {
    const result = resolveExtraDevice(inventory, { name: 'r9', host: 'h', credentials: 'ro', wave: 2 });
    expect(result.ok && result.device).toMatchObject({ credentials: ['ro'], wave: '2', site: 'hq', groups: [] });
  });

  it('still resolves on a copy of the inventory', () => {
    expect(resolveExtraDevice({ ...inventory, devices: [] }, { name: 'r9', host: 'h' }).ok).toBe(true);
  });

  it('does not check the name against the YAML devices (the caller does)', () => {
    expect(resolveExtraDevice(inventory, { name: 'r1', host: 'h' }).ok).toBe(true);
  });

  it('reports every problem with its dotted path', () => {
    const entry = { name: 'core/1', host: '', port: 70_000, groups: ['access', 'edge'], prot: 22, vars: [] };
    expect(resolveExtraDevice(inventory, entry)).toEqual({
      ok: false,
      issues: [
        { path: 'name', message: 'expected letters, digits, ".", "_" or "-", starting with a letter or digit (it names files)' },
        { path: 'host', message: 'must not be empty' },
        { path: 'port', message: 'must be at most 65535' },
        { path: 'vars', message: 'expected mapping, received list' },
        { path: 'prot', message: 'unknown field' },
        { path: 'groups.1', message: 'unknown group "edge"' },
      ],
    });
  });

  it('reports an unknown group alone, and a missing field', () => {
    expect(resolveExtraDevice(inventory, { name: 'r9', host: 'h', groups: ['ghost'] })).toEqual({ ok: false, issues: [{ path: 'groups.0', message: 'unknown group "ghost"' }] });
    expect(resolveExtraDevice(inventory, { name: 'r9' })).toEqual({ ok: false, issues: [{ path: 'host', message: 'required' }] });
    expect(resolveExtraDevice(inventory, 'r9')).toEqual({ ok: false, issues: [{ path: '', message: 'expected mapping, received string' }] });
  });

  it('uses the exported device schema (for API documents)', () => {
    expect(deviceSchema.safeParse({ name: 'r9', host: 'h', colour: 'red' }).success).toBe(false);
  });
});
