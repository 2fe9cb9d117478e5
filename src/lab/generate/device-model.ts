// Realistic IOS 15.x device configs, generated deterministically from a seed at a target size
// (benchmarks, property tests of the remediation engine, initial configs of the lab devices).
// The model is plain data (model-types.ts); render-model.ts prints it.

import { createContext, type GenContext } from './gen-context.js';
import { generateInterfaces, generateVlans, generateVrfs } from './generate-interfaces.js';
import { generateAcls, generatePrefixLists, generateRouteMaps } from './generate-policy.js';
import { addStaticRoutes, generateBgp, generateOspf, generateStaticRoutes } from './generate-routing.js';
import { secretHash, site } from './lab-entries.js';
import type { DeviceModel } from './model-types.js';
import { createRandom } from './random.js';
import { runningLineCount } from './render-model.js';

export type * from './model-types.js';

export interface GenerateOptions {
  hostname: string;
  seed: number;
  /** Lines of `show running-config` output to aim for: met exactly from about 240 lines up (150k is fine). */
  targetLines: number;
}

/** Lines of a config with one of everything (give or take a few): smaller targets get this. */
export const MIN_LINES = 215;

export function generateDeviceModel(opts: GenerateOptions): DeviceModel {
  const rng = createRandom(opts.seed);
  const model = baseModel(opts.hostname);
  const ctx = createContext(rng, Math.max(opts.targetLines, 1), model);
  generateGlobals(ctx);
  generateVrfs(ctx);
  generateVlans(ctx);
  generateAcls(ctx);
  generatePrefixLists(ctx);
  generateRouteMaps(ctx);
  generateInterfaces(ctx);
  generateOspf(ctx);
  generateBgp(ctx);
  generateStaticRoutes(ctx, Math.round(opts.targetLines * 0.02));
  fitToTarget(ctx, opts.targetLines);
  return model;
}

function baseModel(hostname: string): DeviceModel {
  return {
    hostname,
    version: '15.9',
    enableSecret: '',
    usernames: [],
    domainLookup: true,
    vrfs: [],
    vlans: [],
    interfaces: [],
    namedAcls: [],
    numberedAcls: [],
    prefixLists: [],
    routeMaps: [],
    staticRoutes: [],
    snmp: { communities: [] },
    loggingHosts: [],
    ntpServers: [],
    console: { execTimeout: [15, 0] },
    vty: [],
  };
}

function generateGlobals(ctx: GenContext): void {
  const { rng, model } = ctx;
  const city = site(rng);
  model.enableSecret = secretHash(rng);
  model.usernames.push({ name: 'admin', privilege: 15, secret: secretHash(rng) });
  model.usernames.push({ name: 'netops', privilege: 15, secret: secretHash(rng) });
  if (rng.chance(0.6)) model.usernames.push({ name: 'monitor', privilege: 1, secret: secretHash(rng) });
  model.domainLookup = rng.chance(0.2);
  if (rng.chance(0.9)) model.domainName = `${city.toLowerCase()}.example.net`;
  model.bannerMotd = [
    `${model.hostname} - authorised access only.`,
    'All sessions are logged. Disconnect now if you are not an authorised user.',
  ].join('\n');
  model.snmp.communities.push({ name: `ro-${rng.int(1000, 9999)}`, access: 'RO', acl: 10 });
  if (rng.chance(0.4)) model.snmp.communities.push({ name: `rw-${rng.int(1000, 9999)}`, access: 'RW', acl: 10 });
  model.snmp.location = `${city} DC${rng.int(1, 3)}, row ${rng.int(1, 20)}, rack ${rng.int(1, 40)}`;
  model.snmp.contact = 'noc@example.net';
  for (let i = rng.int(1, 3); i > 0; i--) model.loggingHosts.push(`10.99.0.${49 + i}`);
  model.ntpServers.push('10.99.0.123', '10.99.0.124');
  model.console.execTimeout = [rng.pick([5, 15, 30]), 0];
  const timeout: [number, number] = [rng.pick([5, 15, 20, 30]), 0];
  model.vty.push({ first: 0, last: 4, execTimeout: timeout, accessClass: 'MGMT' });
  model.vty.push({ first: 5, last: 15, execTimeout: [...timeout], accessClass: 'MGMT' });
}

/** Static routes (one line each) added or removed until the rendered config has `target` lines. */
function fitToTarget(ctx: GenContext, target: number): void {
  const { model } = ctx;
  const missing = target - runningLineCount(model);
  if (missing > 0) addStaticRoutes(ctx, missing);
  else if (missing < 0) {
    // The two defaults stay; the rest of the routes are ballast.
    const keep = Math.max(2, model.staticRoutes.length + missing);
    model.staticRoutes.length = Math.min(model.staticRoutes.length, keep);
  }
}
