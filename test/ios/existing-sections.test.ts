import { describe, expect, it } from 'vitest';
import { existingSectionsOfText } from '../../src/ios/index.js';

describe('existingSectionsOfText', () => {
  it('reads the section headers from the text without parsing it, interface names as the engine renders them', () => {
    const text = 'hostname r1\n!\ninterface Gi0/1\n description x\nrouter ospf 1\n network 10.0.0.0 0.0.0.255 area 0\nip access-list standard EMPTY\nend\n';
    expect(existingSectionsOfText(text)).toEqual(new Set(['interface GigabitEthernet0/1', 'router ospf 1']));
  });
});
