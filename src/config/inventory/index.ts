// The inventory (catnet.config.yaml): its schema, its loader and the resolved types.

export { loadInventory, parseInventory, type LoadInventoryOptions } from './load.js';
export { inventorySchema, type InventoryInput } from './schema.js';
export { inventoryJsonSchema } from './json-schema.js';
export type { Environment } from './env.js';
export type * from './types.js';
