import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { serializeConfig } from '../../src/ios/serialize.js';
import { alignToReference, unifiedDiff } from '../../src/ios/text-diff.js';
import { diffStats } from './diff-stats.js';
import type { ConfigNode, ConfigTree } from '../../src/ios/types.js';

const n = (text: string, ...children: ConfigNode[]): ConfigNode => ({ text, line: 0, children });
const banner = (type: string, body: string): ConfigNode => ({ text: `banner ${type}`, line: 0, children: [], body });
const tree = (...children: ConfigNode[]): ConfigTree => ({ children });
const isOrdered = (header: string | undefined): boolean => header !== undefined && /^ip access-list (standard|extended) /.test(header);
const texts = (nodes: ConfigNode[]): string[] => nodes.map((node) => node.text);
const diff = (running: ConfigTree, intended: ConfigTree, context?: number): string =>
  unifiedDiff(running, intended, context === undefined ? { isOrdered } : { isOrdered, context });
const hunkHeaders = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('@@'));

describe('alignToReference', () => {
  it('orders unordered levels like the reference, recursively', () => {
    const reference = tree(n('hostname r1'), n('interface Gi1', n('a'), n('b'), n('c')), n('ntp server 1'));
    const intended = tree(n('ntp server 1'), n('interface Gi1', n('c'), n('a'), n('b')), n('hostname r1'));
    const aligned = alignToReference(intended, reference, isOrdered);
    expect(serializeConfig(aligned)).toBe(serializeConfig(reference));
  });

  it('keeps an intended-only node right after the node it follows in intended order, or at the start', () => {
    const reference = tree(n('a'), n('b'), n('c'));
    const intended = tree(n('new-first'), n('c'), n('new-after-c'), n('new-after-that'), n('a'), n('b'), n('new-after-b'));
    expect(texts(alignToReference(intended, reference, isOrdered).children)).toEqual([
      'new-first',
      'a',
      'b',
      'new-after-b',
      'c',
      'new-after-c',
      'new-after-that',
    ]);
  });

  it('leaves intended order alone where matched nodes already follow the reference, on long shared lists too', () => {
    const shared = Array.from({ length: 100 }, (_, k) => n(`ip route 10.0.${k}.0 255.255.255.0 10.9.9.9`));
    // The two trees share the nodes (as a pair's do); the intended one adds two and drops one.
    const reference = tree(...shared);
    const intended = tree(n('new-first'), ...shared.slice(0, 50), n('new-middle'), ...shared.slice(51));
    expect(texts(alignToReference(intended, reference, isOrdered).children)).toEqual(texts(intended.children));
    // Moved nodes still take their reference place.
    const moved = tree(...shared.slice(1, 60), shared[0] as ConfigNode, ...shared.slice(60));
    expect(alignToReference(moved, reference, isOrdered).children).toEqual(shared);
  });

  it('keeps intended order where order matters, and still aligns below it', () => {
    const acl = 'ip access-list extended EDGE';
    const reference = tree(n(acl, n('permit tcp any any eq www'), n('deny ip any any')));
    const intended = tree(n(acl, n('deny ip any any'), n('permit tcp any any eq www')));
    expect(texts(alignToReference(intended, reference, isOrdered).children[0]?.children ?? [])).toEqual([
      'deny ip any any',
      'permit tcp any any eq www',
    ]);
    // The parent header is what isOrdered is asked about, at every level.
    const asked: Array<string | undefined> = [];
    const ask = (header: string | undefined): boolean => (asked.push(header), false);
    alignToReference(tree(n('x', n('y', n('2'), n('1')), n('a')), n('t')), tree(n('t'), n('x', n('a'), n('y', n('1'), n('2')))), ask);
    expect(asked).toEqual([undefined, 'x', 'y']);
  });

  it('keeps lines of one ordered group in intended order, in the places the group has in the reference', () => {
    const group = (text: string): string | undefined => /^access-list (\d+) /.exec(text)?.[1];
    const reference = tree(n('access-list 10 permit A'), n('hostname r1'), n('access-list 10 permit B'), n('access-list 20 permit X'), n('access-list 10 permit C'));
    const intended = tree(n('access-list 10 permit C'), n('access-list 10 permit new'), n('access-list 10 permit A'), n('access-list 10 permit B'), n('access-list 20 permit X'), n('hostname r1'));
    expect(texts(alignToReference(intended, reference, isOrdered, group).children)).toEqual([
      'access-list 10 permit C',
      'access-list 10 permit new',
      'hostname r1',
      'access-list 10 permit A',
      'access-list 20 permit X',
      'access-list 10 permit B',
    ]);
    // Without the group, the reordering would not show in the diff.
    expect(unifiedDiff(reference, intended, { isOrdered })).not.toContain('-access-list 10 permit C');
    const text = unifiedDiff(reference, intended, { isOrdered, orderedGroup: group, context: 0 });
    expect(text).toContain('-access-list 10 permit C');
    expect(applyPatch(serializeConfig(reference), text)).toBe(serializeConfig(alignToReference(intended, reference, isOrdered, group)));
  });

  it('leaves its inputs alone and shares only the subtrees it did not reorder', () => {
    const reference = tree(n('b', n('x')), n('a', n('2'), n('1')));
    const intended = tree(n('a', n('1'), n('2')), n('b', n('x')));
    const before = structuredClone(intended);
    const aligned = alignToReference(intended, reference, isOrdered);
    expect(intended).toEqual(before);
    expect(aligned).not.toBe(intended);
    expect(aligned.children[0]).toBe(intended.children[1]); // b: unchanged below
    expect(aligned.children[1]).not.toBe(intended.children[0]); // a: its children were reordered
    expect(texts(aligned.children[1]?.children ?? [])).toEqual(['2', '1']);
  });
});

describe('unifiedDiff', () => {
  const running = tree(
    n('hostname r1'),
    n('interface GigabitEthernet0/1', n('description old uplink'), n('ip address 10.0.0.1 255.255.255.0'), n('no cdp enable')),
    n('interface GigabitEthernet0/2', n('shutdown')),
    n('line vty 0 4', n('transport input ssh')),
  );

  it('is empty for equal trees and for trees that differ only in order where order does not matter', () => {
    expect(diff(running, structuredClone(running))).toBe('');
    const shuffled = tree(
      n('line vty 0 4', n('transport input ssh')),
      n('interface GigabitEthernet0/2', n('shutdown')),
      n('interface GigabitEthernet0/1', n('no cdp enable'), n('ip address 10.0.0.1 255.255.255.0'), n('description old uplink')),
      n('hostname r1'),
    );
    expect(diff(running, shuffled)).toBe('');
    expect(diff(tree(), tree())).toBe('');
  });

  it('writes a unified diff with labels, line numbers and the enclosing section in hunk headers', () => {
    const intended = structuredClone(running);
    (intended.children[1] as ConfigNode).children[0] = n('description new uplink');
    expect(unifiedDiff(running, intended, { isOrdered, runningLabel: 'r1 (device)', intendedLabel: 'configs/r1.cfg', context: 1 })).toBe(
      [
        '--- r1 (device)',
        '+++ configs/r1.cfg',
        '@@ -2,3 +2,3 @@ interface GigabitEthernet0/1',
        ' interface GigabitEthernet0/1',
        '- description old uplink',
        '+ description new uplink',
        '  ip address 10.0.0.1 255.255.255.0',
        '',
      ].join('\n'),
    );
  });

  it('shows a reordering where order matters', () => {
    const acl = 'ip access-list extended EDGE';
    const before = tree(n(acl, n('permit tcp any any eq www'), n('deny ip any any')));
    const after = tree(n(acl, n('deny ip any any'), n('permit tcp any any eq www')));
    const text = diff(before, after);
    expect(text).toContain(`@@ -1,3 +1,3 @@ ${acl}`);
    expect(diffStats(text)).toEqual({ added: 1, removed: 1 });
  });

  it('names the section of the first change of each hunk, or the top-level line itself', () => {
    const many = (prefix: string): ConfigNode[] => Array.from({ length: 10 }, (_, i) => n(`${prefix} ${i}`));
    const before = tree(n('hostname r1'), ...many('ntp server'), n('interface Gi1', ...many('x')), banner('motd', 'one\ntwo'));
    const after = tree(
      n('hostname r2'),
      ...many('ntp server'),
      n('interface Gi1', ...many('x').slice(0, 9), n('x added')),
      banner('motd', 'one\n2'),
      n('interface Loopback7', n('ip address 10.7.7.7 255.255.255.255')),
    );
    const headers = hunkHeaders(diff(before, after, 0)).map((h) => h.replace(/^@@ [^@]* @@ ?/, ''));
    expect(headers).toEqual(['hostname r1', 'interface Gi1', 'banner motd ^C', 'interface Loopback7']);
  });

  it('numbers an addition to an empty config from line 0', () => {
    const text = diff(tree(), tree(n('hostname r1')));
    expect(hunkHeaders(text)).toEqual(['@@ -0,0 +1,1 @@ hostname r1']);
  });

  it('shows a removed section and an added one whole, without matching their common lines', () => {
    const before = tree(n('interface Tunnel1', n('shutdown'), n('no ip address')), n('hostname r1'));
    const after = tree(n('interface Tunnel2', n('shutdown'), n('no ip address')), n('hostname r1'));
    const body = diff(before, after).split('\n').slice(3, -1);
    expect(body).toEqual(['-interface Tunnel1', '- shutdown', '- no ip address', '+interface Tunnel2', '+ shutdown', '+ no ip address', ' hostname r1']);
  });

  it('merges changes closer than twice the context into one hunk', () => {
    const lines = Array.from({ length: 20 }, (_, i) => n(`l${String(i).padStart(2, '0')}`));
    const before = tree(...lines);
    const after = tree(...lines.map((line, i) => (i === 5 || i === 11 || i === 19 ? n(`${line.text} changed`) : line)));
    // 5 and 11 are 5 apart (<= 2·3): one hunk; 19 is 7 after 11: its own hunk.
    expect(hunkHeaders(diff(before, after))).toEqual(['@@ -3,13 +3,13 @@ l05', '@@ -17,4 +17,4 @@ l19']);
    expect(hunkHeaders(diff(before, after, 0))).toHaveLength(3);
  });

  it('is a valid patch of running into the aligned intended text', () => {
    let seed = 7;
    const random = (k: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % k;
    };
    const gen = (depth: number): ConfigNode[] =>
      Array.from({ length: 1 + random(6) }, () => {
        const kind = random(10);
        const text = depth > 0 || kind > 3 ? `line ${random(8)}` : kind > 1 ? `access-list ${random(2)} permit ${random(4)}` : `ip access-list extended L${random(3)}`;
        return depth === 0 && random(7) === 0 ? banner(`motd${random(3)}`, `a\n${random(3)}\nb`) : n(text, ...(depth < 2 ? gen(depth + 1) : []));
      });
    for (let round = 0; round < 400; round++) {
      const before = tree(...gen(0));
      const after = tree(...gen(0));
      const orderedGroup = round % 2 === 0 ? (line: string): string | undefined => /^access-list (\d+) /.exec(line)?.[1] : undefined;
      const text = unifiedDiff(before, after, { isOrdered, orderedGroup, context: random(4) });
      const target = serializeConfig(alignToReference(after, before, isOrdered, orderedGroup));
      if (text === '') {
        expect(target).toBe(serializeConfig(before));
        continue;
      }
      expect(applyPatch(serializeConfig(before), text)).toBe(target);
      const stats = diffStats(text);
      expect(stats.added - stats.removed).toBe(target.split('\n').length - serializeConfig(before).split('\n').length);
    }
  });

  // Speed is measured by `npm run bench`; a quadratic step would time this test out.
  it('diffs 100k-line configs with many scattered changes', () => {
    const build = (i: number): ConfigNode => n(`interface GigabitEthernet${i >> 6}/${i & 63}`, ...Array.from({ length: 9 }, (_, k) => n(`setting ${k} of ${i}`)));
    const before = tree(...Array.from({ length: 11_000 }, (_, i) => build(i)));
    const after = structuredClone(before);
    for (let i = 0; i < after.children.length; i += 11) (after.children[i] as ConfigNode).children[3] = n('changed');
    expect(diffStats(diff(before, after))).toEqual({ added: 1000, removed: 1000 });
  });
});

describe('diffStats', () => {
  it('counts added and removed lines, not the file headers', () => {
    const text = ['--- running', '+++ intended', '@@ -1,3 +1,2 @@ x', ' x', '--- a line that starts with dashes', '-y', '+++ and pluses', ''].join('\n');
    expect(diffStats(text)).toEqual({ added: 1, removed: 2 });
    expect(diffStats('')).toEqual({ added: 0, removed: 0 });
  });
});
