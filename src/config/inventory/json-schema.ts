// The JSON Schema of catnet.config.yaml for editors (yaml-language-server: `# yaml-language-server:
// $schema=…`). Input mode, so that fields with defaults are optional as people write them; draft-07
// because it is the draft editors support best.

import { z } from 'zod';
import { inventorySchema } from './schema.js';

/** Where the schema is kept, relative to the repository root (`npm run schema` writes it). */
export const JSON_SCHEMA_FILE = 'docs/schema/catnet.config.schema.json';

export function inventoryJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(inventorySchema, { io: 'input', target: 'draft-7' }),
    title: 'CatNet inventory (catnet.config.yaml)',
  };
}

/** The file's text: pretty JSON and a final newline. */
export function inventoryJsonSchemaText(): string {
  return `${JSON.stringify(inventoryJsonSchema(), null, 2)}\n`;
}
