// Backups over the API: take them now (`catnet backup`), list a device's, read one. Backups keep
// secrets so they can be restored; what is read here is redacted, except `?raw=true` for admins
// (who can restore by hand from it).

import { z } from 'zod';
import { backupDevices } from '../../pipeline/backup.js';
import { backupStoreFor } from '../../pipeline/context.js';
import { selectDevices } from '../../pipeline/targets.js';
import { redact } from '../../obs/redact.js';
import { BackupPathError } from '../../store/backups.js';
import { route, type AnyRoute } from '../http/api.js';
import { ApiError, notFound } from '../http/errors.js';
import type { Service } from '../service.js';
import { backupMeta, backupMetaView } from './deployment-views.js';
import { targets } from './plans.js';
import { selectionSchema } from './schemas.js';

export const backupOutcomeView = z.object({
  device: z.string(),
  ok: z.boolean(),
  /** False when the config had not changed since the last backup (that one is `backup_id`). */
  created: z.boolean().nullable(),
  backup_id: z.string().nullable(),
  error: z.string().nullable(),
});

export const backupView = z.object({ meta: backupMetaView, text: z.string() });

export function backupsRoutes(service: Service): AnyRoute[] {
  // Reading needs no device session: the store of the inventory's backup folder is enough.
  const store = () => backupStoreFor(service.project.inventory.settings);
  return [
    route({
      method: 'post',
      path: '/backups',
      summary: 'Back up the selected devices now (all when none is selected); waits for the result.',
      tag: 'backups',
      role: 'operator',
      body: z.strictObject(selectionSchema),
      responses: { 200: { description: 'One outcome per device.', schema: z.array(backupOutcomeView) }, 400: { description: 'Unknown device or group.' } },
      handler: async ({ c, body, caller, log }) => {
        const ctx = service.openRun(`api:${caller.name}`);
        try {
          const outcomes = await backupDevices(ctx, targets(() => selectDevices(ctx.project.inventory, body)));
          log.info('backup', `backup of ${outcomes.length} device(s) by ${caller.name}: ${outcomes.filter((o) => o.ok).length} ok`);
          return c.json(
            outcomes.map((o) => ({ device: o.device, ok: o.ok, created: o.created ?? null, backup_id: o.backup?.id ?? null, error: o.error === undefined ? null : redact(o.error) })),
          );
        } finally {
          service.closeRun(ctx);
        }
      },
    }),
    route({
      method: 'get',
      path: '/backups',
      summary: 'A device’s backups, newest first.',
      tag: 'backups',
      role: 'viewer',
      query: z.strictObject({ device: z.string().min(1).max(200) }),
      responses: { 200: { description: 'Backups, newest first.', schema: z.array(backupMetaView) }, 404: { description: 'No such device in the inventory.' } },
      handler: ({ c, query }) => {
        if (!service.inventory().devices.some((d) => d.name === query.device)) throw notFound(`no device ${query.device} in the inventory`);
        return c.json(store().list(query.device).map(backupMeta));
      },
    }),
    route({
      method: 'get',
      path: '/backups/:device/:stamp',
      summary: 'One backup (id `<device>/<stamp>`): its metadata and config, redacted; `?raw=true` (admins only) unredacted.',
      tag: 'backups',
      role: 'viewer',
      params: z.strictObject({ device: z.string().min(1).max(200), stamp: z.string().min(1).max(40) }),
      query: z.strictObject({ raw: z.enum(['true', 'false']).default('false') }),
      responses: {
        200: { description: 'The backup.', schema: backupView },
        400: { description: 'Not a backup id.' },
        403: { description: '`raw=true` by a non-admin.' },
        404: { description: 'No such backup.' },
      },
      handler: ({ c, params, query, caller, log }) => {
        const raw = query.raw === 'true';
        if (raw && caller.role !== 'admin') throw new ApiError(403, 'forbidden', 'raw=true shows the secrets in the config: only admins may read a backup unredacted');
        const id = `${params.device}/${params.stamp}`;
        let stored;
        try {
          stored = store().get(id);
        } catch (error) {
          if (error instanceof BackupPathError) throw new ApiError(400, 'bad_request', error.message);
          throw error;
        }
        if (!stored) throw notFound(`no backup ${id}`);
        // Who read secrets is worth an audit line.
        if (raw) log.warn('backup', `${caller.name} read backup ${id} unredacted`, { device: params.device });
        return c.json({ meta: backupMeta(stored.meta), text: raw ? stored.text : redact(stored.text) });
      },
    }),
  ];
}
