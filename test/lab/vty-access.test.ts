// Which remote addresses the vty access-class lets in: standard ACLs, numbered and named.

import { describe, expect, it } from 'vitest';
import { LabDevice, loadConfig } from '../../src/lab/device/lab-device.js';
import { aclPermits, vtyAccessClass, vtyPermits } from '../../src/lab/server/vty-access.js';

const config = (text: string) => loadConfig(text, 'test');
const credentials = { username: 'u', password: 'p', enableSecret: 's', authorizedKeys: [] };
const device = (text: string): LabDevice => new LabDevice({ name: 'r1', config: text, credentials });

describe('vtyAccessClass', () => {
  it('reads the inbound access-class of the vty line 0 section', () => {
    const running = config('line vty 5 15\n access-class 99 in\nline vty 0 4\n login local\n access-class MGMT in vrf-also\n');
    expect(vtyAccessClass(running)).toBe('MGMT');
  });

  it('ignores an outbound access-class and vty lines without one', () => {
    expect(vtyAccessClass(config('line vty 0 4\n access-class 10 out\n'))).toBeUndefined();
    expect(vtyAccessClass(config('line con 0\n access-class 10 in\n'))).toBeUndefined();
  });
});

describe('aclPermits', () => {
  const named = device(
    [
      'ip access-list standard MGMT',
      ' remark jump hosts',
      ' 10 permit 10.1.1.1',
      ' permit host 10.1.1.2',
      ' deny 10.2.0.0 0.0.255.255 log',
      ' permit 10.0.0.0 0.255.255.255',
      'access-list 20 permit 192.0.2.0 0.0.0.255',
      'access-list 20 deny any',
      'access-list 30 deny 127.0.0.1',
      'access-list 30 permit any',
      'ip access-list extended VTY-EXT',
      ' permit tcp 172.16.0.0 0.0.255.255 any eq 22',
    ].join('\n'),
  );

  it.each([
    ['MGMT', '10.1.1.1', true],
    ['MGMT', '10.1.1.2', true],
    ['MGMT', '10.2.3.4', false],
    ['MGMT', '10.3.3.4', true],
    ['MGMT', '192.0.2.1', false], // implicit deny
    ['20', '192.0.2.77', true],
    ['20', '198.51.100.1', false],
    ['30', '127.0.0.1', false],
    ['30', '::ffff:127.0.0.2', true],
    ['VTY-EXT', '172.16.9.9', true],
    ['VTY-EXT', '127.0.0.1', false],
  ])('ACL %s, source %s: %s', (acl, address, permitted) => {
    expect(aclPermits(named, acl, address)).toBe(permitted);
  });

  it('permits everything for an ACL that does not exist or has no entries', () => {
    expect(aclPermits(named, 'NOPE', '127.0.0.1')).toBe(true);
    expect(aclPermits(device('ip access-list standard EMPTY\n'), 'EMPTY', '127.0.0.1')).toBe(true);
  });

  it('matches an IPv6 source only with any', () => {
    expect(aclPermits(named, 'MGMT', '::1')).toBe(false);
    expect(aclPermits(named, '30', '::1')).toBe(true);
  });
});

describe('vtyPermits', () => {
  it('lets everyone in without an access-class, and applies it when there is one', () => {
    expect(vtyPermits(device('line vty 0 4\n login local\n'), '127.0.0.1')).toBe(true);
    const locked = device('access-list 10 permit 10.0.0.0 0.0.0.255\nline vty 0 4\n access-class 10 in\n');
    expect(vtyPermits(locked, '127.0.0.1')).toBe(false);
    expect(vtyPermits(locked, '10.0.0.9')).toBe(true);
  });
});
