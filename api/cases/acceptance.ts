import type { WorkingCalendar } from '../../engine/index.js';
import { deadlineAfterReceipt } from '../../engine/index.js';
import type { ServiceItem } from '../../processes/catalog/types.js';
import type { CaseRecord } from './types.js';
import { ApiError } from '../http/errors.js';

/**
 * 受理: the case is accepted and its clock starts. The promised and statutory limits count
 * working days from the day after acceptance (行政许可法 §82). Pure; a second call changes nothing,
 * so the window's step and the acceptance-notice job may both apply it, in either order.
 */
export function accept(calendar: WorkingCalendar, c: CaseRecord, item: ServiceItem | undefined, at: number): CaseRecord {
  if (c.acceptedAt !== undefined) return c;
  const statutory = item?.statutoryDays;
  return {
    ...c, status: c.status === 'received' ? 'handling' : c.status, acceptedAt: at,
    dueAt: deadlineAfterReceipt(calendar, at, item?.promisedDays ?? 0),
    ...(typeof statutory === 'number' ? { statutoryDueAt: deadlineAfterReceipt(calendar, at, statutory) } : {}),
  };
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
