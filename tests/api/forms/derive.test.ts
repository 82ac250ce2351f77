import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import '../../../api/zod-locale.js';
import { FormRegistry, loadForm, loadForms } from '../../../api/forms/registry.js';
import { formJsonSchema } from '../../../api/forms/json-schema.js';

const NOW = Date.parse('2026-03-02T09:00:00+08:00');

/** A form an administrator might draw in the form-js editor: a site survey with one of each field type. */
const SURVEY = {
  id: 'site-survey', type: 'default', schemaVersion: 19,
  components: [
    { type: 'text', text: '现场勘察记录' },
    { id: 'f1', type: 'textfield', key: 'surveyor', label: '勘察人', validate: { required: true, minLength: 2, maxLength: 20 } },
    { id: 'f2', type: 'number', key: 'area', label: '面积（平方米）', decimalDigits: 1, validate: { min: 1, max: 500 } },
    { id: 'f3', type: 'checkbox', key: 'neighboursAgree', label: '四邻无异议', defaultValue: false },
    { id: 'f4', type: 'select', key: 'outcome', label: '勘察结论', values: [{ label: '符合', value: 'ok' }, { label: '不符合', value: 'no' }], validate: { required: true } },
    { id: 'f5', type: 'textarea', key: 'problems', label: '存在问题', validate: { required: true, maxLength: 500 }, conditional: { hide: '=outcome != "no"' } },
    { id: 'f6', type: 'checklist', key: 'photos', label: '已拍照片', values: [{ label: '正面', value: 'front' }, { label: '侧面', value: 'side' }] },
    { id: 'f7', type: 'datetime', key: 'surveyedOn', label: '勘察日期', subtype: 'date', validate: { required: true } },
    { id: 'g1', type: 'group', label: '复核', path: 'recheck', conditional: { hide: '=county != true' }, components: [
      { id: 'f8', type: 'textfield', key: 'by', label: '复核人', validate: { required: true } },
    ] },
  ],
};

function formDir(files: Record<string, unknown>): { url: URL; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'yc-forms-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return { url: pathToFileURL(`${dir}/`), done: () => rmSync(dir, { recursive: true, force: true }) };
}

function survey(): FormRegistry {
  const dir = formDir({ 'site-survey.form': SURVEY });
  try {
    return loadForms(dir.url);
  } finally {
    dir.done();
  }
}

const answer = (forms: FormRegistry, input: unknown, variables?: Record<string, unknown>) => {
  try {
    return { variables: forms.answer('site-survey', input, { now: NOW, variables, taskName: '现场勘察' }) };
  } catch (err) {
    return { error: err as { status: number; code: string; message: string; fields: Array<{ field: string; problem: string }> } };
  }
};

const GOOD = { surveyor: ' 李勘 ', area: 120.5, outcome: 'ok', photos: ['front'], surveyedOn: '2026-03-02' };

describe('a form-js definition gives the server its checks', () => {
  test('each field type, its limits and its options; text trimmed, defaults filled in, nothing else kept', () => {
    expect(answer(survey(), GOOD).variables).toEqual({ surveyor: '李勘', area: 120.5, neighboursAgree: false, outcome: 'ok', photos: ['front'], surveyedOn: '2026-03-02' });
    const bad = answer(survey(), { surveyor: '李', area: 0.25, neighboursAgree: 'yes', outcome: 'maybe', photos: ['back'], surveyedOn: '3月2日', extra: 1 }).error!;
    expect(bad).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(bad.fields).toEqual([
      { field: 'extra', problem: '表单中没有「extra」这一项，请删去' },
      { field: 'surveyor', problem: '「勘察人」至少 2 个字' },
      { field: 'area', problem: '「面积（平方米）」不能小于 1' },
      { field: 'area', problem: '「面积（平方米）」最多 1 位小数' },
      { field: 'neighboursAgree', problem: '「四邻无异议」应为是或否（true/false），收到的是文字' },
      { field: 'outcome', problem: '「勘察结论」只能选：符合、不符合' },
      { field: 'photos.0', problem: '「已拍照片」只能选：正面、侧面' },
      { field: 'surveyedOn', problem: '「勘察日期」应为日期，如 2026-03-02' },
    ]);
    expect(bad.message).toBe(`「现场勘察」的表单有误：${bad.fields.map((f) => f.problem).join('；')}`);
  });

  test('required means a value: a blank text, a null and a missing key are no value, each named by its label', () => {
    const missing = answer(survey(), { surveyor: '   ', outcome: null }).error!;
    expect(missing.fields).toEqual([
      { field: 'surveyor', problem: '请填写「勘察人」' },
      { field: 'outcome', problem: '请选择「勘察结论」' },
      { field: 'surveyedOn', problem: '请填写「勘察日期」' },
    ]);
  });

  test('a field hidden by its FEEL condition is not required and must not be sent; shown, it is required', () => {
    expect(answer(survey(), GOOD).variables).not.toHaveProperty('problems');
    expect(answer(survey(), { ...GOOD, problems: '占道' }).error!.fields).toEqual([{ field: 'problems', problem: '「存在问题」此时不适用，请不要填写' }]);
    expect(answer(survey(), { ...GOOD, outcome: 'no' }).error!.fields).toEqual([{ field: 'problems', problem: '请填写「存在问题」' }]);
    expect(answer(survey(), { ...GOOD, outcome: 'no', problems: '占用消防通道' }).variables).toMatchObject({ outcome: 'no', problems: '占用消防通道' });
  });

  test('conditions read the process variables beside the answer, and a group hides with everything in it', () => {
    expect(answer(survey(), GOOD, { county: true }).error!.fields).toEqual([{ field: 'recheck.by', problem: '请填写「复核人」' }]);
    expect(answer(survey(), { ...GOOD, recheck: { by: '王复' } }, { county: true }).variables).toMatchObject({ recheck: { by: '王复' } });
    expect(answer(survey(), { ...GOOD, recheck: { by: '王复' } }, { county: false }).error!.fields).toEqual([{ field: 'recheck', problem: '「复核」此时不适用，请不要填写' }]);
    expect(answer(survey(), { ...GOOD, recheck: { by: '王复', when: 'x' } }, { county: true }).error!.fields).toEqual([{ field: 'recheck.when', problem: '表单中没有「when」这一项，请删去' }]);
  });

  test('the JSON schema of the answer comes from the same definition: types, limits, labels, options, conditions', () => {
    const dir = formDir({ 'site-survey.form': SURVEY });
    try {
      const schema = formJsonSchema(loadForm(new URL('site-survey.form', dir.url), 'site-survey'));
      expect(schema).toMatchObject({ type: 'object', additionalProperties: false, required: ['surveyor', 'outcome', 'surveyedOn'], 'x-form-key': 'site-survey' });
      const properties = schema.properties as Record<string, Record<string, unknown>>;
      expect(properties.surveyor).toMatchObject({ type: 'string', minLength: 2, maxLength: 20, title: '勘察人' });
      expect(properties.outcome).toMatchObject({ title: '勘察结论', oneOf: [{ const: 'ok', title: '符合' }, { const: 'no', title: '不符合' }] });
      expect(properties.problems).toMatchObject({ type: 'string', maxLength: 500, 'x-hide': ['=outcome != "no"'] });
      expect(properties.problems!.description).toContain('显示时必填');
      expect(properties.neighboursAgree).toMatchObject({ type: 'boolean', default: false });
      expect(properties.recheck).toMatchObject({ type: ['object', 'null'], properties: { by: { type: 'string' } }, required: ['by'], 'x-hide': ['=county != true'] });
    } finally {
      dir.done();
    }
  });
});

describe('a form that cannot be checked honestly is refused when it is loaded, saying what to fix', () => {
  const refused = (name: string, body: unknown) => {
    const dir = formDir({ [name]: body });
    try {
      loadForms(dir.url);
      return undefined;
    } catch (err) {
      return (err as Error).message;
    } finally {
      dir.done();
    }
  };

  test('an unsupported component, a condition that is not FEEL, a key used twice, an id that is not the file name, broken JSON', () => {
    expect(refused('a.form', { id: 'a', components: [{ type: 'filepicker', key: 'scan' }] })).toContain('组件类型应为以下之一');
    expect(refused('a.form', { id: 'a', components: [{ type: 'textfield', key: 'x', conditional: { hide: '=x ==' } }] })).toMatch(/not valid FEEL/);
    expect(refused('a.form', { id: 'a', components: [{ type: 'textfield', key: 'x' }, { type: 'group', components: [{ type: 'number', key: 'x' }] }] })).toContain('「x」出现了两次');
    expect(refused('a.form', { id: 'b', components: [] })).toContain('应与文件名');
    expect(refused('a.form', { id: 'a', components: [{ type: 'textfield', key: '__proto__' }] })).toContain('键名');
    expect(refused('a.form', '{ "id": ')).toContain('不是有效的 JSON');
  });
});
