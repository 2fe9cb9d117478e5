// Devices: the effective inventory (YAML devices and the ones added through the API), and adding
// or removing API devices. catnet.config.yaml belongs to Git: its devices are read-only here, and
// an API device is held to the rules of a `devices:` item of that file (resolveExtraDevice).

import { z } from 'zod';
import { resolveExtraDevice, type Device } from '../../config/inventory/index.js';
import { redact } from '../../obs/redact.js';
import { ApiDeviceExistsError } from '../../store/api-devices.js';
import { route, type AnyRoute } from '../http/api.js';
import { ApiError, conflict, notFound } from '../http/errors.js';
import type { Service } from '../service.js';
import { deviceNameParam } from './schemas.js';

const customCheckSchema = z.object({ name: z.string(), command: z.string(), expect: z.string().optional(), expect_not: z.string().optional() });

export const deviceViewSchema = z.object({
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  platform: z.string(),
  transport: z.enum(['ssh', 'telnet']),
  credentials: z.array(z.string()).describe('credential set names, in the order they are tried'),
  groups: z.array(z.string()).describe('own groups, each followed by its parents'),
  role: z.string().nullable(),
  site: z.string().nullable(),
  wave: z.string().nullable(),
  template: z.string().nullable(),
  vars: z.record(z.string(), z.unknown()),
  health_checks: z.object({ reconnect: z.boolean(), interfaces: z.boolean(), ping: z.array(z.string()), custom: z.array(customCheckSchema) }),
  source: z.enum(['yaml', 'api']).describe('yaml: read-only here; api: added through the API'),
});

export type DeviceView = z.infer<typeof deviceViewSchema>;

const YAML_READ_ONLY = 'defined in catnet.config.yaml, which is read-only through the API';

// Validated by resolveExtraDevice, not here: it reports schema problems and unknown groups at once.
const deviceEntryBody = z
  .record(z.string(), z.unknown())
  .describe('a device entry exactly as an item of `devices:` in catnet.config.yaml (name, host, port, groups, credentials, vars, …)');

export function devicesRoutes(service: Service): AnyRoute[] {
  const yamlNames = (): Set<string> => new Set(service.project.inventory.devices.map((d) => d.name));
  const view = (device: Device, yaml: Set<string>): DeviceView => toView(device, yaml.has(device.name) ? 'yaml' : 'api');
  return [
    route({
      method: 'get',
      path: '/devices',
      summary: 'List devices with their effective (inherited) values; credentials by set name only.',
      tag: 'devices',
      role: 'viewer',
      query: z.strictObject({ group: z.string().min(1).optional().describe('only devices in this group, directly or through a child group') }),
      responses: { 200: { description: 'Devices, YAML ones first, in inventory order.', schema: z.array(deviceViewSchema) } },
      handler: ({ c, query }) => {
        const inventory = service.inventory();
        const { group } = query;
        if (group !== undefined && !inventory.groups.includes(group)) {
          const message = `no such group ${group} (groups: ${inventory.groups.join(', ') || 'none'})`;
          throw new ApiError(400, 'validation_failed', `invalid request query: query.group: ${message}`, { fields: [{ field: 'query.group', message }] });
        }
        // A device's groups include its groups' parents, so a parent group selects its children's devices.
        const devices = group === undefined ? inventory.devices : inventory.devices.filter((d) => d.groups.includes(group));
        const yaml = yamlNames();
        return c.json(devices.map((d) => view(d, yaml)));
      },
    }),
    route({
      method: 'get',
      path: '/devices/:name',
      summary: 'One device with its effective values.',
      tag: 'devices',
      role: 'viewer',
      params: deviceNameParam,
      responses: { 200: { description: 'The device.', schema: deviceViewSchema }, 404: { description: 'No such device.' } },
      handler: ({ c, params }) => {
        const device = service.inventory().devices.find((d) => d.name === params.name);
        if (!device) throw notFound(`no device ${params.name}`);
        return c.json(view(device, yamlNames()));
      },
    }),
    route({
      method: 'post',
      path: '/devices',
      summary: 'Add a device (stored in the state database; it inherits the YAML defaults and groups).',
      tag: 'devices',
      role: 'admin',
      body: deviceEntryBody,
      responses: {
        201: { description: 'Added.', schema: deviceViewSchema },
        409: { description: 'A device of that name is in catnet.config.yaml or was added already.' },
      },
      handler: ({ c, body, caller, log }) => {
        const resolved = resolveExtraDevice(service.project.inventory, body);
        if (!resolved.ok) {
          const fields = resolved.issues.map((i) => ({ field: i.path === '' ? 'body' : `body.${i.path}`, message: i.message }));
          throw new ApiError(400, 'validation_failed', `invalid device: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, { fields });
        }
        const { name } = resolved.device;
        if (yamlNames().has(name)) throw conflict(`device ${name} is ${YAML_READ_ONLY}`, { device: name, source: 'yaml' });
        try {
          service.store.apiDevices.add({ name, entry: body, createdBy: caller.name });
        } catch (error) {
          if (error instanceof ApiDeviceExistsError) throw conflict(`device ${name} was added through the API already`, { device: name, source: 'api' });
          throw error;
        }
        log.info('devices', `${caller.name} added device ${name}`, { device: name });
        return c.json(toView(resolved.device, 'api'), 201);
      },
    }),
    route({
      method: 'delete',
      path: '/devices/:name',
      summary: 'Remove a device added through the API.',
      tag: 'devices',
      role: 'admin',
      params: deviceNameParam,
      responses: { 204: { description: 'Removed.' }, 404: { description: 'No such device.' }, 409: { description: 'The device is in catnet.config.yaml.' } },
      handler: ({ c, params, caller, log }) => {
        if (yamlNames().has(params.name)) throw conflict(`device ${params.name} is ${YAML_READ_ONLY}`, { device: params.name, source: 'yaml' });
        // From the store, not the inventory: an API device whose group has gone must still be removable.
        if (!service.store.apiDevices.remove(params.name)) throw notFound(`no device ${params.name}`);
        log.info('devices', `${caller.name} removed device ${params.name}`, { device: params.name });
        return c.body(null, 204);
      },
    }),
  ];
}

function toView(d: Device, source: DeviceView['source']): DeviceView {
  return {
    name: d.name,
    host: d.host,
    port: d.port,
    platform: d.platform,
    transport: d.transport,
    credentials: d.credentials,
    groups: d.groups,
    role: d.role ?? null,
    site: d.site ?? null,
    wave: d.wave ?? null,
    template: d.template ?? null,
    // Variables are free-form: a secret put there (or matching a redaction pattern) is masked.
    vars: redactValues(d.vars) as Record<string, unknown>,
    health_checks: d.health_checks,
    source,
  };
}

function redactValues(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(redactValues);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValues(v)]));
  return value;
}
