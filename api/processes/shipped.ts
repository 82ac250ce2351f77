import { readFile } from 'node:fs/promises';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { processFiles, processFileUrl } from '../../processes/index.js';
import { deployShipped } from './ownership.js';
import type { ShippedOutcome } from './ownership.js';

/** The deployment name a shipped file goes under; the same name an administrator's versions of it keep. */
export function shippedName(file: string): string {
  return `processes/${file}`;
}

/** Every shipped process file at a start of the platform, by the ownership rule (see deployShipped). Not pure. */
export async function deployShippedFiles(db: Knex, engine: Engine): Promise<Record<string, ShippedOutcome>> {
  const outcomes: Record<string, ShippedOutcome> = {};
  for (const file of processFiles) {
    const xml = await readFile(processFileUrl(file.file), 'utf8');
    outcomes[file.file] = await deployShipped(db, engine, { name: shippedName(file.file), xml, processId: file.processIds[0]! });
  }
  return outcomes;
}
