// show ip access-lists: numbered and named lists with the sequence numbers the device keeps,
// including those set by config-mode edits (the real config interpreter makes them).

import { describe, expect, it } from 'vitest';
import { CORE_1, GENERATED_R1, execHarness } from '../support/exec-device.js';

const CORE_1_LISTS = [
  'Extended IP access list EDGE-IN',
  '    20 permit tcp any any eq bgp',
  '    30 permit tcp any eq bgp any',
  '    40 permit tcp 10.99.0.0 0.0.0.255 any eq 22',
  '    50 permit icmp any any echo-reply',
  '    60 deny ip any any log',
  'Standard IP access list VTY-ALLOWED',
  // The remark (the lab's loopback note) holds 10 and is not shown.
  '    20 permit 127.0.0.1',
  '    30 permit 10.99.0.0, wildcard bits 0.0.0.255',
];

describe('show ip access-lists', () => {
  it('lists every ACL with sequence numbers; remarks keep their number but are not shown', () => {
    expect(execHarness(CORE_1).run('show ip access-lists')).toEqual({ output: CORE_1_LISTS, paged: true });
  });

  it('shows one list by name, and nothing for a list that does not exist', () => {
    const lab = execHarness(CORE_1);
    expect(lab.run('show ip access-lists VTY-ALLOWED').output).toEqual(CORE_1_LISTS.slice(6));
    expect(lab.run('sh ip acc NOPE').output).toEqual([]);
  });

  it('puts numbered lists first, numbered 10, 20, … as loaded, standard entries in IOS form', () => {
    const output = execHarness(GENERATED_R1).run('show ip access-lists').output;
    expect(output.slice(0, 3)).toEqual([
      'Standard IP access list 10',
      '    10 permit 10.99.0.0, wildcard bits 0.0.0.255',
      '    20 permit 10.244.52.32, wildcard bits 0.0.0.31',
    ]);
    expect(output).toContain('Extended IP access list 182');
    expect(output).toContain('    20 deny gre host 192.221.98.113 any log');
    expect(output).toContain('    20 deny   203.109.115.192, wildcard bits 0.0.0.31');
  });

  it('shows entries inserted by sequence number and a resequenced list', () => {
    const lab = execHarness(CORE_1);
    lab.configure('ip access-list extended EDGE-IN', '35 permit ospf any any', 'exit', 'ip access-list standard VTY-ALLOWED', 'permit host 10.98.0.7', 'deny any');
    expect(lab.run('show ip access-lists').output).toEqual([
      ...CORE_1_LISTS.slice(0, 3),
      '    35 permit ospf any any',
      ...CORE_1_LISTS.slice(3),
      '    40 permit 10.98.0.7',
      '    50 deny   any',
    ]);
    lab.configure('ip access-list resequence EDGE-IN 100 5');
    expect(lab.run('show ip access-lists EDGE-IN').output.slice(1, 3)).toEqual(['    105 permit tcp any any eq bgp', '    110 permit tcp any eq bgp any']);
  });
});
