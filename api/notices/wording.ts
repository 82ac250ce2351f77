import type { ItemType, ServiceItem } from '../../processes/catalog/types.js';

/**
 * How a notice speaks of an item, by its type. Only licences are refused by 不予许可 and rest
 * on 行政许可法; a 行政给付 is refused by a 不予给付 decision, a 行政确认 by 不予确认, and a
 * public service (公共服务) answers with its reasons and the complaint route, since it is not a
 * decision one takes to review. Licensing words follow 行政许可法 §32, §38 and §42; the others
 * follow the wording the laws of those items use (社会救助暂行办法 §11, §48: 书面告知并说明理由;
 * 浙江省保障“最多跑一次”改革规定 §2, which extends one-time notice to 确认, 给付 and other
 * services). The provincial guides we could read carry no notice templates of their own, so the
 * wording is ours, built from those provisions.
 */
export interface TypeWording {
  /** What the refusal decides: 不予许可 / 不予给付 / 不予确认 / 不予办理. */
  decision: string;
  /** The refusal's title. */
  refusalTitle: string;
  /** Whether the refusal is an administrative act one may take to 行政复议 and court. */
  reviewable: boolean;
  /** The provision a one-time notice (补正) rests on. */
  correctionBasis: string;
  /** The provision an extension (延期) rests on, when a law sets one. */
  extensionBasis?: string;
}

const ONE_TRIP = '《浙江省保障“最多跑一次”改革规定》第十一条';
const decisionOf = (decision: string, title = `${decision}决定书`): Pick<TypeWording, 'decision' | 'refusalTitle'> => ({ decision, refusalTitle: title });

const byType: Readonly<Record<ItemType, TypeWording>> = {
  行政许可: { ...decisionOf('不予许可'), reviewable: true, correctionBasis: '《中华人民共和国行政许可法》第三十二条', extensionBasis: '《中华人民共和国行政许可法》第四十二条第一款' },
  行政确认: { ...decisionOf('不予确认'), reviewable: true, correctionBasis: ONE_TRIP },
  行政给付: { ...decisionOf('不予给付'), reviewable: true, correctionBasis: ONE_TRIP },
  行政裁决: { ...decisionOf('驳回申请', '驳回申请决定书'), reviewable: true, correctionBasis: ONE_TRIP },
  行政奖励: { ...decisionOf('不予奖励'), reviewable: true, correctionBasis: ONE_TRIP },
  其他行政权力: { ...decisionOf('不予办理'), reviewable: true, correctionBasis: ONE_TRIP },
  公共服务: { ...decisionOf('不予办理', '不予办理告知书'), reviewable: false, correctionBasis: ONE_TRIP },
};

/** The wording of an item's notices. Pure. */
export function wordingOf(type: ItemType): TypeWording {
  return byType[type];
}

/**
 * The remedies sentence of a refusal: the item's own (信访, 法律援助), else for a reviewable act
 * 行政复议 within sixty days (行政复议法 §20) before the review body, or a suit within six months
 * (行政诉讼法 §46); for a public service, an objection to the authority or a complaint. `document`
 * is what the applicant holds (本决定书, 本通知书). Pure.
 */
export function remedySentence(item: Pick<ServiceItem, 'type' | 'remedy' | 'complaintPhone'>, parts: { document: string; reviewBody?: string; authority: string }): string {
  if (item.remedy) return item.remedy;
  if (!wordingOf(item.type).reviewable) {
    return `如对本告知有异议，可以向${parts.authority}提出，或者拨打${item.complaintPhone}投诉。`;
  }
  return `如不服本${parts.document}，可以自收到本${parts.document}之日起六十日内向${parts.reviewBody}申请行政复议，或者自收到本${parts.document}之日起六个月内依法向人民法院提起行政诉讼。`;
}
