import { describe, expect, it } from 'vitest';
import { nodeLines, serializeConfig, serializeLines } from '../../src/ios/serialize.js';
import type { ConfigNode, ConfigTree } from '../../src/ios/types.js';

const n = (text: string, ...children: ConfigNode[]): ConfigNode => ({ text, line: 0, children });
const withBody = (text: string, body: string, ...children: ConfigNode[]): ConfigNode => ({ text, line: 0, children, body });
const tree = (...children: ConfigNode[]): ConfigTree => ({ children });

describe('serializeConfig', () => {
  it('indents one space per level, without separators, every line ending with a newline', () => {
    const config = tree(
      n('hostname r1'),
      n('interface GigabitEthernet0/1', n('description uplink'), n('ip address 10.0.0.1 255.255.255.0')),
      n('router bgp 65000', n('address-family ipv4', n('neighbor 10.0.0.2 activate'))),
    );
    expect(serializeConfig(config)).toBe(
      [
        'hostname r1',
        'interface GigabitEthernet0/1',
        ' description uplink',
        ' ip address 10.0.0.1 255.255.255.0',
        'router bgp 65000',
        ' address-family ipv4',
        '  neighbor 10.0.0.2 activate',
        '',
      ].join('\n'),
    );
  });

  it('gives the empty string for an empty tree', () => {
    expect(serializeConfig(tree())).toBe('');
    expect(serializeLines(tree())).toEqual([]);
  });

  it('writes a banner between ^C delimiters, its text as written', () => {
    const config = tree(withBody('banner motd', 'Authorised access only\n  indented line\n\nlast'), n('hostname r1'));
    expect(serializeConfig(config)).toBe(
      ['banner motd ^C', 'Authorised access only', '  indented line', '', 'last', '^C', 'hostname r1', ''].join('\n'),
    );
  });

  it('writes an empty banner as its two delimiters', () => {
    expect(serializeLines(tree(withBody('banner login', '')))).toEqual(['banner login ^C', '^C']);
  });

  it('writes a certificate header, its hex one level deeper and quit at the level of the hex', () => {
    const config = tree(
      n('crypto pki certificate chain TP-self-signed-1', withBody('certificate self-signed 01', '3082022B 30820194\nA0030201 02020101')),
      n('hostname r1'),
    );
    expect(serializeLines(config)).toEqual([
      'crypto pki certificate chain TP-self-signed-1',
      ' certificate self-signed 01',
      '  3082022B 30820194',
      '  A0030201 02020101',
      '  quit',
      'hostname r1',
    ]);
  });

  it('serializeLines is serializeConfig split into lines', () => {
    const config = tree(n('line vty 0 4', n('transport input ssh')), withBody('banner exec', 'hi'));
    expect(serializeLines(config)).toEqual(serializeConfig(config).split('\n').slice(0, -1));
  });
});

describe('nodeLines', () => {
  it('gives the lines of one node itself, at the indentation asked for', () => {
    expect(nodeLines(n('shutdown', n('child')), 2)).toEqual(['  shutdown']);
    expect(nodeLines(withBody('banner motd', 'a\nb'), 0)).toEqual(['banner motd ^C', 'a', 'b', '^C']);
    expect(nodeLines(withBody('certificate ca 02', 'AB CD'), 1)).toEqual([' certificate ca 02', '  AB CD', '  quit']);
  });
});
