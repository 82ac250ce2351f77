import type { CaseRecord } from './types.js';
import { ApiError } from '../http/errors.js';

/**
 * 受理: the case is accepted and its limits count from the day after (行政许可法 §82; the dates
 * themselves are derived, api/time-limits). Pure; a second call changes nothing, so the
 * window's step and the acceptance-notice job may both apply it, in either order.
 */
export function accept(c: CaseRecord, at: number): CaseRecord {
  if (c.acceptedAt !== undefined) return c;
  return { ...c, status: c.status === 'received' ? 'handling' : c.status, acceptedAt: at };
}

/**
 * 行政许可法 §32: no acceptance and no one-time notice within 5 working days of receipt, so the
 * case is accepted by law from the day the materials were received (or completed). Pure.
 */
export function deemAccepted(c: CaseRecord, at: number): CaseRecord {
  if (c.acceptedAt !== undefined) return c;
  return { ...accept(c, c.materialsCompleteAt ?? c.receivedAt), acceptance: { kind: 'deemed', at } };
}

/** Required materials not yet handed in, from the case's checklist. Pure. */
export function stillMissing(c: CaseRecord): string[] {
  return c.materials.filter((m) => m.required && !m.provided).map((m) => m.name);
}

/**
 * The acceptance form, checked against the checklist: accepting with required materials
 * missing is refused; asking for correction lists everything missing at once (一次告知), the
 * checklist's gaps and whatever else the clerk found. Pure.
 */
export function checkAcceptance(c: CaseRecord, variables: Record<string, unknown>): Record<string, unknown> {
  const listed = (variables.missingMaterials as string[] | undefined) ?? [];
  if (c.acceptance?.kind === 'deemed' && (variables.accepted !== true || listed.length > 0)) {
    throw new ApiError(409, 'ACCEPTED_BY_LAW', '本件收件后五个工作日内未受理、也未一次性告知补正，依法自收到申请材料之日起已视为受理（行政许可法第三十二条），不能再要求补正或不予受理，请予以受理并办理',
      [{ field: 'accepted', problem: '应为受理' }]);
  }
  // Accepted by law: the gaps no longer stop acceptance (they are the review's to weigh).
  if (c.acceptance?.kind === 'deemed') return variables;
  const missing = stillMissing(c);
  if (variables.accepted === true && listed.length === 0 && missing.length > 0) {
    throw new ApiError(400, 'MATERIALS_MISSING', `必需材料未齐：${missing.join('、')}。请补齐后受理，或在 missingMaterials 中一次性告知补正`,
      missing.map((name) => ({ field: 'missingMaterials', problem: `缺少「${name}」` })));
  }
  if (listed.length === 0) return variables;
  return { ...variables, missingMaterials: [...new Set([...missing, ...listed])] };
}

/** Materials brought in a correction are ticked on the checklist. Pure. */
export function corrected(c: CaseRecord, names: readonly string[]): CaseRecord {
  return { ...c, visits: c.visits + 1, materials: c.materials.map((m) => (names.includes(m.name) ? { ...m, provided: true } : m)) };
}
