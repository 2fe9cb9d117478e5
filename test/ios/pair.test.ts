import { describe, expect, it } from 'vitest';
import { planConfig, predictConfig, preparePair, prepareConfig, serializeConfig } from '../../src/ios/index.js';
import { parseBlocks } from '../../src/ios/parse.js';

const RUNNING = [
  'hostname r1',
  '!',
  'interface Loopback0',
  '!',
  'interface Loopback1',
  '!',
  'interface GigabitEthernet0/1',
  ' description uplink',
  '!',
  'banner motd ^C',
  'Authorised access only',
  '^C',
  'router bgp 65000',
  ' neighbor 192.0.2.1 remote-as 65001',
  ' address-family ipv4',
  '  neighbor 192.0.2.1 activate',
  ' exit-address-family',
  '!',
  'end',
].join('\n');

describe('parseBlocks against a known config', () => {
  it('skips the blocks written the same, in runs, and says which known block each is', () => {
    const known = parseBlocks(RUNNING, {});
    const intended = parseBlocks(RUNNING.replace(' description uplink', ' description core'), { known });
    expect(intended.same).toEqual([0, 1, 2, -1, 4, 5]);
    expect(intended.nodes.map((node) => node?.text)).toEqual([undefined, undefined, undefined, 'interface GigabitEthernet0/1', undefined, undefined]);
    expect(intended.first).toEqual(known.first);
    expect(intended.last).toEqual(known.last);
  });

  it('does not skip a block that starts with the lines of a known one but goes on', () => {
    const known = parseBlocks(RUNNING, {});
    const longer = RUNNING.replace('interface Loopback1\n', 'interface Loopback1\nexit\n shutdown\n');
    const intended = parseBlocks(longer, { known });
    expect(intended.same[2]).toBe(-1);
    expect(intended.nodes[2]?.children.map((c) => c.text)).toEqual(['shutdown']);
  });
});

describe('preparePair', () => {
  it('gives the trees of two prepareConfig calls, sharing the identical blocks', () => {
    const intended = RUNNING.replace(' description uplink', ' description core');
    const pair = preparePair(RUNNING, intended);
    expect(pair.running).toEqual(prepareConfig(RUNNING, undefined)); // line numbers too
    expect(serializeConfig(pair.running)).toBe(serializeConfig(prepareConfig(RUNNING, undefined)));
    expect(serializeConfig(pair.intended)).toBe(serializeConfig(prepareConfig(intended, undefined)));
    expect(pair.intended.children[0]).toBe(pair.running.children[0]);
    expect(pair.intended.children[3]).not.toBe(pair.running.children[3]);
  });

  it('merges an intended section written twice, beside a changed one, as prepareConfig does', () => {
    const changed = RUNNING.replace(' description uplink', ' description core');
    // Once as a block the running config has too (shared), once more further on; and a changed
    // block written twice.
    const twice = [
      changed.replace('\nend', '\ninterface Lo0\n description again\n!\nend'),
      changed.replace('\nend', '\ninterface Gi0/1\n mtu 9000\n!\nend'),
    ];
    for (const intended of twice) {
      const pair = preparePair(RUNNING, intended);
      expect(serializeConfig(pair.intended)).toBe(serializeConfig(prepareConfig(intended, undefined)));
      expect(pair.intended.children.filter((n) => n.text.startsWith('interface')).map((n) => n.text)).toEqual([
        'interface Loopback0',
        'interface Loopback1',
        'interface GigabitEthernet0/1',
      ]);
    }
  });

  it('leaves predictConfig a tree of its own to change (leaves share one frozen empty array)', () => {
    const intended = RUNNING.replace('interface Loopback0\n', 'interface Loopback0\n description first\n');
    const { running } = preparePair(RUNNING, intended);
    const predicted = predictConfig(running, planConfig(RUNNING, intended).commands);
    const loopbacks = predicted.children.filter((n) => n.text.startsWith('interface Loopback'));
    expect(loopbacks.map((n) => n.children.map((c) => c.text))).toEqual([['description first'], []]);
    expect(running.children[1]?.children).toEqual([]);
  });
});

describe('planConfig', () => {
  it('makes the diff when it is read, and the same each time', () => {
    const plan = planConfig(RUNNING, RUNNING.replace(' description uplink', ' description core'));
    expect(plan.commands.map((c) => c.text)).toEqual(['description core']);
    expect(plan.diff).toContain('+ description core');
    expect(plan.diff).toBe(plan.diff);
    expect(JSON.parse(JSON.stringify(plan)).diff).toBe(plan.diff);
  });

  describe('diff of blocks written the same in both configs', () => {
    const running = [
      'hostname r1',
      '!',
      'crypto pki certificate chain TP-self-signed',
      ' certificate self-signed 01',
      '  3082 0229',
      '  A003 0201',
      '  \tquit',
      '!',
      'router bgp 65000',
      ' bgp log-neighbor-changes',
      ' !',
      ' address-family ipv4',
      '  neighbor 10.0.0.2 activate',
      ' exit-address-family',
      '!',
      'interface GigabitEthernet0/1',
      ' description uplink',
      ' no shutdown',
      '!',
      'ip route 0.0.0.0 0.0.0.0 10.0.0.254',
      'end',
    ].join('\n');
    const newRoute = (text: string): string => text.replace('10.0.0.254', '10.0.0.253');

    it('shows them as written, and numbers lines so: certificate text and quit, no comments or terminators', () => {
      // hostname 1, the chain 5 (header, certificate, two hex lines, quit), router bgp 4,
      // interface 3 with `no shutdown` (which normalising drops: IOS's default): the route is line 14.
      expect(planConfig(running, newRoute(running), { runningSource: 'r', intendedSource: 'i' }).diff).toBe(
        [
          '--- r',
          '+++ i',
          '@@ -11,4 +11,4 @@ ip route 0.0.0.0 0.0.0.0 10.0.0.254',
          ' interface GigabitEthernet0/1',
          '  description uplink',
          '  no shutdown',
          '-ip route 0.0.0.0 0.0.0.0 10.0.0.254',
          '+ip route 0.0.0.0 0.0.0.0 10.0.0.253',
          '',
        ].join('\n'),
      );
    });

    it('normalises a block written differently on the two sides', () => {
      const intended = newRoute(running).replace(' description uplink', ' description  uplink');
      expect(planConfig(running, intended, { runningSource: 'r', intendedSource: 'i' }).diff).toBe(
        [
          '--- r',
          '+++ i',
          '@@ -10,4 +10,4 @@ ip route 0.0.0.0 0.0.0.0 10.0.0.254',
          '   neighbor 10.0.0.2 activate',
          ' interface GigabitEthernet0/1',
          '  description uplink',
          '-ip route 0.0.0.0 0.0.0.0 10.0.0.254',
          '+ip route 0.0.0.0 0.0.0.0 10.0.0.253',
          '',
        ].join('\n'),
      );
    });
  });
});
