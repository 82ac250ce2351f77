import { z } from 'zod';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import { notFound } from './errors.js';
import type { FormRegistry } from '../forms/registry.js';
import { formLinkSchema } from './schemas.js';

/** Where a form is served: a task links to it, the pages fetch it once and cache it. */
export const formHref = (key: string): string => `/api/v1/forms/${encodeURIComponent(key)}`;

export interface FormLink {
  key: string;
  href: string;
}

/** The link to a task's form, if the task has one the platform knows. Pure. */
export function formLink(forms: FormRegistry, formKey: string | undefined): FormLink | undefined {
  return forms.get(formKey) ? { key: formKey!, href: formHref(formKey!) } : undefined;
}

/** The forms of user tasks, as form-js JSON, for the pages to render (and anyone to read what a step asks). */
export function formRoutes(forms: FormRegistry): AnyRoute[] {
  return [
    route({
      method: 'get', path: '/forms', summary: '全部办理表单（按 formKey）', tags: ['tasks'], roles: 'any',
      response: z.array(formLinkSchema),
      handler: async () => forms.keys().map((key) => ({ key, href: formHref(key) })),
    }),
    route({
      method: 'get', path: '/forms/:key', summary: '一个办理表单的 form-js 定义（字段、类型、必填、显示条件）', tags: ['tasks'], roles: 'any',
      response: z.record(z.string(), z.unknown()).meta({ description: '@bpmn-io/form-js 1.23 表单定义（schemaVersion 19）；各字段的取值见 components.schemas 中的 form.<key>' }),
      handler: async ({ params }) => forms.get(params.key)?.schema ?? Promise.reject(notFound('表单')),
    }),
  ];
}
