// The command grammar matcher: abbreviations, values, optional parts and alternatives, and the
// errors exactly where IOS reports them.

import { describe, expect, it } from 'vitest';
import { compileGrammar, matchCommand, registerTokenType, SyntaxSpecError, type MatchResult } from '../../src/lab/shell/grammar/grammar.js';

const specs = [
  { syntax: 'configure terminal', action: 'configure' },
  { syntax: 'show running-config [<section:word>]', action: 'show-run' },
  { syntax: 'show run-history', action: 'show-history' },
  { syntax: 'show version', action: 'show-version' },
  { syntax: 'interface <name:ifname>', action: 'interface' },
  { syntax: 'ip address <address:ip> <mask:mask> [secondary]', action: 'ip-address' },
  { syntax: 'ip access-group <acl:word> {in | out}', action: 'access-group' },
  { syntax: 'ipv6 enable', action: 'ipv6' },
  { syntax: 'description <text:line>', action: 'description' },
  { syntax: 'switchport trunk allowed vlan {<vlans:vlans> | add <vlans:vlans> | all | none}', action: 'trunk' },
  { syntax: 'vlan <id:num(1-4094)>', action: 'vlan' },
  { syntax: 'router bgp <asn:asn>', action: 'bgp' },
  { syntax: 'ip prefix-list <name:word> [seq <seq:num>] {permit | deny} <prefix:prefix> [ge <ge:num(1-32)>] [le <le:num(1-32)>]', action: 'prefix-list' },
  { syntax: 'key-string <key:hex>', action: 'key' },
  { syntax: 'logging {host <host:ip> | <host:ip>}', action: 'logging-host' },
  { syntax: 'logging buffered [<size:num(4096-2147483647)>] [{warnings | [debugging [detail]]}]', action: 'logging-buffered' },
  { syntax: 'hostname <name:word>', action: 'hostname' },
  { syntax: 'host <name:word>', action: 'host' },
] as const;
const grammar = compileGrammar(specs);

function match(line: string): MatchResult<string> {
  return matchCommand(grammar, line);
}

function ok(line: string): { action: string; words: string[]; args: Record<string, string>; text: string } {
  const result = match(line);
  if (!result.ok) throw new Error(`"${line}" was refused: ${JSON.stringify(result.error)}`);
  return { action: result.action, words: result.words, args: result.args, text: result.text };
}

describe('keywords', () => {
  it('match any unambiguous prefix, case-insensitively, and expand to the full keyword', () => {
    expect(ok('conf t')).toMatchObject({ action: 'configure', words: ['configure', 'terminal'], text: 'configure terminal' });
    expect(ok('CONF T').text).toBe('configure terminal');
    expect(ok('sh ver').text).toBe('show version');
    expect(ok('sh running-c').text).toBe('show running-config');
  });

  it('prefer an exact keyword over longer ones it is a prefix of', () => {
    expect(ok('host r1')).toMatchObject({ action: 'host', text: 'host r1' });
    expect(ok('hostn r1')).toMatchObject({ action: 'hostname', text: 'hostname r1' });
    expect(match('ip add 10.0.0.1 255.0.0.0').ok).toBe(true);
  });

  it('report a prefix of several keywords as ambiguous, with the whole line', () => {
    expect(match('sh run')).toEqual({ ok: false, error: { kind: 'ambiguous', input: 'sh run' } });
    expect(match('  ip a 10.0.0.1  ')).toEqual({ ok: false, error: { kind: 'ambiguous', input: 'ip a 10.0.0.1' } });
    expect(match('s')).toEqual({ ok: false, error: { kind: 'ambiguous', input: 's' } });
  });

  it('take alternatives and optional parts, nested', () => {
    expect(ok('ip access-group EDGE-IN in')).toMatchObject({ words: ['ip', 'access-group', 'EDGE-IN', 'in'], args: { acl: 'EDGE-IN' } });
    expect(ok('ip access-group EDGE-IN o').text).toBe('ip access-group EDGE-IN out');
    expect(ok('ip address 10.0.0.1 255.255.255.0 sec').text).toBe('ip address 10.0.0.1 255.255.255.0 secondary');
    expect(ok('logging buffered').text).toBe('logging buffered');
    expect(ok('logging buffered 16384 debugging detail').args).toEqual({ size: '16384' });
    expect(ok('logging buffered debug').text).toBe('logging buffered debugging');
    expect(ok('switchport trunk allowed vlan add 10-20,30')).toMatchObject({ args: { vlans: '10-20,30' }, text: 'switchport trunk allowed vlan add 10-20,30' });
    expect(ok('switchport trunk allowed vlan none').text).toBe('switchport trunk allowed vlan none');
  });
});

describe('values', () => {
  it('read words, numbers in range, addresses, masks and prefixes in canonical form', () => {
    expect(ok('hostname Core-1').args).toEqual({ name: 'Core-1' });
    expect(ok('vlan 0010').text).toBe('vlan 10');
    expect(ok('ip address 010.0.0.1 255.255.255.000').text).toBe('ip address 10.0.0.1 255.255.255.0');
    expect(ok('ip prefix-list PL seq 5 permit 10.0.0.0/8 le 24').args).toEqual({ name: 'PL', seq: '5', prefix: '10.0.0.0/8', le: '24' });
    expect(ok('router bgp 65000').args).toEqual({ asn: '65000' });
    expect(ok('router bgp 1.10').args).toEqual({ asn: '1.10' });
    expect(ok('key-string 0a1B').args).toEqual({ key: '0a1B' });
    expect(ok('logging 10.0.0.9').args).toEqual({ host: '10.0.0.9' });
  });

  it('read interface names in any accepted spelling, also as two tokens', () => {
    expect(ok('int gi0/1').text).toBe('interface GigabitEthernet0/1');
    expect(ok('int Gi 0/1').words).toEqual(['interface', 'GigabitEthernet0/1']);
    expect(ok('interface GigabitEthernet 0/0/1.100').text).toBe('interface GigabitEthernet0/0/1.100');
    expect(ok('int po1').text).toBe('interface Port-channel1');
    expect(ok('int vlan10').text).toBe('interface Vlan10');
    expect(ok('int lo0').text).toBe('interface Loopback0');
    expect(ok('int tu1').text).toBe('interface Tunnel1');
  });

  it('keep the rest of the line verbatim for a line value', () => {
    expect(ok('desc  uplink to  core-1 (10G)  ')).toMatchObject({ args: { text: 'uplink to  core-1 (10G)' }, text: 'description uplink to  core-1 (10G)' });
  });

  it('refuse bad values at the offending token', () => {
    expect(match('vlan 4095')).toEqual({ ok: false, error: { kind: 'invalid', offset: 5 } });
    expect(match('ip address 10.0.0.300 255.0.0.0')).toEqual({ ok: false, error: { kind: 'invalid', offset: 11 } });
    expect(match('ip prefix-list PL permit 10.0.0.0/33')).toEqual({ ok: false, error: { kind: 'invalid', offset: 25 } });
    expect(match('switchport trunk allowed vlan 10-5')).toEqual({ ok: false, error: { kind: 'invalid', offset: 30 } });
    expect(match('int foo0/1')).toEqual({ ok: false, error: { kind: 'invalid', offset: 4 } });
    expect(match('router bgp 0')).toEqual({ ok: false, error: { kind: 'invalid', offset: 11 } });
    expect(match('key-string xyz')).toEqual({ ok: false, error: { kind: 'invalid', offset: 11 } });
  });
});

describe('errors', () => {
  it('say incomplete when the input ends where more is required', () => {
    expect(match('conf')).toEqual({ ok: false, error: { kind: 'incomplete' } });
    expect(match('ip address 10.0.0.1')).toEqual({ ok: false, error: { kind: 'incomplete' } });
    expect(match('ip access-group X')).toEqual({ ok: false, error: { kind: 'incomplete' } });
    expect(match('description')).toEqual({ ok: false, error: { kind: 'incomplete' } });
    expect(match('')).toEqual({ ok: false, error: { kind: 'incomplete' } });
  });

  it('put the marker on the first character of the offending token, leading spaces counted', () => {
    expect(match('foo')).toEqual({ ok: false, error: { kind: 'invalid', offset: 0 } });
    expect(match('  conf x')).toEqual({ ok: false, error: { kind: 'invalid', offset: 7 } });
    expect(match('ip access-group X sideways')).toEqual({ ok: false, error: { kind: 'invalid', offset: 18 } });
    expect(match('interfaces gi0/1')).toEqual({ ok: false, error: { kind: 'invalid', offset: 0 } });
  });

  it('refuse trailing junk at the junk', () => {
    expect(match('conf t now')).toEqual({ ok: false, error: { kind: 'invalid', offset: 7 } });
    expect(match('ip address 10.0.0.1 255.0.0.0 secondary x')).toEqual({ ok: false, error: { kind: 'invalid', offset: 40 } });
  });

  it('call a bad first word unknown when the caller asks (exec mode)', () => {
    expect(matchCommand(grammar, 'pign 10.0.0.1', { unknownFirstWord: 'unknown' })).toEqual({ ok: false, error: { kind: 'unknown' } });
    expect(matchCommand(grammar, 'conf x', { unknownFirstWord: 'unknown' })).toEqual({ ok: false, error: { kind: 'invalid', offset: 5 } });
    expect(matchCommand(grammar, 'sh run', { unknownFirstWord: 'unknown' })).toEqual({ ok: false, error: { kind: 'ambiguous', input: 'sh run' } });
  });
});

describe('registered token types', () => {
  // Two tokens `A B` where B must be `x`: an error past A points at B.
  registerTokenType('test-pair', (tokens, i) => {
    if (tokens[i] === undefined || !/^[a-z]+$/.test(tokens[i] as string)) return { errorOffset: 0 };
    if (tokens[i + 1] !== 'x') return { errorOffset: 1 };
    return { consumed: 2, value: `${tokens[i] as string}+x` };
  });
  const pairs = compileGrammar([{ syntax: 'pair <p:test-pair> [done]', action: 1 }]);

  it('consume several tokens and give one canonical value', () => {
    expect(matchCommand(pairs, 'pair ab x done')).toMatchObject({ ok: true, words: ['pair', 'ab+x', 'done'], args: { p: 'ab+x' } });
  });

  it('report their errors at the token they name, or incomplete past the end', () => {
    expect(matchCommand(pairs, 'pair ab y')).toEqual({ ok: false, error: { kind: 'invalid', offset: 8 } });
    expect(matchCommand(pairs, 'pair ab')).toEqual({ ok: false, error: { kind: 'incomplete' } });
    expect(matchCommand(pairs, 'pair 12 x')).toEqual({ ok: false, error: { kind: 'invalid', offset: 5 } });
  });

  it('cannot take a built-in name or be registered twice under one name', () => {
    expect(() => registerTokenType('word', () => ({ errorOffset: 0 }))).toThrow(/built in/);
    expect(() => registerTokenType('test-pair', () => ({ errorOffset: 0 }))).toThrow(/already registered/);
  });
});

describe('compileGrammar', () => {
  it.each([
    ['show [running-config', /without its "\]"/],
    ['show {a | b', /without its "\}"/],
    ['show {a | }', /empty alternative/],
    ['show []', /empty/],
    ['show <x>', /bad value/],
    ['show <x:colour>', /unknown value type "colour"/],
    ['description <text:line> now', /must come last/],
    ['show <x:word(1-2)>', /only num takes a range/],
    ['show ]', /unexpected/],
    ['', /no words/],
  ])('refuses the malformed syntax %j, naming it', (syntax, problem) => {
    expect(() => compileGrammar([{ syntax, action: 0 }])).toThrow(SyntaxSpecError);
    expect(() => compileGrammar([{ syntax, action: 0 }])).toThrow(problem);
    expect(() => compileGrammar([{ syntax, action: 0 }])).toThrow(`"${syntax}"`);
  });

  it('reads a token as a keyword before it reads it as a value, within one spec', () => {
    const g = compileGrammar([{ syntax: 'snmp-server community <name:word> [{RO | RW}] [<acl:word>]', action: 1 }]);
    expect(matchCommand(g, 'snmp-server community c rw')).toEqual({
      ok: true,
      action: 1,
      syntax: 'snmp-server community <name:word> [{RO | RW}] [<acl:word>]',
      words: ['snmp-server', 'community', 'c', 'RW'],
      args: { name: 'c' },
      text: 'snmp-server community c RW',
    });
    expect(matchCommand(g, 'snmp-server community c RO 10')).toMatchObject({ ok: true, args: { name: 'c', acl: '10' } });
  });

  it('prefers the spec with more keywords when two match, then the earlier one', () => {
    const g = compileGrammar([
      { syntax: 'neighbor <peer:word> remote-as <asn:asn>', action: 'by-value' },
      { syntax: 'neighbor default remote-as <asn:asn>', action: 'by-keyword' },
    ]);
    expect(matchCommand(g, 'neighbor default remote-as 1')).toMatchObject({ ok: true, action: 'by-keyword' });
    expect(matchCommand(g, 'neighbor peer1 remote-as 1')).toMatchObject({ ok: true, action: 'by-value' });
  });
});
