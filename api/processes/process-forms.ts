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
 * forms named in `designed` in their place; the draft's are then gone. Not pure: writes in the
 * caller's transaction.
 */
export async function formsToVersion(trx: Knex, processId: string, previous: number, version: number, designed: readonly string[], by: string, at: number): Promise<void> {
  const draft = (await stored(trx, processId, DRAFT)).filter((r) => designed.includes(r.form_key));
  const byKey = new Map([...await stored(trx, processId, previous), ...draft].map((r) => [r.form_key, r.schema]));
  for (const [formKey, schema] of byKey) await trx('yc_process_forms').insert({ process_id: processId, version, form_key: formKey, schema, saved_by: by, saved_at: at });
  await dropDraftForms(trx, processId);
}

/** A form's JSON with its keys in one order, so two saves of the same form compare equal. Pure. */
function sorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sorted).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${sorted((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

/**
 * The formKeys whose draft design differs from the form a version's cases fill in (its own,
 * else the platform's): what deploying the draft changes in forms. Not pure: reads them.
 */
export async function changedDraftForms(db: Knex, processId: string, version: number, platform = platformForms()): Promise<string[]> {
  const changed: string[] = [];
  for (const row of await stored(db, processId, DRAFT)) {
    const [own] = await stored(db, processId, version, row.form_key);
    const before = own ? JSON.parse(own.schema) as unknown : platform.get(row.form_key)?.schema;
    if (before === undefined || sorted(before) !== sorted(JSON.parse(row.schema))) changed.push(row.form_key);
  }
  return changed.sort();
}

/**
 * Per version (`processId:version`), the formKeys whose form differs from the version before's
 * (a version's forms are the one before's plus those deployed with it). Not pure: reads them.
 */
export async function formsChangedByVersion(db: Knex): Promise<Map<string, string[]>> {
  const rows: Array<{ process_id: string; version: number; form_key: string; schema: string }> = await db('yc_process_forms').where('version', '>', DRAFT).select('process_id', 'version', 'form_key', 'schema');
  const schemas = new Map(rows.map((r) => [`${r.process_id}:${Number(r.version)} ${r.form_key}`, r.schema]));
  const changed = new Map<string, string[]>();
  for (const r of rows) {
    const version = `${r.process_id}:${Number(r.version)}`;
    if (schemas.get(`${r.process_id}:${Number(r.version) - 1} ${r.form_key}`) === r.schema) continue;
    changed.set(version, [...(changed.get(version) ?? []), r.form_key].sort());
  }
  return changed;
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
