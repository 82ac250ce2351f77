import type { Applicant, IntakeDraft, ServiceItem } from '../api/types.js';
import { applicantIdProblem } from '../../../api/validation/applicant.js';
import { phoneProblem } from '../../../api/validation/phone.js';

/** A material on the checklist: handed in (收取), or missing; undefined until the clerk says. */
export type MaterialState = 'received' | 'missing' | undefined;

/** The applicant as the form holds it while the clerk types. */
export interface ApplicantFields {
  kind: 'person' | 'company';
  name: string;
  idNumber: string;
  creditCode: string;
  phone: string;
  address: string;
}

/** The intake as the page holds it: the item, the applicant, each material's state and file. */
export interface IntakeForm {
  draftId: string;
  item?: ServiceItem;
  applicant: ApplicantFields;
  materials: Record<string, MaterialState>;
  files: Record<string, File>;
  note: string;
}

export const emptyApplicant = (): ApplicantFields => ({ kind: 'person', name: '', idNumber: '', creditCode: '', phone: '', address: '' });

/** A new intake with an id for its draft. Not pure: a random id. */
export function newForm(): IntakeForm {
  return { draftId: `d-${crypto.randomUUID()}`, applicant: emptyApplicant(), materials: {}, files: {}, note: '' };
}

/** Each applicant field's problem, by the checks the server runs too (api/validation). Pure. */
export function applicantProblems(a: ApplicantFields): Partial<Record<keyof ApplicantFields, string>> {
  const problems: Partial<Record<keyof ApplicantFields, string>> = {};
  if (!a.name.trim()) problems.name = a.kind === 'person' ? '请填写申请人姓名' : '请填写单位名称';
  const id = applicantIdProblem({ kind: a.kind, idNumber: a.idNumber.trim(), creditCode: a.creditCode.trim() });
  if (id) problems[id.field] = id.problem;
  const phone = phoneProblem(a.phone.trim());
  if (phone) problems.phone = phone;
  return problems;
}

/** The applicant as POST /cases takes it. Pure. */
export function applicantOf(a: ApplicantFields): Applicant {
  const id = a.kind === 'person' ? { idNumber: a.idNumber.trim().toUpperCase() } : { creditCode: a.creditCode.trim().toUpperCase() };
  return { kind: a.kind, name: a.name.trim(), phone: a.phone.trim(), ...id, ...(a.address.trim() ? { address: a.address.trim() } : {}) };
}

/** Materials handed in, in the guide's order. Pure. */
export function receivedOf(item: ServiceItem, materials: IntakeForm['materials']): string[] {
  return item.materials.filter((m) => materials[m.name] === 'received').map((m) => m.name);
}

/** Required materials not handed in: what a one-time notice must list. Pure. */
export function missingOf(item: ServiceItem, materials: IntakeForm['materials']): string[] {
  return item.materials.filter((m) => m.required && materials[m.name] !== 'received').map((m) => m.name);
}

/** Whether the clerk has begun anything worth keeping. Pure. */
export function begun(form: IntakeForm): boolean {
  const { kind: _kind, ...typed } = form.applicant;
  return Boolean(form.item || form.note.trim() || Object.values(typed).some((v) => v.trim()) || Object.values(form.materials).some(Boolean));
}

/** What a draft keeps of the form (no files: they stay in this browser until the case is taken in). Pure. */
export function draftOf(form: IntakeForm): Omit<IntakeDraft, 'id' | 'updatedAt'> {
  const materials = Object.fromEntries(Object.entries(form.materials).filter((e): e is [string, 'received' | 'missing'] => e[1] !== undefined));
  const applicant = Object.fromEntries(Object.entries(form.applicant).filter(([, v]) => v !== '')) as IntakeDraft['applicant'];
  return {
    applicant: { ...applicant, kind: form.applicant.kind }, materials,
    ...(form.item ? { itemCode: form.item.code, itemName: form.item.name } : {}), ...(form.note ? { note: form.note } : {}),
  };
}

/** A draft back into a form (the item is looked up by the caller). Pure. */
export function formOfDraft(draft: IntakeDraft, item: ServiceItem | undefined): IntakeForm {
  return {
    draftId: draft.id, ...(item ? { item } : {}), applicant: { ...emptyApplicant(), ...draft.applicant },
    materials: { ...draft.materials }, files: {}, note: draft.note ?? '',
  };
}
