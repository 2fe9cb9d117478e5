// The lab's config generator and editor: deterministic, sized as asked, consistent, printed the
// way IOS prints running-configs. Independent of the engine's parser.

import { describe, expect, it } from 'vitest';
import { generateDeviceModel } from '../../src/lab/generate/device-model.js';
import { findModelProblems } from '../../src/lab/generate/model-check.js';
import { EDIT_KINDS, mutateModel } from '../../src/lab/generate/mutate-model.js';
import { createRandom } from '../../src/lab/generate/random.js';
import { isDefaultState } from '../../src/lab/generate/render-interfaces.js';
import { renderIntendedConfig, renderRunningConfig } from '../../src/lab/generate/render-model.js';

const lines = (text: string): string[] => text.split('\n');
const count = (text: string, re: RegExp): number => lines(text).filter((l) => re.test(l)).length;

describe('random', () => {
  it('is a deterministic seeded generator', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 50 }, () => a.int(1, 6));
    expect(Array.from({ length: 50 }, () => b.int(1, 6))).toEqual(xs);
    expect(new Set(xs)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(createRandom(43).next()).not.toBe(createRandom(42).next());
    expect(createRandom(1).shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('generateDeviceModel + renderRunningConfig', () => {
  it('is deterministic: same seed, same text; another seed, another config', () => {
    const make = (seed: number): string => renderRunningConfig(generateDeviceModel({ hostname: 'r1', seed, targetLines: 2000 }));
    expect(make(7)).toBe(make(7));
    expect(make(8)).not.toBe(make(7));
    const model = generateDeviceModel({ hostname: 'r1', seed: 7, targetLines: 2000 });
    expect(renderIntendedConfig(model, { style: 'human' })).toBe(renderIntendedConfig(model, { style: 'human' }));
  });

  it.each([200, 1_000, 10_000, 100_000])('makes a config of about %i lines', (target) => {
    const started = performance.now();
    const model = generateDeviceModel({ hostname: 'bench-1', seed: 42, targetLines: target });
    const text = renderRunningConfig(model);
    const elapsed = performance.now() - started;
    const n = lines(text).length - 1;
    expect(n).toBeGreaterThanOrEqual(target * 0.85);
    expect(n).toBeLessThanOrEqual(target * 1.15);
    expect(elapsed).toBeLessThan(5000); // well under a second on a normal machine; CI is slower
  });

  it('has no dangling references or overlapping addresses', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const model = generateDeviceModel({ hostname: `r${seed}`, seed, targetLines: seed % 3 === 0 ? 5_000 : 600 });
      expect(findModelProblems(model), `seed ${seed}`).toEqual([]);
    }
  });

  it('is JSON data', () => {
    const model = generateDeviceModel({ hostname: 'r1', seed: 3, targetLines: 1000 });
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('prints show running-config: header, byte count, blocks, one-space children, end', () => {
    const text = renderRunningConfig(generateDeviceModel({ hostname: 'core-9', seed: 5, targetLines: 3000 }));
    const [first, blank, current, bang, lastChange] = lines(text);
    expect([first, blank, bang]).toEqual(['Building configuration...', '', '!']);
    expect(lastChange).toMatch(/^! Last configuration change at /);
    const rest = text.slice(text.indexOf('\n', text.indexOf('Current configuration')) + 1);
    expect(current).toBe(`Current configuration : ${Buffer.byteLength(rest)} bytes`);
    expect(text.endsWith('\n!\nend\n')).toBe(true);
    expect(text).toContain('\nversion 15.9\n');
    expect(text).toContain('\nhostname core-9\n');
    expect(text).toMatch(/\nbanner motd \^C\n[^\n]+\n[^\n]+\n\^C\n/);
    for (const line of lines(text)) expect(line, line).not.toMatch(/\s$|^ {3}|\t/);
    // Address-family children are indented twice, and the family is closed.
    expect(count(text, /^ address-family ipv4$/)).toBe(count(text, /^ exit-address-family$/));
    expect(text).toMatch(/\n {2}neighbor \S+ activate\n/);
    expect(text.startsWith('!', text.indexOf('Current configuration') + current!.length + 1)).toBe(true);
    expect(renderRunningConfig(generateDeviceModel({ hostname: 'x', seed: 5, targetLines: 300 }), { header: false })).toMatch(/^!\n! Last/);
  });

  it('round-trips structurally: every object of the model is printed once, in IOS form', () => {
    const model = generateDeviceModel({ hostname: 'r1', seed: 11, targetLines: 4000 });
    const text = renderRunningConfig(model);
    expect(count(text, /^interface /)).toBe(model.interfaces.length);
    expect(count(text, /^ip access-list (standard|extended) /)).toBe(model.namedAcls.length);
    expect(count(text, /^vlan \d+$/)).toBe(model.vlans.length);
    expect(count(text, /^ip route /)).toBe(model.staticRoutes.length);
    expect(count(text, /^ip prefix-list /)).toBe(model.prefixLists.reduce((n, l) => n + l.entries.length, 0));
    expect(count(text, /^route-map /)).toBe(model.routeMaps.reduce((n, r) => n + r.entries.length, 0));
    expect(count(text, /^access-list /)).toBe(model.numberedAcls.reduce((n, a) => n + a.entries.length, 0));
    expect(count(text, /^ neighbor \S+ remote-as /)).toBe(model.bgp?.neighbors.length);
    expect(count(text, /^vrf definition /)).toBe(model.vrfs.length);
    // Named ACL entries without sequence numbers, deny padded as IOS does.
    const aclChildren = namedAclEntries(text);
    expect(aclChildren.length).toBe(model.namedAcls.reduce((n, a) => n + a.entries.length, 0));
    for (const entry of aclChildren) expect(entry).toMatch(/^ (permit \S|deny {3}\S|remark \S)/);
    // Interfaces in IOS order: loopbacks, port-channels, hardware (sub-interfaces after their parent), SVIs.
    const order = lines(text).filter((l) => l.startsWith('interface ')).map((l) => l.slice(10));
    const kinds = order.map((n) => (n.startsWith('Loopback') ? 0 : n.startsWith('Port-channel') ? 1 : n.startsWith('Vlan') ? 3 : 2));
    expect(kinds).toEqual([...kinds].sort());
    const parent = order.indexOf('TenGigabitEthernet0/1/0');
    expect(order[parent + 1]).toMatch(/^TenGigabitEthernet0\/1\/0\.\d+$/);
    // Every vrf forwarding names a defined vrf; every access-group a defined ACL (text level).
    for (const m of text.matchAll(/^ vrf forwarding (\S+)$/gm)) expect(text).toContain(`\nvrf definition ${m[1]}\n`);
    for (const m of text.matchAll(/^ ip access-group (\S+) (in|out)$/gm)) expect(text).toMatch(new RegExp(`\\nip access-list extended ${m[1]}\\n`));
    for (const m of text.matchAll(/^ match ip address prefix-list (\S+)$/gm)) expect(text).toContain(`\nip prefix-list ${m[1]} seq `);
  });

  it('renders intended configs: plain is the running body; human uses only normalisable variations', () => {
    const model = generateDeviceModel({ hostname: 'r1', seed: 13, targetLines: 3000 });
    const running = renderRunningConfig(model);
    const plain = renderIntendedConfig(model, { style: 'plain' });
    expect(plain).not.toMatch(/Building configuration|Current configuration|Last configuration change/);
    expect(running.endsWith(plain.slice(plain.indexOf('version ')))).toBe(true);
    const human = renderIntendedConfig(model, { style: 'human' });
    expect(human).not.toMatch(/Building configuration|Current configuration/);
    expect(human).toMatch(/\n {2}\S/);
    expect(human).toMatch(/\nint(erface)? (Gi|Te|Lo|Po|Vl|gi|te)\S*\d/);
    const headers = count(human, /^int(erface)? /);
    expect(headers).toBe(model.interfaces.filter((i) => !isDefaultState(i)).length);
    expect(count(human, /^ip access-list (standard|extended) [A-Z]/)).toBe(model.namedAcls.length);
  });
});

describe('mutateModel', () => {
  const base = generateDeviceModel({ hostname: 'r1', seed: 21, targetLines: 1500 });

  it('returns a different config with one description per edit and leaves the input untouched', () => {
    const before = JSON.stringify(base);
    for (let seed = 1; seed <= 40; seed++) {
      const edits = 1 + (seed % 10);
      const result = mutateModel(base, createRandom(seed), edits);
      expect(result.edits).toHaveLength(edits);
      for (const e of result.edits) expect(e).toMatch(/\S/);
      expect(renderRunningConfig(result.model)).not.toBe(renderRunningConfig(base));
      expect(findModelProblems(result.model), result.edits.join('\n')).toEqual([]);
    }
    expect(JSON.stringify(base)).toBe(before);
  });

  it('is deterministic for a given random source', () => {
    const a = mutateModel(base, createRandom(99), 8);
    const b = mutateModel(base, createRandom(99), 8);
    expect(a).toEqual(b);
  });

  const models = [1, 2, 3, 4, 5].map((seed) => generateDeviceModel({ hostname: 'r2', seed, targetLines: 3000 }));

  it.each(Object.keys(EDIT_KINDS))('applies edit kind %s and keeps the config consistent', (kind) => {
    let applied = 0;
    models.forEach((model, k) => {
      let result;
      try {
        result = mutateModel(model, createRandom(k * 31 + 1), 1, { kinds: [kind] });
      } catch {
        return; // nothing this kind can edit in this config (no secondary address, no unused VLAN…)
      }
      expect(findModelProblems(result.model), `${kind}: ${result.edits.join('; ')}`).toEqual([]);
      expect(renderRunningConfig(result.model)).not.toBe(renderRunningConfig(model));
      applied++;
    });
    expect(applied).toBeGreaterThanOrEqual(1);
  });
});

function namedAclEntries(text: string): string[] {
  const out: string[] = [];
  let inAcl = false;
  for (const line of lines(text)) {
    if (!line.startsWith(' ')) inAcl = /^ip access-list (standard|extended) /.test(line);
    else if (inAcl) out.push(line);
  }
  return out;
}
