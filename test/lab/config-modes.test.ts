// The mode stack of the config interpreter: prompts and section paths, `exit`, commands that
// belong to a parent mode (which leave the sub-mode, as on IOS), comments, and when the device
// records a change.

import { describe, expect, it } from 'vitest';
import { configSession } from '../support/config-session.js';

describe('config modes', () => {
  it('enter sub-modes with their prompts and section paths', () => {
    const { cli, type } = configSession('');
    const position = (line: string): string => {
      type([line]);
      return `${cli.position.mode} ${cli.position.path.join(' > ')}`.trim();
    };
    expect(position('interface gi0/1')).toBe('config-if interface GigabitEthernet0/1');
    expect(position('interface gi0/1.10')).toBe('config-subif interface GigabitEthernet0/1.10');
    expect(position('router bgp 65000')).toBe('config-router router bgp 65000');
    expect(position('address-family ipv4 unicast')).toBe('config-router-af router bgp 65000 > address-family ipv4');
    expect(position('exit-address-family')).toBe('config-router router bgp 65000');
    expect(position('router ospf 1')).toBe('config-router router ospf 1');
    expect(position('line vty 0 4')).toBe('config-line line vty 0 4');
    expect(position('ip access-list extended EDGE')).toBe('config-ext-nacl ip access-list extended EDGE');
    expect(position('ip access-list standard 10')).toBe('config-std-nacl ip access-list standard 10');
    expect(position('route-map RM permit 10')).toBe('config-route-map route-map RM permit 10');
    expect(position('vlan 10')).toBe('config-vlan vlan 10');
    expect(position('class-map match-any C')).toBe('config-cmap class-map match-any C');
    expect(position('policy-map P')).toBe('config-pmap policy-map P');
    expect(position('class C')).toBe('config-pmap-c policy-map P > class C');
    expect(position('vrf definition V')).toBe('config-vrf vrf definition V');
    expect(position('address-family ipv4')).toBe('config-vrf-af vrf definition V > address-family ipv4');
    expect(position('archive')).toBe('config-archive archive');
    expect(position('exit')).toBe('config');
  });

  it('leave one level with exit', () => {
    const { cli, type } = configSession('');
    type(['policy-map P', 'class C', 'exit']);
    expect(cli.position).toEqual({ mode: 'config-pmap', path: ['policy-map P'] });
    type(['exit']);
    expect(cli.position).toEqual({ mode: 'config', path: [] });
  });

  it('run a parent-mode command from a sub-mode and leave the sub-mode, as IOS does', () => {
    const { cli, type, device } = configSession('');
    type(['router bgp 65000', 'address-family ipv4', 'hostname r2']);
    expect(cli.position).toEqual({ mode: 'config', path: [] });
    expect(device.hostname()).toBe('r2');
    type(['router bgp 65000', 'address-family ipv4', 'bgp router-id 10.0.0.1']);
    expect(cli.position).toEqual({ mode: 'config-router', path: ['router bgp 65000'] });
    type(['interface Gi0/1', 'interface Gi0/2', 'description second']);
    expect(device.runningConfigBody()).toContain('interface GigabitEthernet0/2\n description second\n');
  });

  it('report the error of the current mode when no mode takes the line, and stay', () => {
    const { cli, type } = configSession('');
    expect(type(['interface Gi0/1', 'ip address 10.0.0.1'])).toEqual(['% Incomplete command.']);
    expect(type(['descriptio'])).toEqual(['% Incomplete command.']);
    expect(type(['  frobnicate'])).toEqual(["% Invalid input detected at '^' marker. @2"]);
    expect(cli.position.mode).toBe('config-if');
  });

  it('ignore comments and blank lines', () => {
    const { device, type } = configSession('hostname r1\n');
    expect(type(['!', ' ! a comment', '', '   '])).toEqual([]);
    expect(device.revision).toBe(0);
  });

  it('record a change only when the running config changed', () => {
    const { device, type } = configSession('hostname r1\ninterface GigabitEthernet0/1\n description x\n');
    type(['hostname r1', 'interface GigabitEthernet0/1', 'description x', 'no shutdown', 'no ip domain lookup']);
    expect(device.revision).toBe(1);
    expect(device.lastChange?.by).toBe('admin');
    type(['no ip domain lookup', 'bogus']);
    expect(device.revision).toBe(1);
    type(['banner motd #', 'text', '#']);
    expect(device.revision).toBe(2);
  });
});
