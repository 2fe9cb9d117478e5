import { describe, expect, it } from 'vitest';
import {
  converged,
  normalizeConfig,
  parseConfig,
  predictConfig,
  PredictError,
  serializeConfig,
  type PlanCommand,
} from '../../src/ios/index.js';

const tree = (text: string) => normalizeConfig(parseConfig(text));
const cmd = (path: string[], text: string, body?: string): PlanCommand =>
  body === undefined ? { path, text, kind: 'add', reason: 'test' } : { path, text, kind: 'add', reason: 'test', body };
const predicted = (running: string, commands: PlanCommand[]): string => serializeConfig(predictConfig(tree(running), commands));

describe('predictConfig', () => {
  it('replaces a slot in place and removes by word prefix', () => {
    const running = 'interface GigabitEthernet0/1\n description old\n ip address 10.0.0.1 255.255.255.0\n ip address 10.0.1.1 255.255.255.0 secondary\n';
    expect(predicted(running, [cmd(['interface GigabitEthernet0/1'], 'description new')])).toContain(' description new\n');
    expect(predicted(running, [cmd(['interface GigabitEthernet0/1'], 'no ip address')])).toBe(
      'interface GigabitEthernet0/1\n description old\n',
    );
  });

  it('keeps a `no X` line when there is nothing to remove; `X` restores the default, which IOS does not show', () => {
    expect(predicted('hostname r1\n', [cmd([], 'no ip domain lookup')])).toBe('hostname r1\nno ip domain lookup\n');
    expect(predicted('hostname r1\nno ip domain lookup\n', [cmd([], 'ip domain lookup')])).toBe('hostname r1\n');
  });

  it('removes a BGP neighbour everywhere when its remote-as goes', () => {
    const running = 'router bgp 1\n neighbor 10.0.0.2 remote-as 2\n neighbor 10.0.0.2 description x\n neighbor 10.0.0.3 remote-as 3\n address-family ipv4\n  neighbor 10.0.0.2 activate\n  neighbor 10.0.0.3 activate\n';
    expect(predicted(running, [cmd(['router bgp 1'], 'no neighbor 10.0.0.2 remote-as 2')])).toBe(
      'router bgp 1\n neighbor 10.0.0.3 remote-as 3\n address-family ipv4\n  neighbor 10.0.0.3 activate\n',
    );
  });

  it('resets a physical interface, deletes a logical one', () => {
    const running = 'interface GigabitEthernet0/1\n description x\ninterface Loopback1\n description y\n';
    expect(predicted(running, [cmd([], 'default interface GigabitEthernet0/1'), cmd([], 'no interface Loopback1')])).toBe(
      'interface GigabitEthernet0/1\n',
    );
  });

  it('deletes the interface addresses when its VRF changes', () => {
    const running = 'interface GigabitEthernet0/1\n vrf forwarding A\n ip address 10.0.0.1 255.255.255.0\n description x\n';
    expect(predicted(running, [cmd(['interface GigabitEthernet0/1'], 'vrf forwarding B')])).toBe(
      'interface GigabitEthernet0/1\n vrf forwarding B\n description x\n',
    );
  });

  it('edits ACLs by sequence number after a resequence, numbered lists through their ACL mode', () => {
    const running = 'ip access-list extended A\n permit ip host 1.1.1.1 any\n permit ip host 2.2.2.2 any\naccess-list 10 permit 10.0.0.1\naccess-list 10 permit 10.0.0.2\n';
    const result = predicted(running, [
      cmd([], 'ip access-list resequence A 100 100'),
      cmd(['ip access-list extended A'], '250 deny ip any any'),
      cmd(['ip access-list extended A'], 'no 100'),
      cmd(['ip access-list standard 10'], 'no 20'),
      cmd(['ip access-list standard 10'], '5 permit 10.0.0.9'),
    ]);
    expect(result).toBe(
      'ip access-list extended A\n permit ip host 2.2.2.2 any\n deny ip any any\naccess-list 10 permit 10.0.0.9\naccess-list 10 permit 10.0.0.1\n',
    );
  });

  it('reports commands IOS would reject', () => {
    expect(() => predicted('ip prefix-list A seq 5 permit 10.0.0.0/8\n', [cmd([], 'ip prefix-list A seq 5 permit 11.0.0.0/8')])).toThrow(PredictError);
    expect(() => predicted('ip access-list extended A\n permit ip any any\n', [cmd(['ip access-list extended A'], 'no 20')])).toThrow(
      /no entry has sequence number 20/,
    );
    expect(() => predicted('ip access-list extended A\n permit ip any any\n', [cmd(['ip access-list extended A'], '10 deny ip any any')])).toThrow(
      /sequence number 10 is in use/,
    );
  });
});

describe('converged', () => {
  it('ignores order where IOS does, not in ACLs', () => {
    expect(converged(tree('hostname r1\nntp server 1.1.1.1\n'), tree('ntp server 1.1.1.1\nhostname r1\n'))).toBe(true);
    expect(
      converged(tree('ip access-list extended A\n permit ip any host 1.1.1.1\n deny ip any any\n'), tree('ip access-list extended A\n deny ip any any\n permit ip any host 1.1.1.1\n')),
    ).toBe(false);
  });

  it('treats an unconfigured physical interface as absent', () => {
    expect(converged(tree('hostname r1\ninterface GigabitEthernet0/2\n shutdown\n negotiation auto\n'), tree('hostname r1\n'))).toBe(true);
    expect(converged(tree('hostname r1\ninterface GigabitEthernet0/2\n description x\n'), tree('hostname r1\n'))).toBe(false);
  });
});
