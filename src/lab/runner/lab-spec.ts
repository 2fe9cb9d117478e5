// The lab file (`catnet lab start --file lab.yaml`): which devices to simulate, with which
// configs and faults. Unknown keys are errors, so a typo in a fault name does not silently
// leave a device healthy.

import { z } from 'zod';

const pattern = z.string().min(1).refine(isRegExp, { message: 'not a valid regular expression' });

export const faultsSchema = z.strictObject({
  latencyMs: z.number().nonnegative().optional(),
  latencyPerByteMs: z.number().nonnegative().optional(),
  authFailure: z.boolean().optional(),
  refuseConnections: z.boolean().optional(),
  disconnectAfterCommands: z.number().int().positive().optional(),
  disconnectMidOutputOn: pattern.optional(),
  stallOn: pattern.optional(),
  rejectConfigLines: pattern.optional(),
  slowShowRunMs: z.number().nonnegative().optional(),
  interfaceDown: z.strictObject({ afterConfig: pattern, interface: z.string().min(1) }).optional(),
  pingFailures: pattern.optional(),
  random: z.strictObject({ seed: z.number().int(), disconnectProbability: z.number().min(0).max(1) }).optional(),
});

const generateSchema = z.strictObject({
  /** Approximate size of the generated running-config. */
  lines: z.number().int().min(215).max(200_000).default(300),
  seed: z.number().int().optional(),
});

const deviceSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'a device name is a letter then letters, digits, `.`, `_` or `-`'),
    /** Initial running-config file, relative to the lab file. */
    config: z.string().min(1).optional(),
    generate: generateSchema.optional(),
    legacyAlgorithms: z.boolean().optional(),
    faults: faultsSchema.optional(),
  })
  .refine((d) => !(d.config !== undefined && d.generate !== undefined), { message: 'give either config or generate, not both' });

export const labFileSchema = z
  .strictObject({
    host: z.string().default('127.0.0.1'),
    /** First SSH port; device i listens on basePort + i. 0: any free port. */
    basePort: z.number().int().min(0).max(65535).optional(),
    /** Also serve Telnet, on the ports after the SSH ones. */
    telnet: z.boolean().default(true),
    hostKeyDir: z.string().optional(),
    legacyAlgorithms: z.boolean().default(false),
    /** Defaults for devices without a config file. */
    generate: generateSchema.optional(),
    devices: z.array(deviceSchema).min(1),
  })
  .refine((lab) => new Set(lab.devices.map((d) => d.name)).size === lab.devices.length, {
    message: 'device names must be unique',
    path: ['devices'],
  });

export type LabFile = z.output<typeof labFileSchema>;
export type LabFileDevice = LabFile['devices'][number];

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}
