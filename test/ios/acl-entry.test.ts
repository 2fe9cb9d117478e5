import { describe, expect, it } from 'vitest';
import { canonicalAclEntry, PROTOCOL_NAMES, TCP_PORT_NAMES, UDP_PORT_NAMES } from '../../src/ios/acl-entry.js';

describe('canonicalAclEntry (extended)', () => {
  it.each([
    ['permit tcp any host 10.0.0.1 eq 80', 'permit tcp any host 10.0.0.1 eq www'],
    ['permit tcp any host 10.0.0.1 eq 22', 'permit tcp any host 10.0.0.1 eq 22'],
    ['permit tcp any host 10.0.0.1 eq 443', 'permit tcp any host 10.0.0.1 eq 443'],
    ['permit udp any any eq 53', 'permit udp any any eq domain'],
    ['permit udp any host 10.0.0.5 eq 123', 'permit udp any host 10.0.0.5 eq ntp'],
    ['permit udp any any eq 514', 'permit udp any any eq syslog'],
    ['permit tcp any any eq 514', 'permit tcp any any eq cmd'],
    ['permit udp any eq 68 any eq 67', 'permit udp any eq bootpc any eq bootps'],
    ['permit tcp any any range 20 21', 'permit tcp any any range ftp-data ftp'],
    ['deny tcp any any neq 23', 'deny tcp any any neq telnet'],
    ['permit tcp any any lt 80', 'permit tcp any any lt www'],
    ['permit tcp any gt 1023 any eq 25', 'permit tcp any gt 1023 any eq smtp'],
    ['permit tcp any any eq 80 443 23', 'permit tcp any any eq www 443 telnet'],
    ['permit tcp 10.1.1.0 0.0.0.255 eq 179 host 10.0.0.2 established', 'permit tcp 10.1.1.0 0.0.0.255 eq bgp host 10.0.0.2 established'],
    ['permit ip 10.0.0.1 0.0.0.0 any', 'permit ip host 10.0.0.1 any'],
    ['permit ip 0.0.0.0 255.255.255.255 10.0.0.1 0.0.0.0', 'permit ip any host 10.0.0.1'],
    ['permit tcp 10.0.0.1 0.0.0.0 eq 80 any', 'permit tcp host 10.0.0.1 eq www any'],
    ['permit ip 10.1.1.5 0.0.0.255 any', 'permit ip 10.1.1.0 0.0.0.255 any'],
    ['permit 6 any any eq 80', 'permit tcp any any eq www'],
    ['permit 47 host 1.1.1.1 host 2.2.2.2', 'permit gre host 1.1.1.1 host 2.2.2.2'],
    ['permit 89 any any', 'permit ospf any any'],
    ['dynamic TEST timeout 10 permit tcp any any eq 23', 'dynamic TEST timeout 10 permit tcp any any eq telnet'],
    ['deny tcp any any eq 80 log', 'deny tcp any any eq www log'],
  ])('%s → %s', (entry, expected) => {
    expect(canonicalAclEntry(entry, 'extended')).toBe(expected);
  });

  it.each([
    'permit tcp any host 10.0.0.1 eq www',
    'permit ip any any',
    'permit icmp any any echo',
    'permit icmp any any 8',
    'permit ip any any ttl eq 7',
    'permit tcp any any dscp 46',
    'permit tcp any any eq 22 time-range WORK',
    'permit ip any any precedence 5',
    'permit udp any any eq 4500',
    'permit 250 any any',
    'permit esp host 1.1.1.1 host 2.2.2.2',
    'permit object-group WEB any any',
    'permit tcp object-group SRC object-group DST eq 443',
    'remark allow 0.0.0.0 255.255.255.255 eq 80',
    'evaluate REFLECT',
    'permit tcp any any eq',
    'garbage 1 2 3',
  ])('leaves %j alone', (entry) => {
    expect(canonicalAclEntry(entry, 'extended')).toBe(entry);
  });

  it('uses the port table of the protocol, not the other one', () => {
    // 42 and 161 have UDP names only, 179 a TCP name only.
    expect(canonicalAclEntry('permit tcp any any eq 42', 'extended')).toBe('permit tcp any any eq 42');
    expect(canonicalAclEntry('permit udp any any eq 42', 'extended')).toBe('permit udp any any eq nameserver');
    expect(canonicalAclEntry('permit udp any any eq 179', 'extended')).toBe('permit udp any any eq 179');
    expect(canonicalAclEntry('permit tcp any eq 7 any eq 161', 'extended')).toBe('permit tcp any eq echo any eq 161');
  });
});

describe('canonicalAclEntry (standard)', () => {
  it.each([
    ['permit host 10.0.0.1', 'permit 10.0.0.1'],
    ['permit 10.0.0.1 0.0.0.0', 'permit 10.0.0.1'],
    ['deny 0.0.0.0 255.255.255.255', 'deny any'],
    ['permit 192.168.1.1 0.0.0.255', 'permit 192.168.1.0 0.0.0.255'],
    ['permit host 10.0.0.1 log', 'permit 10.0.0.1 log'],
  ])('%s → %s', (entry, expected) => {
    expect(canonicalAclEntry(entry, 'standard')).toBe(expected);
  });

  it.each([
    'permit 10.0.0.1',
    'deny 10.1.1.0 0.0.0.255',
    'permit any',
    'deny any log',
    'permit 10.0.0.1 log',
    'remark host 10.0.0.1 0.0.0.0',
  ])('leaves %j alone', (entry) => {
    expect(canonicalAclEntry(entry, 'standard')).toBe(entry);
  });
});

describe('port and protocol tables', () => {
  it('keep 22 and 443 numeric and name the classic ports', () => {
    expect(TCP_PORT_NAMES.get(22)).toBeUndefined();
    expect(TCP_PORT_NAMES.get(443)).toBeUndefined();
    expect(TCP_PORT_NAMES.get(80)).toBe('www');
    expect(UDP_PORT_NAMES.get(161)).toBe('snmp');
    expect(PROTOCOL_NAMES.get(17)).toBe('udp');
  });
});
