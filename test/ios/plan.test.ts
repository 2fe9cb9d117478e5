import { describe, expect, it } from 'vitest';
import { planConfig } from '../../src/ios/index.js';

describe('planConfig', () => {
  it('shows a reordered numbered ACL in the diff (its top-level lines keep their order)', () => {
    const running = 'hostname r1\naccess-list 10 permit 10.0.0.1\naccess-list 10 deny any\nntp server 10.9.9.9\n';
    const intended = 'ntp server 10.9.9.9\nhostname r1\naccess-list 10 deny any\naccess-list 10 permit 10.0.0.1\n';
    const plan = planConfig(running, intended);
    expect(plan.commands.length).toBeGreaterThan(0);
    expect(plan.diff).toContain('-access-list 10 permit 10.0.0.1');
    expect(plan.diff).toContain('+access-list 10 permit 10.0.0.1');
    expect(plan.diff).not.toMatch(/^[-+]ntp server/m); // moved, not changed
  });

  it('counts commands by kind and rates the plan by its riskiest command', () => {
    const plan = planConfig(
      'hostname r1\ninterface GigabitEthernet0/1\n description a\nline vty 0 4\n transport input ssh\n',
      'hostname r2\ninterface GigabitEthernet0/1\n description b\nline vty 0 4\n transport input ssh telnet\n',
    );
    expect(plan.stats).toEqual({ add: 0, remove: 0, replace: 3 });
    expect(plan.risk.level).toBe('high');
    expect(plan.risk.items[0]).toMatchObject({ category: 'management', command: 'line vty 0 4 > transport input ssh telnet' });
  });

  it('names the source files in its errors', () => {
    expect(() => planConfig('hostname r1\n', 'banner motd ^C\nunterminated\n', { intendedSource: 'configs/r1.cfg' })).toThrow(
      /^configs\/r1\.cfg:1: banner motd is not terminated/,
    );
  });
});
