import { afterEach, describe, expect, it } from 'vitest';
import { MASK, redact, registerSecret, resetRedaction, setRedactionPatterns } from '../../src/obs/redact.js';

afterEach(() => resetRedaction());

describe('redact', () => {
  it('masks every registered secret wherever it appears, longest first', () => {
    registerSecret('S3cret!');
    registerSecret('S3cret!-longer');
    expect(redact('login S3cret!-longer then S3cret! again')).toBe(`login ${MASK} then ${MASK} again`);
  });

  it('ignores secrets too short to be told from ordinary words', () => {
    registerSecret('ab');
    expect(redact('ab abc')).toBe('ab abc');
  });

  it('masks secret-bearing IOS keywords without touching look-alikes', () => {
    const text = [
      'username ops privilege 15 secret 9 $9$abc',
      'tacacs-server key 7 0822455D0A16',
      ' server-private 10.0.0.5 key S3cr3tK3y',
      'key chain OSPF',
      ' key 1',
      ' key 7 0822455D0A16',
      '  key-string 7 045802150C2E',
      'snmp-server community PUBLIC-RO RO',
      'crypto key generate rsa modulus 2048',
      ' neighbor 10.0.0.2 send-community both',
      ' set community 65000:100',
    ].join('\n');
    expect(redact(text)).toBe(
      [
        `username ops privilege 15 secret 9 ${MASK}`,
        `tacacs-server key 7 ${MASK}`,
        ` server-private 10.0.0.5 key ${MASK}`,
        'key chain OSPF',
        ' key 1',
        ` key 7 ${MASK}`,
        `  key-string 7 ${MASK}`,
        `snmp-server community ${MASK} RO`,
        'crypto key generate rsa modulus 2048',
        ' neighbor 10.0.0.2 send-community both',
        ' set community 65000:100',
      ].join('\n'),
    );
  });

  it('applies the inventory redaction patterns to the whole match', () => {
    setRedactionPatterns(['token=[A-Za-z0-9]+']);
    expect(redact('GET /x?token=abc123 ok')).toBe(`GET /x?${MASK} ok`);
  });

  it('masks secrets given for one call only', () => {
    expect(redact('login: hunter22', ['hunter22'])).toBe(`login: ${MASK}`);
    expect(redact('hunter22')).toBe('hunter22');
  });

  it('masks routing, VPN, first-hop and wireless keys', () => {
    const lines: [string, string][] = [
      ['crypto isakmp key Vpn-Key-1 address 192.0.2.1', `crypto isakmp key ${MASK} address 192.0.2.1`],
      [' pre-shared-key local 0 Ike2-Local', ` pre-shared-key local 0 ${MASK}`],
      [' ip ospf authentication-key 7 0822455D0A16', ` ip ospf authentication-key 7 ${MASK}`],
      [' ip ospf message-digest-key 1 md5 Ospf-Md5', ` ip ospf message-digest-key 1 md5 ${MASK}`],
      [' neighbor 192.0.2.2 password 7 02050D480809', ` neighbor 192.0.2.2 password 7 ${MASK}`],
      [' standby 1 authentication Hsrp-Text', ` standby 1 authentication ${MASK}`],
      [' standby 1 authentication md5 key-string Hsrp-Md5', ` standby 1 authentication md5 key-string ${MASK}`],
      [' vrrp 1 authentication text Vrrp-Text', ` vrrp 1 authentication text ${MASK}`],
      [' wpa-psk ascii 0 Wifi-Psk-99', ` wpa-psk ascii 0 ${MASK}`],
      [' ip ospf authentication message-digest', ' ip ospf authentication message-digest'],
    ];
    for (const [line, masked] of lines) expect(redact(line)).toBe(masked);
  });
});
