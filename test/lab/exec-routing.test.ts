// show ip route and ping: the routing table built from interface addresses and static routes,
// and reachability through it.

import { describe, expect, it } from 'vitest';
import { CORE_1, GENERATED_R1, execHarness } from '../support/exec-device.js';
import { withLines, withSectionLines } from '../support/config-text.js';

/** core-1 without its global default route. */
const NO_DEFAULT = CORE_1.replace('ip route 0.0.0.0 0.0.0.0 10.1.1.2\n', '');

const LEGEND = [
  'Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP',
  '       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area ',
  '       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2',
  '       E1 - OSPF external type 1, E2 - OSPF external type 2',
  '       i - IS-IS, su - IS-IS summary, L1 - IS-IS level-1, L2 - IS-IS level-2',
  '       ia - IS-IS inter area, * - candidate default, U - per-user static route',
  '       o - ODR, P - periodic downloaded static route, H - NHRP, l - LISP',
  '       + - replicated route, % - next hop override',
  '',
];

/** The route lines of `show ip route`, after the legend and the gateway line. */
function routeLines(output: string[]): string[] {
  return output.slice(output.findIndex((line) => line.startsWith('Gateway of last resort')) + 2);
}

describe('show ip route', () => {
  it('prints connected, local and static routes grouped by classful network', () => {
    expect(execHarness(CORE_1).run('show ip route')).toEqual({
      paged: true,
      output: [
        ...LEGEND,
        'Gateway of last resort is 10.1.1.2 to network 0.0.0.0',
        '',
        'S*    0.0.0.0/0 [1/0] via 10.1.1.2',
        '      10.0.0.0/8 is variably subnetted, 3 subnets, 2 masks',
        'C        10.0.0.1/32 is directly connected, Loopback0',
        'C        10.1.1.0/30 is directly connected, GigabitEthernet0/1',
        'L        10.1.1.1/32 is directly connected, GigabitEthernet0/1',
        '      192.0.2.0/24 is variably subnetted, 2 subnets, 2 masks',
        'C        192.0.2.0/24 is directly connected, GigabitEthernet0/3',
        'L        192.0.2.1/32 is directly connected, GigabitEthernet0/3',
        '      203.0.113.0/24 is variably subnetted, 2 subnets, 2 masks',
        'C        203.0.113.0/24 is directly connected, GigabitEthernet0/2',
        'L        203.0.113.1/32 is directly connected, GigabitEthernet0/2',
      ],
    });
  });

  it('prints a VRF table under its name, and refuses an unknown VRF', () => {
    const lab = execHarness(CORE_1);
    expect(lab.run('show ip route vrf MGMT').output).toEqual([
      'Routing Table: MGMT',
      ...LEGEND,
      'Gateway of last resort is 10.99.0.1 to network 0.0.0.0',
      '',
      'S*    0.0.0.0/0 [1/0] via 10.99.0.1',
      '      10.0.0.0/8 is variably subnetted, 2 subnets, 2 masks',
      'C        10.99.0.0/24 is directly connected, GigabitEthernet0/0',
      'L        10.99.0.11/32 is directly connected, GigabitEthernet0/0',
    ]);
    expect(lab.run('show ip route vrf NOPE').output).toEqual(['% IP routing table NOPE does not exist']);
  });

  it('drops the routes of an interface that goes down, and the statics that relied on them', () => {
    const lab = execHarness(CORE_1);
    lab.device.linkDown.add('GigabitEthernet0/1');
    const output = lab.run('show ip route').output;
    expect(output).toContain('Gateway of last resort is not set');
    expect(routeLines(output).slice(0, 2)).toEqual(['      10.0.0.0/32 is subnetted, 1 subnets', 'C        10.0.0.1 is directly connected, Loopback0']);
    expect(output.join('\n')).not.toMatch(/10\.1\.1\.|S\*/);
  });

  it('installs statics by resolving next hops recursively, by distance, with equal-cost paths', () => {
    const lab = execHarness(
      withLines(
        CORE_1,
        'ip route 172.20.0.0 255.255.0.0 10.1.1.2',
        'ip route 172.20.0.0 255.255.0.0 192.0.2.2',
        'ip route 172.21.0.0 255.255.0.0 172.20.5.5',
        'ip route 172.22.0.0 255.255.0.0 10.1.1.2 200',
        'ip route 172.22.0.0 255.255.0.0 192.0.2.2 20',
        'ip route 172.24.1.0 255.255.255.0 10.1.1.2',
        'ip route 198.18.0.0 255.254.0.0 Null0',
        'ip route 192.168.7.0 255.255.255.0 GigabitEthernet0/2 203.0.113.9',
        'ip route vrf MGMT 172.23.0.0 255.255.0.0 10.99.0.1',
      ),
    );
    const routes = routeLines(lab.run('show ip route').output);
    expect(routes).toEqual(
      expect.arrayContaining([
        'S     172.20.0.0/16 [1/0] via 10.1.1.2',
        '                    [1/0] via 192.0.2.2',
        'S     172.21.0.0/16 [1/0] via 172.20.5.5',
        'S     172.22.0.0/16 [20/0] via 192.0.2.2',
        '      172.24.0.0/24 is subnetted, 1 subnets',
        'S        172.24.1.0 [1/0] via 10.1.1.2',
        'S     192.168.7.0/24 [1/0] via 203.0.113.9, GigabitEthernet0/2',
        'S     198.18.0.0/15 is directly connected, Null0',
      ]),
    );
    expect(routes.join('\n')).not.toContain('172.23.');
  });

  it('leaves out a static whose next hop nothing reaches', () => {
    const lab = execHarness(withLines(NO_DEFAULT, 'ip route 172.30.0.0 255.255.0.0 100.64.9.9'));
    const output = lab.run('show ip route').output;
    expect(output).toContain('Gateway of last resort is not set');
    expect(output.join('\n')).not.toContain('172.30.');
  });

  it('builds the table of a generated router: every static resolves through a connected subnet', () => {
    const lab = execHarness(GENERATED_R1);
    const routes = routeLines(lab.run('show ip route').output);
    const statics = lab.device.running.filter((node) => /^ip route \d/.test(node.text)).length;
    expect(routes.filter((line) => /^S/.test(line))).toHaveLength(statics);
    expect(routes).toContain('C        10.255.0.1/32 is directly connected, Loopback0');
    expect(routes).toContain('      172.16.0.0/16 is variably subnetted, 2 subnets, 2 masks');
  });
});

const pingOutput = (target: string, marks: string, rate: string): string[] => [
  'Type escape sequence to abort.',
  `Sending ${marks.length}, 100-byte ICMP Echos to ${target}, timeout is 2 seconds:`,
  marks,
  rate,
];
const SUCCESS = 'Success rate is 100 percent (5/5), round-trip min/avg/max = 1/1/1 ms';
const FAILURE = 'Success rate is 0 percent (0/5)';

describe('ping', () => {
  it.each<[string, string, { config?: string; linkDown?: string; pingFailures?: string }, boolean]>([
    ['a neighbour on a connected subnet', '10.1.1.2', {}, true],
    ['its own address', '10.0.0.1', {}, true],
    ['anything, through the default route', '8.8.8.8', {}, true],
    ['nothing routes it', '8.8.8.8', { config: NO_DEFAULT }, false],
    ['the fault names it', '10.1.1.2', { pingFailures: '^10\\.1\\.1\\.2$' }, false],
    ['the fault names another', '10.1.1.2', { pingFailures: '^10\\.9\\.' }, true],
    ['its interface is down', '10.1.1.2', { linkDown: 'GigabitEthernet0/1' }, false],
    ['the default route lost its next hop', '8.8.8.8', { linkDown: 'GigabitEthernet0/1' }, false],
    ['its interface is shut down', '192.0.2.2', { config: withSectionLines(NO_DEFAULT, 'interface GigabitEthernet0/3', 'shutdown') }, false],
    ['a discard route', '198.18.1.1', { config: withLines(CORE_1, 'ip route 198.18.0.0 255.254.0.0 Null0') }, false],
    ['a static through a connected next hop', '172.20.1.1', { config: withLines(NO_DEFAULT, 'ip route 172.20.0.0 255.255.0.0 192.0.2.2') }, true],
  ])('%s: ping %s', (_, target, setup, success) => {
    const lab = execHarness(setup.config ?? CORE_1, { faults: setup.pingFailures ? { pingFailures: setup.pingFailures } : {} });
    if (setup.linkDown) lab.device.linkDown.add(setup.linkDown);
    expect(lab.run(`ping ${target}`)).toEqual({ output: pingOutput(target, success ? '!!!!!' : '.....', success ? SUCCESS : FAILURE) });
  });

  it('pings in a VRF through that VRF table only', () => {
    const lab = execHarness(NO_DEFAULT);
    expect(lab.run('ping vrf MGMT 10.99.0.1').output).toContain(SUCCESS);
    expect(lab.run('ping 10.99.0.1').output).toContain(FAILURE);
    // The MGMT table has its own default route.
    expect(lab.run('ping vrf MGMT 10.1.1.2').output).toContain(SUCCESS);
  });

  it('sends `repeat N` echoes, 70 marks to a line', () => {
    const output = execHarness(CORE_1).run('ping 10.1.1.2 repeat 100').output;
    expect(output).toEqual([
      'Type escape sequence to abort.',
      'Sending 100, 100-byte ICMP Echos to 10.1.1.2, timeout is 2 seconds:',
      '!'.repeat(70),
      '!'.repeat(30),
      'Success rate is 100 percent (100/100), round-trip min/avg/max = 1/1/1 ms',
    ]);
  });
});
