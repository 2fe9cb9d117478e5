import { describe, expect, it } from 'vitest';
import { formatVlanList, mergeTrunkAllowedVlanLines, parseVlanList } from '../../src/ios/vlan-list.js';

describe('parseVlanList', () => {
  it.each([
    ['1-5,10,20-22', [1, 2, 3, 4, 5, 10, 20, 21, 22]],
    ['10', [10]],
    ['30,10,20,10', [10, 20, 30]],
    ['5-5', [5]],
    ['4090-4094', [4090, 4091, 4092, 4093, 4094]],
    ['1,3-4,2', [1, 2, 3, 4]],
  ])('%s → %j', (text, expected) => {
    expect(parseVlanList(text)).toEqual(expected);
  });

  it.each(['all', 'none', '', '0', '4095', '5-1', '1-', ',1', '1,,2', '1 - 5', '10,20 ', 'add 10', 'except 5'])(
    '%j → undefined',
    (text) => {
      expect(parseVlanList(text)).toBeUndefined();
    },
  );
});

describe('formatVlanList', () => {
  it.each([
    [[10], '10'],
    [[10, 11], '10,11'],
    [[10, 11, 12], '10-12'],
    [[1, 2, 3, 4, 5, 10, 20, 21, 22], '1-5,10,20-22'],
    [[22, 1, 3, 2, 22], '1-3,22'],
    [[1, 2, 4, 5, 6, 8], '1,2,4-6,8'],
    [[], ''],
  ])('%j → %s', (vlans, expected) => {
    expect(formatVlanList(vlans)).toBe(expected);
  });
});

describe('mergeTrunkAllowedVlanLines', () => {
  const P = 'switchport trunk allowed vlan';
  it.each([
    [
      'a list and its add continuations become one line at the first one',
      ['description trunk', `${P} 10,20`, `${P} add 30-32`, 'switchport mode trunk', `${P} add 11`],
      ['description trunk', `${P} 10,11,20,30-32`, 'switchport mode trunk'],
    ],
    ['a lone list is put in display form', [`${P} 22,20,21,5`], [`${P} 5,20-22`]],
    ['an already canonical list is kept', [`${P} 1-5,10`], [`${P} 1-5,10`]],
    ['remove applies in order', [`${P} 1-10`, `${P} remove 5`], [`${P} 1-4,6-10`]],
    ['none then add is the added list', [`${P} none`, `${P} add 10,11`], [`${P} 10,11`]],
    ['a later full list replaces the earlier one', [`${P} 10`, `${P} 20`], [`${P} 20`]],
    ['all plus add is all', [`${P} all`, `${P} add 10`], [`${P} all`]],
    ['except is its complement', [`${P} except 2-4094`], [`${P} 1`]],
  ])('%s', (_name, lines, expected) => {
    expect(mergeTrunkAllowedVlanLines(lines)).toEqual(expected);
  });

  it.each([
    ['no trunk lines', ['description x', 'switchport mode trunk', 'switchport trunk native vlan 99']],
    ['a lone all', [`${P} all`]],
    ['a lone none', ['switchport mode trunk', `${P} none`]],
    ['an add before any list', [`${P} add 10`, `${P} 20`]],
    ['an invalid list', [`${P} 10`, `${P} add 5000`]],
    ['an unknown keyword', [`${P} 10`, `${P} bogus 5`]],
  ])('keeps lines with %s', (_name, lines) => {
    expect(mergeTrunkAllowedVlanLines(lines)).toEqual(lines);
  });

  it('returns the same array when there is nothing to merge', () => {
    const lines = ['switchport mode access', 'switchport access vlan 10'];
    expect(mergeTrunkAllowedVlanLines(lines)).toBe(lines);
  });
});
