import { readFileSync, readdirSync } from 'node:fs';
import { z } from 'zod';
import { formsDirectory } from '../../processes/forms/index.js';
import { ApiError } from '../http/errors.js';
import { formDefinition } from './definition.js';
import { dataTree } from './fields.js';
import type { DataNode } from './fields.js';
import { checkAnswer } from './validate.js';
import type { CheckContext } from './validate.js';

/** A form as loaded: the form-js JSON the pages render, and the data tree the server checks answers with. */
export interface LoadedForm {
  key: string;
  /** The form-js schema exactly as stored. */
  schema: Record<string, unknown>;
  tree: readonly DataNode[];
}

/**
 * The forms of user tasks, by formKey: one definition each, from which the pages render and
 * the server checks. Loaded from `processes/forms/<formKey>.form`; a field added there is
 * rendered and checked with no code change.
 */
export class FormRegistry {
  private readonly forms: ReadonlyMap<string, LoadedForm>;

  constructor(forms: readonly LoadedForm[]) {
    this.forms = new Map(forms.map((form) => [form.key, form]));
  }

  get(key: string | undefined): LoadedForm | undefined {
    return key === undefined ? undefined : this.forms.get(key);
  }

  /** This registry with some forms put in place of (or beside) its own: a process version's designed forms over the platform's. */
  with(forms: readonly LoadedForm[]): FormRegistry {
    return forms.length === 0 ? this : new FormRegistry([...this.forms.values(), ...forms]);
  }

  keys(): string[] {
    return [...this.forms.keys()].sort();
  }

  /**
   * The variables an answer to a task's form gives, or a 400 VALIDATION_FAILED naming each
   * field to fix by its label. A task without a form takes no variables. Pure.
   */
  answer(formKey: string | undefined, input: unknown, ctx: CheckContext & { taskName?: string }): Record<string, unknown> {
    const tree = this.get(formKey)?.tree ?? [];
    const { variables, problems } = checkAnswer(tree, input ?? {}, ctx);
    if (problems.length === 0) return variables;
    const title = ctx.taskName ? `「${ctx.taskName}」的表单` : '表单';
    throw new ApiError(400, 'VALIDATION_FAILED', `${title}有误：${problems.map((p) => p.problem).join('；')}`, problems);
  }
}

/**
 * Reads and checks one form-js file: the schema's shape, conditions that are FEEL, keys used
 * once. Throws an Error naming the file and what to fix. Pure but for the read.
 */
export function loadForm(file: URL, key: string): LoadedForm {
  let schema: Record<string, unknown>;
  try {
    schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`表单 ${key}.form 不是有效的 JSON：${(err as Error).message}`, { cause: err });
  }
  return checkedForm(schema, key, `表单 ${key}.form `, '文件名（即用户任务的 formKey）');
}

/**
 * A form-js schema checked as loadForm checks a file (`title` names it in the error): its
 * shape, FEEL conditions, keys used once, and its id equal to the formKey (`keyWords` says
 * where the formKey is read from). Pure.
 */
export function checkedForm(schema: Record<string, unknown>, key: string, title: string, keyWords = '用户任务的表单键（formKey）'): LoadedForm {
  const parsed = formDefinition.safeParse(schema);
  if (!parsed.success) throw new Error(`${title}有误：${z.prettifyError(parsed.error)}`);
  if (parsed.data.id !== key) throw new Error(`${title}的 id 是 "${parsed.data.id}"，应与${keyWords}相同`);
  return { key, schema, tree: dataTree(parsed.data) };
}

/** Every `<formKey>.form` in a folder. */
export function loadForms(directory: URL): FormRegistry {
  const files = readdirSync(directory).filter((name) => name.endsWith('.form')).sort();
  return new FormRegistry(files.map((name) => loadForm(new URL(name, directory), name.slice(0, -'.form'.length))));
}

let platform: FormRegistry | undefined;

/** The platform's forms (processes/forms), loaded once per process. */
export function platformForms(): FormRegistry {
  platform ??= loadForms(formsDirectory);
  return platform;
}
