import { describe, expect, it } from 'vitest';
import { existingSections, existingSectionsOfText, normalizeConfig, parseConfig } from '../../src/ios/index.js';

describe('existingSections', () => {
  it('lists the top-level lines of a normalised running config, interface names as the engine renders them', () => {
    const running = normalizeConfig(parseConfig('hostname r1\ninterface Gi0/1\n description x\nrouter ospf 1\n network 10.0.0.0 0.0.0.255 area 0\nend\n'));
    expect([...existingSections(running)]).toEqual(['hostname r1', 'interface GigabitEthernet0/1', 'router ospf 1']);
  });

  it('reads the same set from the text without parsing it', () => {
    const text = 'hostname r1\n!\ninterface Gi0/1\n description x\nrouter ospf 1\n network 10.0.0.0 0.0.0.255 area 0\nend\n';
    expect(existingSectionsOfText(text)).toEqual(new Set(['hostname r1', 'interface GigabitEthernet0/1', 'router ospf 1', 'end']));
  });
});
