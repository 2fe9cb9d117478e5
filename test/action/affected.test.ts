import { describe, expect, it } from 'vitest';
import { affectedDevices, affectedSummary, normalisePath, type AffectedInput, type ChangedFile } from '../../src/action/affected.js';
import { parseInventory, type Inventory } from '../../src/config/inventory/index.js';

const SETTINGS = `settings:
  source: { type: local, path: configs }
  concurrency: 5
`;

const GROUPS = `defaults:
  credentials: lab
  vars: { ntp: 10.0.0.1 }
groups:
  base:
    vars: { domain: lab.example }
  access:
    groups: [base]
    template: templates/access-switch.cfg.njk
  core:
    groups: [base]
    vars: { vlan: 100 }
`;

const DEVICES = `devices:
  - name: core-1
    host: 10.0.0.1
    groups: [core]
  - name: core-2
    host: 10.0.0.2
    groups: [core]
  - name: sw-1
    host: 10.0.1.1
    groups: [access]
  - name: sw-2
    host: 10.0.1.2
    groups: [access]
  - name: edge-1
    host: 10.0.2.1
`;

const TEXT = SETTINGS + GROUPS + DEVICES;

function inventory(text = TEXT, file = '/repo/catnet.config.yaml'): Inventory {
  return parseInventory(text, file, {});
}

function affected(changed: ChangedFile[], options: Partial<AffectedInput> = {}) {
  return affectedDevices({ head: inventory(), base: undefined, changed, inventoryPath: 'catnet.config.yaml', configsPath: 'configs', ...options });
}

const modified = (path: string): ChangedFile => ({ path, status: 'modified' });

describe('own config files', () => {
  it('picks the device whose .cfg or .cfg.njk changed, with the file as the reason', () => {
    const result = affected([modified('configs/core-1.cfg'), { path: 'configs/edge-1.cfg.njk', status: 'added' }]);
    expect(result).toEqual({
      all: false,
      devices: ['core-1', 'edge-1'],
      reasons: { 'core-1': ['configs/core-1.cfg changed'], 'edge-1': ['configs/edge-1.cfg.njk added'] },
    });
  });

  it('lists devices in inventory order, not in the order of the files', () => {
    expect(affected([modified('configs/edge-1.cfg'), modified('configs/core-2.cfg'), modified('configs/core-1.cfg')]).devices).toEqual(['core-1', 'core-2', 'edge-1']);
  });

  it('counts a removed file and both sides of a rename', () => {
    const result = affected([
      { path: 'configs/core-1.cfg', status: 'removed' },
      { path: 'configs/core-2.cfg.njk', status: 'renamed', previousPath: 'configs/edge-1.cfg' },
    ]);
    expect(result.devices).toEqual(['core-1', 'core-2', 'edge-1']);
    expect(result.reasons['core-1']).toEqual(['configs/core-1.cfg removed']);
    expect(result.reasons['core-2']).toEqual(['configs/edge-1.cfg renamed to configs/core-2.cfg.njk']);
    expect(result.reasons['edge-1']).toEqual(['configs/edge-1.cfg renamed to configs/core-2.cfg.njk']);
  });

  it('ignores the file of a device that is not in the inventory', () => {
    expect(affected([modified('configs/ghost.cfg')]).devices).toEqual([]);
  });

  it('ignores unchanged files and the source of a copy', () => {
    const result = affected([
      { path: 'configs/core-1.cfg', status: 'unchanged' },
      { path: 'configs/new.cfg', status: 'copied', previousPath: 'configs/core-2.cfg' },
    ]);
    expect(result.devices).toEqual([]);
  });

  it('normalises ./ and backslashes but keeps case', () => {
    expect(affected([modified('.\\configs\\core-1.cfg'), modified('./configs/core-2.cfg')], { configsPath: './configs/' }).devices).toEqual(['core-1', 'core-2']);
    expect(affected([modified('configs/CORE-1.cfg'), modified('Configs/core-2.cfg')]).devices).toEqual([]);
    expect(normalisePath('./net//configs/')).toBe('net/configs');
    expect(normalisePath('.')).toBe('');
  });

  it('works with configs and inventory in a subfolder, or configs at the repo root', () => {
    const nested = affected([modified('net/configs/core-1.cfg'), modified('configs/core-2.cfg')], { inventoryPath: 'net/catnet.config.yaml', configsPath: 'net/configs' });
    expect(nested.devices).toEqual(['core-1']);
    expect(affected([modified('core-2.cfg'), modified('configs/core-1.cfg')], { configsPath: '.' }).devices).toEqual(['core-2']);
  });
});

describe('templates', () => {
  it('picks the devices that inherit a changed template from their group', () => {
    const result = affected([modified('configs/templates/access-switch.cfg.njk')]);
    expect(result.devices).toEqual(['sw-1', 'sw-2']);
    expect(result.reasons['sw-1']).toEqual(['template configs/templates/access-switch.cfg.njk changed']);
    expect(result.all).toBe(false);
  });

  it('skips a template user whose own config file takes precedence, when the files are known', () => {
    const configFiles = ['configs/sw-1.cfg', 'configs/templates/access-switch.cfg.njk'];
    expect(affected([modified('configs/templates/access-switch.cfg.njk')], { configFiles }).devices).toEqual(['sw-2']);
  });

  it('takes a shared .njk file to reach every templated device', () => {
    const configFiles = ['configs/core-1.cfg', 'configs/core-2.cfg.njk', 'configs/edge-1.cfg', 'configs/sw-2.cfg', 'configs/templates/access-switch.cfg.njk', 'configs/partials/ntp.njk'];
    const result = affected([modified('configs/partials/ntp.njk')], { configFiles });
    expect(result).toEqual({
      all: false,
      devices: ['core-2', 'sw-1'],
      reasons: { 'core-2': ['shared template file configs/partials/ntp.njk changed'], 'sw-1': ['shared template file configs/partials/ntp.njk changed'] },
    });
  });

  it('without the file list, assumes any device may render a template: every device', () => {
    const result = affected([{ path: 'configs/partials/ntp.njk', status: 'removed' }]);
    expect(result.all).toBe(true);
    expect(result.devices).toEqual(['core-1', 'core-2', 'sw-1', 'sw-2', 'edge-1']);
    expect(affectedSummary(result)).toBe('every device (shared template file configs/partials/ntp.njk removed)');
  });

  it('treats a .cfg.njk named after no device as shared, but not one of a device just removed', () => {
    const base = inventory(TEXT + '  - name: old-1\n    host: 10.0.9.1\n');
    const changed = [modified('catnet.config.yaml'), { path: 'configs/old-1.cfg.njk', status: 'removed' } as const];
    expect(affected(changed, { base }).devices).toEqual([]);
    expect(affected([modified('configs/future.cfg.njk')]).all).toBe(true);
  });

  it('ignores other files in the configs folder and files outside it', () => {
    const changed = ['configs/README.md', 'configs/vars.yaml', 'credentials.yaml', 'README.md', '.github/workflows/catnet.yml', 'other/core-1.cfg', 'templates/x.njk'].map(modified);
    expect(affected(changed)).toEqual({ all: false, devices: [], reasons: {} });
  });
});

describe('inventory changes', () => {
  const changed = [modified('catnet.config.yaml')];
  const withBase = (baseText: string, headText = TEXT) => affected(changed, { base: inventory(baseText), head: inventory(headText) });

  it('affects only the members of a group whose vars changed', () => {
    const result = withBase(TEXT.replace('vars: { vlan: 100 }', 'vars: { vlan: 200 }'));
    expect(result.devices).toEqual(['core-1', 'core-2']);
    expect(result.reasons['core-1']).toEqual(['group core changed in catnet.config.yaml']);
    expect(result.all).toBe(false);
  });

  it('follows group inheritance: a parent group change reaches its children’s devices', () => {
    const result = withBase(TEXT.replace('vars: { domain: lab.example }', 'vars: { domain: old.example }'));
    expect(result.devices).toEqual(['core-1', 'core-2', 'sw-1', 'sw-2']);
    expect(result.reasons['sw-1']).toEqual(['group base changed in catnet.config.yaml']);
  });

  it('blames the device entry itself when that changed', () => {
    const result = withBase(TEXT.replace('host: 10.0.2.1', 'host: 10.0.2.99'));
    expect(result).toEqual({ all: false, devices: ['edge-1'], reasons: { 'edge-1': ['its entry changed in catnet.config.yaml'] } });
  });

  it('reports a new device and says nothing of a removed one', () => {
    const base = TEXT.replace('  - name: edge-1\n    host: 10.0.2.1\n', '  - name: gone-1\n    host: 10.0.3.1\n');
    expect(withBase(base)).toEqual({ all: false, devices: ['edge-1'], reasons: { 'edge-1': ['added to catnet.config.yaml'] } });
  });

  it('ignores a group change that resolves to the same devices, and key order', () => {
    const reordered = TEXT.replace('vars: { vlan: 100 }', 'vars: { vlan: 100 }\n    role: core').replace('groups: [base]\n    vars: { vlan: 100 }\n    role: core', 'role: core\n    vars: { vlan: 100 }\n    groups: [base]');
    expect(withBase(reordered, TEXT.replace('vars: { vlan: 100 }', 'vars: { vlan: 100 }\n    role: core')).devices).toEqual([]);
    expect(withBase(TEXT.replace('  - name: core-1\n    host: 10.0.0.1\n', '\n\n  - name: core-1\n    host: 10.0.0.1\n')).devices).toEqual([]);
  });

  it('affects every device when the settings change', () => {
    const result = withBase(TEXT.replace('concurrency: 5', 'concurrency: 10'));
    expect(result.all).toBe(true);
    expect(result.devices).toEqual(['core-1', 'core-2', 'sw-1', 'sw-2', 'edge-1']);
    expect(result.reasons['edge-1']).toEqual(['settings changed in catnet.config.yaml']);
    expect(affectedSummary(result)).toBe('every device (settings changed in catnet.config.yaml)');
    // Settings that every device inherits are blamed once, not as a per-device change.
    const checks = withBase(TEXT.replace('concurrency: 5', 'concurrency: 5\n  health_checks: { ping: [10.9.9.9] }'));
    expect(checks.reasons['core-1']).toEqual(['settings changed in catnet.config.yaml']);
  });

  it('affects every device when the defaults change, keeping the specific reasons too', () => {
    const base = TEXT.replace('vars: { ntp: 10.0.0.1 }', 'vars: { ntp: 10.0.0.2 }');
    const result = affectedDevices({ head: inventory(), base: inventory(base), changed: [...changed, modified('configs/sw-1.cfg')], inventoryPath: 'catnet.config.yaml', configsPath: 'configs' });
    expect(result.all).toBe(true);
    expect(result.reasons['sw-1']).toEqual(['defaults changed in catnet.config.yaml', 'configs/sw-1.cfg changed']);
    expect(affectedSummary(result)).toBe('every device (defaults changed in catnet.config.yaml)');
  });

  it('compares settings paths relative to each file, wherever the base was parsed', () => {
    const result = affected(changed, { base: inventory(TEXT, '/tmp/catnet-base-1/catnet.config.yaml') });
    expect(result.devices).toEqual([]);
    const moved = inventory(TEXT.replace('path: configs', 'path: intended'), '/tmp/catnet-base-1/catnet.config.yaml');
    expect(affected(changed, { base: moved }).all).toBe(true);
  });

  it('affects every device when the inventory is new', () => {
    const result = affected([{ path: 'catnet.config.yaml', status: 'added' }]);
    expect(result.all).toBe(true);
    expect(result.reasons['core-1']).toEqual(['catnet.config.yaml added']);
  });

  it('does nothing for an inventory file elsewhere', () => {
    expect(affected([modified('net/catnet.config.yaml')]).devices).toEqual([]);
  });
});

describe('affectedSummary', () => {
  it('names each device with its reasons', () => {
    const result = affected([modified('configs/core-1.cfg'), modified('configs/templates/access-switch.cfg.njk'), modified('configs/sw-1.cfg.njk')]);
    expect(affectedSummary(result)).toBe(
      '3 devices: core-1 (configs/core-1.cfg changed), sw-1 (template configs/templates/access-switch.cfg.njk changed; configs/sw-1.cfg.njk changed), sw-2 (template configs/templates/access-switch.cfg.njk changed)',
    );
    expect(affectedSummary(affected([modified('configs/edge-1.cfg')]))).toBe('1 device: edge-1 (configs/edge-1.cfg changed)');
    expect(affectedSummary(affected([]))).toBe('no devices');
  });
});
