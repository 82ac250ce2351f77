import { z } from 'zod';
import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { notFound } from './errors.js';
import type { FormRegistry } from '../forms/registry.js';
import { formLinkSchema } from './schemas.js';
import { designedFormKeys, versionForm, versionRef } from '../processes/process-forms.js';

/** Where a form is served: a task links to it, the pages fetch it once and cache it. */
export const formHref = (key: string, at?: VersionAt): string =>
  `/api/v1/forms/${encodeURIComponent(key)}${at ? `?processId=${encodeURIComponent(at.processId)}&version=${at.version}` : ''}`;

/** A process version whose own designed form a task answers. */
interface VersionAt { processId: string; version: number }

export interface FormLink {
  key: string;
  href: string;
  processId?: string;
  version?: number;
}

/** The link to a task's form: the one designed with its process version (`at`), else the platform's, if it has one. Pure. */
export function formLink(forms: FormRegistry, formKey: string | undefined, at?: VersionAt): FormLink | undefined {
  if (formKey && at) return { key: formKey, href: formHref(formKey, at), ...at };
  return forms.get(formKey) ? { key: formKey!, href: formHref(formKey!) } : undefined;
}

/**
 * Each task with the link to its form. Only a task whose process designed that form in some
 * version has its instance's version looked up; the others link to the platform's form.
 */
export async function withFormLinks<T extends { processId: string; instanceId: string; formKey?: string }>(db: Knex, engine: Engine, forms: FormRegistry, tasks: T[]): Promise<Array<T & { form?: FormLink }>> {
  const designed = await designedFormKeys(db);
  return Promise.all(tasks.map(async (task) => {
    const own = task.formKey && designed.has(`${task.processId} ${task.formKey}`) ? await engine.instance(task.instanceId) : undefined;
    return { ...task, form: formLink(forms, task.formKey, own ? versionRef(own.definitionKey) : undefined) };
  }));
}

const versionQuery = z.object({ processId: z.string().max(100).optional(), version: z.coerce.number().int().min(1).optional() });

/** The forms of user tasks, as form-js JSON, for the pages to render (and anyone to read what a step asks). */
export function formRoutes(forms: FormRegistry, db: Knex): AnyRoute[] {
  return [
    route({
      method: 'get', path: '/forms', summary: '全部办理表单（按 formKey）', tags: ['tasks'], roles: 'any',
      response: z.array(formLinkSchema),
      handler: async () => forms.keys().map((key) => ({ key, href: formHref(key) })),
    }),
    route({
      method: 'get', path: '/forms/:key', summary: '一个办理表单的 form-js 定义（字段、类型、必填、显示条件）；给出流程及版本时，为随该版本设计的表单', tags: ['tasks'], roles: 'any',
      query: versionQuery,
      response: z.record(z.string(), z.unknown()).meta({ description: '@bpmn-io/form-js 1.23 表单定义（schemaVersion 19）；各字段的取值见 components.schemas 中的 form.<key>' }),
      handler: async ({ params, query }) => {
        if (query.processId && query.version) return (await versionForm(db, query.processId, query.version, params.key!, forms)).schema;
        return forms.get(params.key)?.schema ?? Promise.reject(notFound('表单'));
      },
    }),
  ];
}
