// The inventory (catnet.config.yaml): its schema, its loader and the resolved types.

export { loadInventory, parseInventory, type LoadInventoryOptions } from './load.js';
export { deviceSchema, inventorySchema, type DeviceEntryInput, type InventoryInput } from './schema.js';
export { resolveExtraDevice, type DeviceIssue, type DeviceResolution } from './extra-device.js';
export { inventoryJsonSchema } from './json-schema.js';
export type { Environment } from './env.js';
export type * from './types.js';
