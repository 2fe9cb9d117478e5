import { describe, expect, it } from 'vitest';
import { ciscoIosRiskRules } from '../../src/ios/platforms/cisco-ios-risk.js';
import { assessRisk, MAX_GENERAL_ITEMS, type RiskRule } from '../../src/ios/risk.js';
import type { CommandKind, PlanCommand, RiskCategory, RiskLevel } from '../../src/ios/types.js';

const cmd = (path: string[], text: string, kind: CommandKind = 'add'): PlanCommand => ({ path, text, kind, reason: 'test' });
const levelsOf = (command: PlanCommand): Array<[RiskCategory, RiskLevel]> =>
  assessRisk([command], ciscoIosRiskRules).items.map((item) => [item.category, item.level] as [RiskCategory, RiskLevel]);

const VTY = 'line vty 0 4';
const BGP = 'router bgp 65000';
const GI = 'interface GigabitEthernet0/1';

// [path, command, kind, expected (category, level) pairs, sorted by level as assessRisk sorts]
const TABLE: Array<[string[], string, CommandKind, Array<[RiskCategory, RiskLevel]>]> = [
  // management access
  [[], 'no ip prefix-list CUST seq 10 permit 198.51.100.0/24', 'remove', [['routing', 'medium']]],
  [[], 'route-map FROM-CUST permit 10', 'add', [['routing', 'medium']]],
  [['route-map FROM-CUST permit 10'], 'set local-preference 200', 'replace', [['routing', 'medium']]],
  [[], 'line vty 5 15', 'add', [['management', 'high']]],
  [[VTY], 'transport input ssh', 'replace', [['management', 'high']]],
  [[VTY], 'exec-timeout 5 0', 'replace', [['management', 'high']]],
  [['line con 0'], 'logging synchronous', 'add', [['management', 'high']]],
  [[VTY], 'access-class MGMT in', 'replace', [['management', 'high']]],
  [[], 'aaa authentication login default group tacacs+ local', 'add', [['management', 'high']]],
  [[], 'no aaa new-model', 'remove', [['management', 'high']]],
  [[], 'username ops privilege 15 secret 9 $9$abc', 'replace', [['management', 'high']]],
  [[], 'no username old', 'remove', [['management', 'high']]],
  [[], 'enable secret 9 $9$xyz', 'replace', [['management', 'high']]],
  [[], 'ip ssh version 2', 'add', [['management', 'high']]],
  [[], 'no ip http server', 'add', [['management', 'high']]],
  [[], 'ip default-gateway 10.0.0.1', 'replace', [['management', 'high']]],
  [['interface GigabitEthernet0'], 'ip address 10.9.9.9 255.255.255.0', 'replace', [['management', 'high'], ['interface_state', 'medium']]],
  [['interface Mgmt0'], 'description oob', 'replace', [['management', 'high']]],
  [[], 'default interface GigabitEthernet0', 'remove', [['management', 'high'], ['interface_state', 'high']]],
  [[GI], 'vrf forwarding Mgmt-vrf', 'add', [['management', 'high'], ['interface_state', 'medium']]],
  [[], 'ip route vrf Mgmt-intf 0.0.0.0 0.0.0.0 10.0.0.1', 'add', [['management', 'high'], ['routing', 'high']]],
  [['vrf definition Mgmt-intf'], 'address-family ipv4', 'add', [['management', 'high']]],
  // routing
  [[], 'router ospf 1', 'add', [['routing', 'medium']]],
  [[], 'no router ospf 1', 'remove', [['routing', 'high']]],
  [['router ospf 1'], 'network 10.0.0.0 0.0.0.255 area 0', 'add', [['routing', 'medium']]],
  [[BGP, 'address-family ipv4'], 'neighbor 10.0.0.2 activate', 'add', [['routing', 'medium']]],
  [[BGP], 'no neighbor 10.0.0.2 remote-as 65002', 'remove', [['routing', 'high']]],
  [[BGP], 'neighbor 10.0.0.2 remote-as 65003', 'replace', [['routing', 'high']]],
  [[BGP], 'neighbor 10.0.0.3 remote-as 65003', 'add', [['routing', 'medium']]],
  [[BGP], 'neighbor 10.0.0.2 password s3cret', 'add', [['routing', 'medium'], ['security', 'medium']]],
  [[], 'ip route 0.0.0.0 0.0.0.0 192.0.2.1', 'add', [['routing', 'high']]],
  [[], 'no ip route 0.0.0.0 0.0.0.0 192.0.2.1', 'remove', [['routing', 'high']]],
  [[], 'ip route 10.0.0.0 255.0.0.0 192.0.2.1', 'add', [['routing', 'medium']]],
  [[], 'ipv6 route ::/0 2001:db8::1', 'add', [['routing', 'high']]],
  // interface state
  [[GI], 'shutdown', 'add', [['interface_state', 'high']]],
  [[GI], 'no shutdown', 'remove', [['interface_state', 'medium']]],
  [[], 'default interface GigabitEthernet0/3', 'remove', [['interface_state', 'high']]],
  [[], 'no interface Loopback9', 'remove', [['interface_state', 'high']]],
  [[GI], 'ip address 10.0.0.1 255.255.255.0', 'replace', [['interface_state', 'medium']]],
  // security
  [[], 'ip access-list extended EDGE', 'add', [['security', 'medium']]],
  [['ip access-list extended EDGE'], '15 permit tcp any any eq www', 'add', [['security', 'medium']]],
  [['ip access-list standard 10'], 'no 20', 'remove', [['security', 'medium']]],
  [[], 'ip access-list resequence EDGE 10 10', 'replace', [['security', 'medium']]],
  [[], 'no access-list 10', 'remove', [['security', 'medium']]],
  [[GI], 'ip access-group EDGE in', 'replace', [['security', 'medium']]],
  [[], 'snmp-server community public RO', 'add', [['security', 'medium']]],
  [['crypto pki certificate chain TP-1'], 'certificate self-signed 01', 'replace', [['security', 'medium']]],
  [['key chain OSPF', 'key 1'], 'key-string 7 0822455D0A16', 'replace', [['security', 'medium']]],
  // disruptive
  [[], 'no vlan 20', 'remove', [['disruptive', 'high']]],
  [[GI], 'switchport trunk allowed vlan 10,20,30-40', 'replace', [['disruptive', 'high']]],
  [[GI], 'switchport mode trunk', 'replace', [['disruptive', 'high']]],
  [[GI], 'no switchport mode', 'remove', [['disruptive', 'high']]],
  [[GI], 'no channel-group', 'remove', [['disruptive', 'high']]],
  [[GI], 'channel-group 2 mode active', 'replace', [['disruptive', 'high']]],
  [[`${GI}.100`], 'encapsulation dot1Q 101', 'replace', [['disruptive', 'high']]],
  [[GI], 'switchport access vlan 30', 'replace', [['disruptive', 'medium']]],
  [[], 'vtp mode transparent', 'replace', [['disruptive', 'high']]],
  // everything else
  [[], 'hostname r2', 'replace', [['general', 'low']]],
  [[GI], 'description uplink to core', 'replace', [['general', 'low']]],
  [[], 'logging host 10.1.1.1', 'add', [['general', 'low']]],
  [[], 'vlan 30', 'add', [['general', 'low']]],
  [[GI], 'channel-group 2 mode active', 'add', [['general', 'low']]],
];

describe('ciscoIosRiskRules', () => {
  it.each(TABLE)('%j %s (%s)', (path, text, kind, expected) => {
    expect(levelsOf(cmd(path, text, kind))).toEqual(expected);
  });

  it('rates opening every VLAN on a trunk high and says so', () => {
    const [item] = assessRisk([cmd([GI], 'switchport trunk allowed vlan all', 'remove')], ciscoIosRiskRules).items;
    expect(item).toMatchObject({ level: 'high', category: 'disruptive', command: `${GI} > switchport trunk allowed vlan all` });
    expect(item?.reason).toMatch(/every VLAN/);
  });

  it('does not treat an ordinary interface as management', () => {
    expect(levelsOf(cmd(['interface GigabitEthernet0/0'], 'description wan', 'replace'))).toEqual([['general', 'low']]);
    expect(levelsOf(cmd(['interface GigabitEthernet0.10'], 'description sub', 'replace'))).toEqual([['general', 'low']]);
    expect(levelsOf(cmd([GI], 'vrf forwarding CUSTOMER-A', 'add'))).toEqual([['interface_state', 'medium']]);
  });
});

describe('assessRisk', () => {
  const rules: RiskRule[] = [
    { category: 'routing', level: 'medium', match: /^ip route /, reason: 'static route' },
    { category: 'routing', level: 'high', match: /^ip route 0\.0\.0\.0 /, reason: 'default route (never reached: routing already matched)' },
    { category: 'interface_state', level: 'high', match: /^shutdown$/, kinds: ['add'], reason: 'shut' },
    { category: 'security', level: 'medium', path: /^ip access-list /, match: /./, reason: 'acl entry' },
  ];

  it('is none for an empty plan and the highest item level otherwise', () => {
    expect(assessRisk([], rules)).toEqual({ level: 'none', items: [] });
    expect(assessRisk([cmd([], 'hostname r1')], rules).level).toBe('low');
    expect(assessRisk([cmd([], 'hostname r1'), cmd([], 'ip route 10.0.0.0 255.0.0.0 192.0.2.1')], rules).level).toBe('medium');
    expect(assessRisk([cmd([], 'ip route 10.0.0.0 255.0.0.0 192.0.2.1'), cmd(['interface Gi1'], 'shutdown')], rules).level).toBe('high');
  });

  it('takes the first matching rule of a category, honours kinds and paths, and sorts by level', () => {
    const summary = assessRisk(
      [
        cmd([], 'ip route 0.0.0.0 0.0.0.0 192.0.2.1'),
        cmd(['interface Gi1'], 'shutdown', 'remove'),
        cmd(['ip access-list extended A'], 'permit ip any any'),
        cmd(['interface Gi2'], 'shutdown'),
      ],
      rules,
    );
    expect(summary.items.map((item) => [item.level, item.category, item.command, item.reason])).toEqual([
      ['high', 'interface_state', 'interface Gi2 > shutdown', 'shut'],
      ['medium', 'routing', 'ip route 0.0.0.0 0.0.0.0 192.0.2.1', 'static route'],
      ['medium', 'security', 'ip access-list extended A > permit ip any any', 'acl entry'],
      ['low', 'general', 'interface Gi1 > shutdown', 'not in any risk category'],
    ]);
    expect(summary.items[0]?.path).toEqual(['interface Gi2']);
  });

  it('puts a command in every category one of its rules matches', () => {
    const both: RiskRule[] = [...rules, { category: 'management', level: 'high', match: /192\.0\.2\.1$/, reason: 'management next hop' }];
    expect(assessRisk([cmd([], 'ip route 10.0.0.0 255.0.0.0 192.0.2.1')], both).items.map((item) => item.category)).toEqual(['management', 'routing']);
  });

  it('keeps identical items once', () => {
    const summary = assessRisk([cmd(['interface Gi1'], 'shutdown'), cmd(['interface Gi1'], 'shutdown'), cmd(['interface Gi2'], 'shutdown')], rules);
    expect(summary.items.map((item) => item.command)).toEqual(['interface Gi1 > shutdown', 'interface Gi2 > shutdown']);
  });

  it('lists up to the cap of unremarkable changes, and sums up more in one item', () => {
    const general = (count: number): PlanCommand[] => Array.from({ length: count }, (_, i) => cmd(['interface Gi1'], `description d${i}`, 'replace'));
    expect(assessRisk(general(MAX_GENERAL_ITEMS), rules).items).toHaveLength(MAX_GENERAL_ITEMS);
    const summary = assessRisk([...general(MAX_GENERAL_ITEMS + 5), cmd([], 'ip route 10.0.0.0 255.0.0.0 192.0.2.1')], rules);
    expect(summary.level).toBe('medium');
    expect(summary.items).toEqual([
      expect.objectContaining({ level: 'medium', category: 'routing' }),
      { level: 'low', category: 'general', command: `${MAX_GENERAL_ITEMS + 5} other changes`, path: [], reason: 'not in any risk category' },
    ]);
  });
});
