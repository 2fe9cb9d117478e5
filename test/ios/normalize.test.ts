import { describe, expect, it } from 'vitest';
import { normalizeConfig, parseConfig, type ConfigNode, type IgnoreRule } from '../../src/ios/index.js';

function norm(text: string, options: { ignore?: IgnoreRule[]; ignoreVersion?: boolean } = {}): unknown[] {
  const shape = (nodes: ConfigNode[]): unknown[] => nodes.map((n) => (n.children.length ? [n.text, shape(n.children)] : n.text));
  return shape(normalizeConfig(parseConfig(text), options).children);
}

describe('normalizeConfig', () => {
  it('drops volatile lines, and version only when asked', () => {
    const text = 'Building configuration...\n\nCurrent configuration : 1234 bytes\n! Last configuration change at x\nversion 15.9\nntp clock-period 17179865\nhostname r1\n';
    expect(norm(text)).toEqual(['version 15.9', 'hostname r1']);
    expect(norm(text, { ignoreVersion: true })).toEqual(['hostname r1']);
  });

  it('collapses white space and canonicalises interface names in headers and references', () => {
    expect(norm('int  Gi0/1\n description  two  spaces\nrouter ospf 1\n passive-interface Lo0\n')).toEqual([
      ['interface GigabitEthernet0/1', ['description two spaces']],
      ['router ospf 1', ['passive-interface Loopback0']],
    ]);
  });

  it('drops lines IOS never displays under interfaces', () => {
    expect(norm('interface Gi0/1\n no shutdown\n no ip address\n no description\n ip mtu 1400\n')).toEqual([
      ['interface GigabitEthernet0/1', ['ip mtu 1400']],
    ]);
  });

  it('merges a section written twice and drops repeated lines', () => {
    expect(norm('interface Lo0\n description a\nhostname r1\ninterface Loopback0\n ip address 1.1.1.1 255.255.255.255\n description a\nhostname r1\n')).toEqual([
      ['interface Loopback0', ['description a', 'ip address 1.1.1.1 255.255.255.255']],
      'hostname r1',
    ]);
  });

  it('orders named ACL entries by sequence number and removes the numbers', () => {
    expect(norm('ip access-list extended WEB\n 20 deny ip any any\n 10 permit tcp any any eq 80\n')).toEqual([
      ['ip access-list extended WEB', ['permit tcp any any eq www', 'deny ip any any']],
    ]);
  });

  it('keeps one of named ACL entries written twice, in the place of the first', () => {
    const entries = Array.from({ length: 20 }, (_, k) => ` permit host 10.0.0.${k}`).join('\n');
    // Over 16 entries (a set finds duplicates there) and under: the same answer.
    for (const more of ['', `\n${entries}`]) {
      const acl = norm(`ip access-list standard A\n 10 permit host 10.9.9.9\n deny   10.1.0.0 0.0.255.255\n permit 10.9.9.9\n 10 permit host 10.9.9.9${more}\n`);
      const kept = ['permit 10.9.9.9', 'deny 10.1.0.0 0.0.255.255', ...(more ? Array.from({ length: 20 }, (_, k) => `permit 10.0.0.${k}`) : [])];
      expect(acl).toEqual([['ip access-list standard A', kept]]);
    }
  });

  it('writes a numbered ACL entered as a named section the way IOS displays it', () => {
    expect(norm('ip access-list standard 10\n permit host 10.0.0.1\n')).toEqual(['access-list 10 permit 10.0.0.1']);
  });

  it('gives prefix-list entries without seq the numbers IOS assigns', () => {
    expect(norm('ip prefix-list A permit 10.0.0.0/8\nip prefix-list A seq 20 permit 11.0.0.0/8\nip prefix-list A deny 0.0.0.0/0 le 32\nip prefix-list B permit 1.0.0.0/8\n')).toEqual([
      'ip prefix-list A seq 5 permit 10.0.0.0/8',
      'ip prefix-list A seq 20 permit 11.0.0.0/8',
      'ip prefix-list A seq 25 deny 0.0.0.0/0 le 32',
      'ip prefix-list B seq 5 permit 1.0.0.0/8',
    ]);
  });

  it('merges trunk allowed vlan continuation lines', () => {
    expect(norm('interface Gi0/1\n switchport trunk allowed vlan 10,20\n switchport trunk allowed vlan add 30-32\n')).toEqual([
      ['interface GigabitEthernet0/1', ['switchport trunk allowed vlan 10,20,30-32']],
    ]);
  });

  it('applies ignore rules anywhere or only within matching sections, with everything under them', () => {
    const text = 'hostname r1\ninterface Gi0/1\n description x\n ip mtu 1400\ninterface Lo0\n description y\nline vty 0 4\n exec-timeout 5 0\n';
    expect(norm(text, { ignore: [{ match: /^description/, within: /^interface GigabitEthernet/ }, { match: /^line vty/ }] })).toEqual([
      'hostname r1',
      ['interface GigabitEthernet0/1', ['ip mtu 1400']],
      ['interface Loopback0', ['description y']],
    ]);
  });

  it('leaves banner text as written', () => {
    const tree = normalizeConfig(parseConfig('banner motd ^C\n  two  spaces kept\n^C\n'));
    expect(tree.children[0]?.body).toBe('  two  spaces kept');
  });
});
