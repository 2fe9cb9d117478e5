// Which devices a pull request affects, from the files it changes: a device's own config file,
// the template it renders, a shared template file (a partial) that any template may include, or
// its entry in catnet.config.yaml. Where the file names alone cannot tell, it errs towards more
// devices: planning one too many costs a connection, missing one hides a change from review.

import path from 'node:path';
import type { Device, Inventory } from '../config/inventory/index.js';
import { diffInventories } from './inventory-diff.js';

/** GitHub's pulls.listFiles / compareCommits file shape; repo-relative paths. */
export interface ChangedFile {
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousPath?: string;
}

export interface AffectedDevices {
  /** Every device is affected (settings/defaults changed, a shared template or partial changed…). */
  all: boolean;
  /** Affected device names, in inventory order (all of them when `all`). */
  devices: string[];
  /** Why, per affected device: human sentences like "configs/core-1.cfg changed". */
  reasons: Record<string, string[]>;
}

export interface AffectedInput {
  /** The inventory at the PR's head. */
  head: Inventory;
  /** The inventory at the base commit when the inventory file changed; undefined when it did not, or did not exist. */
  base: Inventory | undefined;
  changed: readonly ChangedFile[];
  /** Repo-relative path of catnet.config.yaml. */
  inventoryPath: string;
  /** Repo-relative folder of the intended configs (`<device>.cfg`, `<device>.cfg.njk`, templates). */
  configsPath: string;
  /**
   * Repo-relative paths of the files under `configsPath` at the head, when known. They tell which
   * devices render a template (and so may include a changed partial); without them every device
   * is assumed to, as any of them may have a `<name>.cfg.njk`.
   */
  configFiles?: readonly string[];
}

export function affectedDevices(input: AffectedInput): AffectedDevices {
  const { head, base } = input;
  const configs = normalisePath(input.configsPath);
  const inventoryPath = normalisePath(input.inventoryPath);
  const inside = (p: string): string | undefined => (configs === '' ? p : p.startsWith(`${configs}/`) ? p.slice(configs.length + 1) : undefined);
  const listing = input.configFiles === undefined ? undefined : new Set(input.configFiles.map((f) => inside(normalisePath(f))).filter((f) => f !== undefined));
  const hasFile = (name: string) => listing?.has(name) === true;
  // A device's own file wins over its inventory template (see resolveIntended).
  const rendersTemplate = (d: Device) => d.template !== undefined && (listing === undefined || !(hasFile(`${d.name}.cfg`) || hasFile(`${d.name}.cfg.njk`)));
  const templated = (d: Device) => listing === undefined || hasFile(`${d.name}.cfg.njk`) || (!hasFile(`${d.name}.cfg`) && d.template !== undefined);

  const headNames = new Set(head.devices.map((d) => d.name));
  const baseNames = new Set(base?.devices.map((d) => d.name) ?? []);
  const found = new Map<string, string[]>();
  const add = (name: string, reason: string) => {
    const list = found.get(name) ?? [];
    if (!list.includes(reason)) list.push(reason);
    found.set(name, list);
  };
  const global: string[] = [];
  let sharedAll = false;
  let inventoryChange: string | undefined;

  for (const file of input.changed) {
    if (file.status === 'unchanged') continue;
    const said = describe(file);
    // A rename changes both paths; a copy leaves its source as it was.
    const paths = [file.path, ...(file.status === 'renamed' && file.previousPath !== undefined ? [file.previousPath] : [])].map(normalisePath);
    for (const p of paths) {
      if (p === inventoryPath) {
        inventoryChange ??= said;
        continue;
      }
      const rel = inside(p);
      if (rel === undefined) continue;
      const own = /^([^/]+)\.cfg(\.njk)?$/.exec(rel);
      if (own !== null) {
        const name = own[1]!;
        if (headNames.has(name)) {
          add(name, said);
          continue;
        }
        // A device's own file that is no template of anyone's: a device removed, or not added yet.
        if (baseNames.has(name) || own[2] === undefined) continue;
      }
      if (!rel.endsWith('.njk')) continue;
      const users = head.devices.filter((d) => d.template !== undefined && path.posix.normalize(d.template) === rel);
      if (users.length > 0) {
        for (const d of users.filter(rendersTemplate)) add(d.name, `template ${said}`);
        continue;
      }
      // A partial, or a template nobody names yet: any template may include it.
      const reached = head.devices.filter(templated);
      for (const d of reached) add(d.name, `shared template file ${said}`);
      if (reached.length > 0 && reached.length === head.devices.length) sharedAll = true;
    }
  }

  if (base !== undefined) {
    const diff = diffInventories(base, head, inventoryPath);
    global.push(...diff.global);
    for (const [name, why] of diff.devices) for (const reason of why) add(name, reason);
  } else if (inventoryChange !== undefined) {
    // No base to compare with (the file is new): everything in it is new.
    global.push(inventoryChange);
  }

  const all = global.length > 0 || sharedAll;
  const devices = head.devices.map((d) => d.name).filter((name) => all || found.has(name));
  const reasons: Record<string, string[]> = {};
  for (const name of devices) reasons[name] = [...global, ...(found.get(name) ?? [])];
  return { all, devices, reasons };
}

/** One line for logs: "2 devices: core-1 (configs/core-1.cfg changed), …" or "every device (…)". */
export function affectedSummary(a: AffectedDevices): string {
  if (a.all) {
    const lists = a.devices.map((name) => a.reasons[name] ?? []);
    // The reasons every device shares are the ones that made it "every device".
    const shared = (lists[0] ?? []).filter((reason) => lists.every((list) => list.includes(reason)));
    return shared.length > 0 ? `every device (${shared.join('; ')})` : 'every device';
  }
  if (a.devices.length === 0) return 'no devices';
  const each = a.devices.map((name) => `${name} (${(a.reasons[name] ?? []).join('; ')})`);
  return `${a.devices.length} device${a.devices.length === 1 ? '' : 's'}: ${each.join(', ')}`;
}

/** "configs/r1.cfg changed", "… added", "… removed", "a renamed to b". */
function describe(file: ChangedFile): string {
  const at = normalisePath(file.path);
  if (file.status === 'renamed' && file.previousPath !== undefined) return `${normalisePath(file.previousPath)} renamed to ${at}`;
  if (file.status === 'added' || file.status === 'copied') return `${at} added`;
  if (file.status === 'removed') return `${at} removed`;
  return `${at} changed`;
}

/** Forward slashes, no `./` or trailing slash; the repo root is ''. Case is kept. */
export function normalisePath(p: string): string {
  const normal = path.posix.normalize(p.replaceAll('\\', '/')).replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  return normal === '.' ? '' : normal;
}
