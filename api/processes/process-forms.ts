import type { Knex } from 'knex';
import { ApiError } from '../http/errors.js';
import { checkedForm, platformForms } from '../forms/registry.js';
import type { FormRegistry, LoadedForm } from '../forms/registry.js';

/** The draft's forms are kept as version 0 until the draft is deployed. */
const DRAFT = 0;

/** Where a form shown for designing comes from: the draft's own, the version's, the platform's, or none yet (a blank one). */
export type FormOrigin = 'draft' | 'version' | 'platform' | 'new';

export interface ProcessForm {
  formKey: string;
  schema: Record<string, unknown>;
  origin: FormOrigin;
}

interface FormRow { form_key: string; schema: string }

async function stored(db: Knex, processId: string, version: number, formKey?: string): Promise<FormRow[]> {
  return db('yc_process_forms').where({ process_id: processId, version, ...(formKey ? { form_key: formKey } : {}) }).select('form_key', 'schema');
}

/** An empty form-js form for a formKey no form has yet, for the designer to start from. Pure. */
const blankForm = (formKey: string): Record<string, unknown> => ({ id: formKey, type: 'default', schemaVersion: 19, components: [] });

/**
 * A version's form by formKey: designed with that version, else the platform's, else 404.
 * Not pure: reads the database.
 */
export async function versionForm(db: Knex, processId: string, version: number, formKey: string, platform = platformForms()): Promise<ProcessForm> {
  const [row] = await stored(db, processId, version, formKey);
  if (row) return { formKey, schema: JSON.parse(row.schema) as Record<string, unknown>, origin: 'version' };
  const shipped = platform.get(formKey);
  if (shipped) return { formKey, schema: shipped.schema, origin: 'platform' };
  throw new ApiError(404, 'FORM_NOT_FOUND', `流程 ${processId} 第 ${version} 版没有表单 ${formKey}`);
}

/** The form the designer opens for the draft: the draft's own, else the newest version's (or the platform's), else a blank one. */
export async function draftForm(db: Knex, processId: string, newestVersion: number, formKey: string): Promise<ProcessForm> {
  const [row] = await stored(db, processId, DRAFT, formKey);
  if (row) return { formKey, schema: JSON.parse(row.schema) as Record<string, unknown>, origin: 'draft' };
  try {
    return await versionForm(db, processId, newestVersion, formKey);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'FORM_NOT_FOUND') return { formKey, schema: blankForm(formKey), origin: 'new' };
    throw err;
  }
}

/**
 * Keeps a form designed for the draft, checked as the platform's own forms are (422 naming
 * what to fix: a field type the server cannot check, a key used twice, a condition not FEEL).
 * Not pure.
 */
export async function saveDraftForm(db: Knex, processId: string, formKey: string, schema: Record<string, unknown>, by: string, at: number): Promise<ProcessForm> {
  try {
    checkedForm(schema, formKey, `表单 ${formKey} `);
  } catch (err) {
    throw new ApiError(422, 'FORM_INVALID', (err as Error).message, [{ field: 'schema', problem: (err as Error).message }]);
  }
  await db('yc_process_forms').where({ process_id: processId, version: DRAFT, form_key: formKey }).delete();
  await db('yc_process_forms').insert({ process_id: processId, version: DRAFT, form_key: formKey, schema: JSON.stringify(schema), saved_by: by, saved_at: at });
  return { formKey, schema, origin: 'draft' };
}

/**
 * At deploy: the new version keeps the forms of the one before it, with the draft's designed
 * forms in their place; the draft's are then gone. Not pure: writes in the caller's transaction.
 */
export async function formsToVersion(trx: Knex, processId: string, previous: number, version: number, by: string, at: number): Promise<void> {
  const byKey = new Map([...await stored(trx, processId, previous), ...await stored(trx, processId, DRAFT)].map((r) => [r.form_key, r.schema]));
  for (const [formKey, schema] of byKey) await trx('yc_process_forms').insert({ process_id: processId, version, form_key: formKey, schema, saved_by: by, saved_at: at });
  await dropDraftForms(trx, processId);
}

/** Whether the draft has forms designed for it. */
export async function hasDraftForms(db: Knex, processId: string): Promise<boolean> {
  return (await stored(db, processId, DRAFT)).length > 0;
}

export async function dropDraftForms(db: Knex, processId: string): Promise<void> {
  await db('yc_process_forms').where({ process_id: processId, version: DRAFT }).delete();
}

/** The forms a case of this version fills in: the version's designed ones over the platform's. Not pure: reads them. */
export async function formsOfVersion(db: Knex, processId: string, version: number, platform = platformForms()): Promise<FormRegistry> {
  const rows = await stored(db, processId, version);
  const designed: LoadedForm[] = rows.map((r) => checkedForm(JSON.parse(r.schema) as Record<string, unknown>, r.form_key, `表单 ${r.form_key} `));
  return platform.with(designed);
}

/** The process and version of a definition key (`joint:2`). Pure. */
export function versionRef(definitionKey: string): { processId: string; version: number } {
  const at = definitionKey.lastIndexOf(':');
  return { processId: definitionKey.slice(0, at), version: Number(definitionKey.slice(at + 1)) };
}

/** Which formKeys of which processes some deployed version designed (`processId formKey`): only their tasks need a version looked up. */
export async function designedFormKeys(db: Knex): Promise<Set<string>> {
  const rows: Array<{ process_id: string; form_key: string }> = await db('yc_process_forms').where('version', '>', DRAFT).distinct('process_id', 'form_key');
  return new Set(rows.map((r) => `${r.process_id} ${r.form_key}`));
}
