// Response and request pieces several routes share. Field names are snake_case on the wire.

import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'operator', 'viewer']);

export const userSchema = z.object({ name: z.string(), role: roleSchema });

/** Device and group selection, as `catnet plan --device/--group` takes it; none of both = every device. */
export const selectionSchema = {
  devices: z.array(z.string().min(1)).max(10_000).optional(),
  groups: z.array(z.string().min(1)).max(1_000).optional(),
};

export const limitQuery = z.coerce.number().int().min(1).max(1000).default(100);

export const deviceNameParam = z.strictObject({ name: z.string().min(1).max(200) });
