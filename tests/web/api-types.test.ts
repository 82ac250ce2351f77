import { describe, expect, test } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { apiTypesFile, apiTypesSource } from '../../scripts/api-types.js';
import { apiDocument } from '../../api/server.js';
import { startServer } from '../api/support.js';

describe('the pages\' API types', () => {
  test('web/src/api/schema.ts is what the OpenAPI document gives today (else run npm run api:types and commit it)', async () => {
    const committed = await readFile(apiTypesFile, 'utf8');
    const fresh = await apiTypesSource();
    expect(fresh === committed ? 'up to date' : 'stale: run `npm run api:types` and commit web/src/api/schema.ts').toBe('up to date');
  });

  test('the document they are made from, built without a server, is the one the running server answers with', async () => {
    const server = await startServer();
    const served = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
    expect(apiDocument({ db: server.store.knex, engine: server.engine })).toEqual(served);
  });
});
