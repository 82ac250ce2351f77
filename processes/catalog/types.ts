/**
 * The item catalog's types (事项标准化): every field a service guide (办事指南) prints, and what
 * the case server needs to start an item's process. Every period says its unit: working days
 * (工作日, 行政许可法 §82) or days (日, calendar days, counted as 民法典 §200–§204 say).
 */

/**
 * How a period is counted: working days, or days (calendar days; a period in days whose last
 * day is not a working day ends on the next working day, 民法典 §203).
 */
export type DayUnit = 'working-days' | 'days';

/** 办件类型: which of the handling modes' processes an item runs. */
export type HandlingMode = 'direct' | 'promised' | 'joint' | 'coordinate' | 'report-up';

/** 事项类型, as in the province's item lists. */
export type ItemType = '行政许可' | '行政确认' | '行政给付' | '行政裁决' | '行政奖励' | '其他行政权力' | '公共服务';

/**
 * What an authority (实施机关) does, as an item names it: the item is decided by the authority
 * of that function in the case's county or township. '人民政府' is the government of the level
 * itself (for a 街道, its 办事处).
 */
export const AUTHORITY_SECTORS = [
  '人民政府', '公安', '市场监管', '人力社保', '医疗保障', '农业农村', '自然资源和规划', '卫生健康',
  '综合行政执法', '生态环境', '民政', '法律援助', '税务',
] as const;
export type AuthoritySector = (typeof AUTHORITY_SECTORS)[number];

/**
 * 实施机关: the authority that decides the item, in whose name its notices are issued (the
 * centre accepts as its agent). Named by level and function, so one catalog serves every
 * county: the case's county (or township) has one authority of each function.
 */
export interface AuthorityRef {
  level: 'county' | 'township';
  sector: AuthoritySector;
}

/**
 * Where each legal fact of an item comes from: an article of a law or rule, the province's
 * guide it was checked against, or, for a figure the law leaves to the authority, that it is
 * the sample's own commitment.
 */
export interface FactSources {
  /** Who decides (authority) and how the case travels (handling mode). */
  authority: string;
  /** statutoryDays and statutoryUnit (or why there is none). */
  statutoryLimit: string;
  /** promisedDays. */
  promisedLimit: string;
  /** specialProcedures and stepLimits, where the item has any. */
  procedures?: string;
  fee: string;
  /** The material list. */
  materials: string;
}

/** 行使层级: where the item is handled. */
export type Level = 'county' | 'township' | 'village';

/** The windows a township centre sets up (温政办〔2017〕40号 二、(五)). */
export const WINDOWS = [
  '户籍', '个体工商登记', '社保', '医保', '农技推广', '企业服务', '宅基地申请',
  '生育登记', '居住证', '城管', '环保', '民政救助', '法律调解', '社会综治',
] as const;
export type WindowName = (typeof WINDOWS)[number];

/** One entry of the material list (申请材料). */
export interface Material {
  name: string;
  required: boolean;
  /** 原件 / 复印件 / both (原件核验、复印件留存). */
  form: '原件' | '复印件' | '原件及复印件';
  /** Copies (份数). */
  count: number;
  format: '纸质' | '电子' | '纸质或电子';
  notes?: string;
}

/** 特殊环节: a step whose time the applicant is told in writing (行政许可法 §45). */
export interface SpecialProcedure {
  name: string;
  /** How long it takes, in `unit` (公示 of 7 days is 7 calendar days). */
  days: number;
  unit: DayUnit;
  /**
   * Whether its days count toward the item's time limits. When they do not, a procedure of
   * 行政许可法 §45 (听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审) stops the statutory and the
   * promised limit; any other (公示, 现场勘察 …) stops only the promised one.
   */
  countsTowardLimit: boolean;
}

/**
 * A stage of the item's handling with a limit of its own (环节时限), e.g. the township's review
 * of 最低生活保障 within 15 working days; `step` is the process element it applies to. The
 * stages, one after another, must fit in the promised limit.
 */
export interface StepLimit {
  step: string;
  name: string;
  days: number;
  unit: DayUnit;
}

/** 收费标准及依据: a free item says 不收费, never nothing. */
export interface Fee {
  standard: string;
  basis: string;
}

/** 结果名称/类型. */
export interface ItemResult {
  name: string;
  type: '证照' | '批文' | '其他';
}

/** One item (事项) of the catalog, with every field of its service guide. */
export interface ServiceItem {
  /** Basic code (基本编码, 12 digits, GB/T 39554.1-2020 style). */
  code: string;
  name: string;
  type: ItemType;
  /** 承办机构: the office that handles it (a 派出所, a 市场监管所, a 执法中队 …), not always the authority. */
  department: string;
  /** 实施机关: the authority that decides it and in whose name its notices go out. */
  authority: AuthorityRef;
  window: WindowName;
  level: Level;
  mode: HandlingMode;
  /** The process the item runs: its mode's by default, or an administrator's variant. */
  processId: string;
  /** 设定和实施依据. */
  legalBasis: string[];
  /** 受理条件. */
  conditions: string[];
  materials: Material[];
  /** 法定办结时限 in `statutoryUnit`; 0 = on the spot; null when the law sets none (see statutoryNote). */
  statutoryDays: number | null;
  statutoryUnit: DayUnit;
  /** Where the law's limit comes from, or why there is none. */
  statutoryNote?: string;
  /** 承诺办结时限, working days from acceptance; 0 = 即办. */
  promisedDays: number;
  specialProcedures: SpecialProcedure[];
  /** Stages with limits of their own, in order; none when the item sets none. */
  stepLimits?: StepLimit[];
  fee: Fee;
  /** 办理地点. */
  place: string;
  /** 办理时间. */
  hours: string;
  consultPhone: string;
  complaintPhone: string;
  /** 到现场次数 (最多跑一次: at most 1). */
  visits: number;
  result: ItemResult;
  /** 联办机构: the departments that review a joint item, each in its own inbox; empty otherwise. */
  departments: string[];
  /**
   * 救济途径 where the law gives the item its own (信访: 复查; 法律援助: 异议), printed instead of
   * the remedies its type would print. General words only: the bodies follow from the authority.
   */
  remedy?: string;
  /** The source of each legal fact above. */
  sources: FactSources;
  /** Invented for demonstration in the documented format; confirm against the county's own list. */
  sample: true;
}
