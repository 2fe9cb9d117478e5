// `npm run schema`: writes docs/schema/catnet.config.schema.json from the zod schema. A test
// checks the committed file against the schema, so it is regenerated whenever the schema changes.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_FILE, inventoryJsonSchemaText } from './json-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const target = path.join(root, JSON_SCHEMA_FILE);
await mkdir(path.dirname(target), { recursive: true });
await writeFile(target, inventoryJsonSchemaText());
console.log(`wrote ${JSON_SCHEMA_FILE}`);
