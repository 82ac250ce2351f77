/** `npm run api:types`: rewrites web/src/api/schema.ts from the server's OpenAPI document. */
import { writeFile } from 'node:fs/promises';
import { apiTypesFile, apiTypesSource } from './api-types.js';

await writeFile(apiTypesFile, await apiTypesSource());
console.log(`wrote ${apiTypesFile.slice(process.cwd().length + 1)}`);
