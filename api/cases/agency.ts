import type { ServiceItem } from '../../processes/catalog/types.js';
import type { OrgUnit } from '../org/units.js';
import { ApiError } from '../http/errors.js';

/** Levels an org unit takes items of: a township centre takes township and village items. */
const HANDLES: Record<string, readonly string[]> = { county: ['county', 'township', 'village'], township: ['township', 'village'], village: ['village'] };

/** Where a case received at a unit is handled, and the unit that took it in for the applicant (代办点), if another. */
export interface Handling {
  unitId: string;
  agentUnitId?: string;
}

/**
 * 代办后上报: an item above the receiving centre's level is taken in there for the applicant
 * (the clerk says so with `forward`) and handled by the nearest unit above that takes it; its
 * result comes back to the receiving centre. Without `forward`, the clerk is told it can be done.
 * Pure over the unit list.
 */
export function handlingOf(units: readonly OrgUnit[], receivingUnitId: string, item: Pick<ServiceItem, 'name' | 'level'>, forward: boolean): Handling {
  const chain = ancestry(units, receivingUnitId);
  const handler = chain.find((u) => HANDLES[u.level]?.includes(item.level));
  if (handler?.id === receivingUnitId) return { unitId: receivingUnitId };
  const level = item.level === 'county' ? '县级' : '乡镇（街道）';
  if (!handler) throw new ApiError(422, 'ITEM_NOT_HANDLED_HERE', `「${item.name}」在${level}办理，本中心及上级中心都不能受理`, [{ field: 'itemCode', problem: '不属本级受理范围' }]);
  if (!forward) {
    throw new ApiError(422, 'ITEM_NOT_HANDLED_HERE', `「${item.name}」在${level}办理，本中心可代办后上报：选择「代办上报」（forward: true），收件后转${handler.centerName}受理，结果送回本中心`,
      [{ field: 'forward', problem: `代办上报至${handler.centerName}` }]);
  }
  return { unitId: handler.id, agentUnitId: receivingUnitId };
}

/** A unit and the units above it, nearest first. Pure over the list. */
function ancestry(units: readonly OrgUnit[], id: string): OrgUnit[] {
  const chain: OrgUnit[] = [];
  for (let unit = units.find((u) => u.id === id); unit; unit = unit.parentId ? units.find((u) => u.id === unit!.parentId) : undefined) chain.push(unit);
  return chain;
}
