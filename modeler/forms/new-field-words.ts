import { formWord } from './form-words.js';

/**
 * What form-js writes into a field the administrator has just placed is English: its label is
 * the kind's name ("Text field"), a text block says "# Text", a choice offers one option
 * "Value", a date is labelled "Date", a table has the columns ID, Name and Date. Unchanged, the
 * clerk's task page would show those words. A new field starts with the same in Chinese (the
 * kind's name as the palette shows it); a field the administrator wrote, or one read from a saved
 * form, is never touched.
 */
type Field = Record<string, unknown>;

const SAMPLE_TEXT: Record<string, string> = { '# Text': '# 说明文字' };
const SAMPLE_OPTION: Record<string, string> = { Value: '选项' };
const SAMPLE_COLUMNS: Record<string, string> = { ID: '编号', Name: '名称', Date: '日期' };
const SAMPLE_DATE_LABELS: Record<string, string> = { Date: '日期', Time: '时间' };

const translated = (table: Record<string, string>, text: unknown): unknown => (typeof text === 'string' ? table[text] ?? text : text);

/** A newly placed field with form-js's sample words in Chinese. Pure: answers a new object. */
export function chineseNewField(field: Field): Field {
  const out: Field = { ...field };
  if (typeof field.label === 'string') out.label = formWord(field.label);
  if (typeof field.text === 'string') out.text = translated(SAMPLE_TEXT, field.text);
  if (typeof field.dateLabel === 'string') out.dateLabel = translated(SAMPLE_DATE_LABELS, field.dateLabel);
  if (typeof field.timeLabel === 'string') out.timeLabel = translated(SAMPLE_DATE_LABELS, field.timeLabel);
  if (Array.isArray(field.values)) {
    out.values = field.values.map((v: Field) => ({ ...v, label: translated(SAMPLE_OPTION, v.label) }));
  }
  if (Array.isArray(field.columns)) {
    out.columns = field.columns.map((c: Field) => ({ ...c, label: translated(SAMPLE_COLUMNS, c.label) }));
  }
  return out;
}

interface FieldFactory { create(attrs: Field, isNewField?: boolean): Field }

/**
 * Has the editor's field factory start new fields in Chinese (form-js has no hook for a
 * field's defaults: its factory is wrapped). Fields made while a saved form is imported are
 * not new (`isNewField` false) and keep what was saved.
 */
export function chineseNewFields(factory: FieldFactory): void {
  const create = factory.create.bind(factory);
  factory.create = (attrs, isNewField = true) => {
    const field = create(attrs, isNewField);
    // The factory registered the object it made under its id: change that one, not a copy.
    return isNewField ? Object.assign(field, chineseNewField(field)) : field;
  };
}
