/**
 * A sample catalog of township and village items, one or more per window of the seed. The codes,
 * departments, places and consult phones are invented (示例县示例镇, numbers 0577-0000xxxx that
 * no one answers) and every item says `sample: true`; the legal bases, conditions and materials
 * follow real guides but must be checked against the county's own list before real use.
 */
import { processIdForMode } from '../index.js';
import type { AuthorityRef, AuthoritySector, Fee, HandlingMode, Material, ServiceItem } from './types.js';

const CENTER = '示例县示例镇行政服务中心';
const VILLAGE = '示例镇示例村便民服务中心';
const HOURS = '周一至周五 上午8:30—12:00，下午13:30—17:00（法定节假日除外）';
const COMPLAINT = '12345（政务服务便民热线）';
// 行政许可法 §58: no fee for a licence unless a law or an administrative regulation sets one.
const FREE_PERMIT: Fee = { standard: '不收费', basis: '《中华人民共和国行政许可法》第五十八条' };
// Fees are charged only as the province's list of administrative fees (行政事业性收费目录清单) names them.
const FREE: Fee = { standard: '不收费', basis: '未列入行政事业性收费目录清单' };
const FEE_SOURCE = '行政事业性收费实行目录清单管理，未列入清单的不得收取（以浙江省公布的目录清单为准）';
const PERMIT_FEE_SOURCE = '《中华人民共和国行政许可法》第五十八条：实施行政许可不得收取任何费用，法律、行政法规另有规定的除外';
const PERMIT_LIMIT = '《中华人民共和国行政许可法》第四十二条第一款：自受理之日起二十日内作出决定，以工作日计（第八十二条）';
const NO_LIMIT = '法律、法规未规定办理期限';
const PROMISE = '样例的服务承诺，按县级公布的办事指南确定';
const GUIDE = '参照浙江政务服务网同类事项办事指南整理，启用前须与本县实施清单核对';

/** 实施机关 of the case's county (by function), or the township's own government. */
const county = (sector: AuthoritySector): AuthorityRef => ({ level: 'county', sector });
const TOWNSHIP_GOVERNMENT: AuthorityRef = { level: 'township', sector: '人民政府' };

const at = (window: string) => `${CENTER}一楼${window}窗口`;
const phone = (n: number) => `0577-0000${String(n).padStart(4, '0')}`;
const runs = (mode: HandlingMode) => ({ mode, processId: processIdForMode[mode] });

/** A material: paper original, one copy, required, unless said otherwise. */
function m(name: string, options: Partial<Omit<Material, 'name'>> = {}): Material {
  return { name, required: true, form: '原件', count: 1, format: '纸质', ...options };
}

/** What every item at the township centre shares: hours, phones, a free service, no special step. */
function township(window: ServiceItem['window'], n: number) {
  return {
    window, level: 'township' as const, place: at(window), hours: HOURS, consultPhone: phone(n), complaintPhone: COMPLAINT,
    fee: FREE, specialProcedures: [], departments: [], visits: 1, sample: true as const, statutoryUnit: 'working-days' as const,
  };
}

function village(window: ServiceItem['window'], n: number) {
  return { ...township(window, n), level: 'village' as const, place: `${VILLAGE}综合窗口` };
}

const POLICE = '示例县公安局示例镇派出所';
const MARKET = '示例县市场监督管理局示例镇市场监管所';
const SOCIAL = '示例镇社会保障服务中心';
const FARM = '示例镇农业农村办公室';
// The 中队 handles the township's cases; the authority is the county's 综合行政执法局.
const ENFORCE = '示例县综合行政执法局（示例镇中队承办）';
const ECO = '示例市生态环境局示例县分局（示例镇环保工作站承办）';
const CIVIL = '示例镇社会事务办公室';
const ID_CARD = m('居民身份证');
const HOUSEHOLD = m('居民户口簿');

export const items: readonly ServiceItem[] = [
  {
    ...township('户籍', 101), ...runs('direct'),
    code: '000172001001', name: '出生登记', type: '行政确认', department: POLICE, authority: county('公安'),
    legalBasis: ['《中华人民共和国户口登记条例》第七条'],
    conditions: ['婴儿出生后一个月以内申报（逾期的可补报）', '随父或随母在本地申报常住户口'],
    materials: [m('出生医学证明'), m('父母双方居民户口簿'), m('父母双方居民身份证'), m('父母结婚证', { required: false, notes: '非婚生育的提供情况说明' })],
    statutoryDays: null, statutoryNote: '法律未规定办理期限，当场办结为服务承诺', promisedDays: 0, result: { name: '居民户口簿（出生登记页）', type: '证照' },
    sources: {
      authority: '《中华人民共和国户口登记条例》第三条：户口登记工作由各级公安机关主管，派出所管辖区为户口管辖区；实施机关为县公安局，派出所承办',
      statutoryLimit: `${NO_LIMIT}（户口登记条例第七条只规定申报期限：出生后一个月以内）`, promisedLimit: `即办：${PROMISE}`,
      fee: FEE_SOURCE, materials: `《中华人民共和国户口登记条例》第七条；${GUIDE}`,
    },
  },
  {
    ...township('户籍', 101), ...runs('direct'),
    code: '000172001002', name: '死亡注销户口登记', type: '行政确认', department: POLICE, authority: county('公安'),
    legalBasis: ['《中华人民共和国户口登记条例》第八条'],
    conditions: ['户籍人员死亡，由户主、亲属、抚养人或者邻居申报'],
    materials: [m('死亡医学证明书或火化证明'), m('死者居民户口簿'), m('死者居民身份证', { required: false, notes: '无法收回的说明情况' }), m('申报人居民身份证')],
    statutoryDays: null, statutoryNote: '法律未规定办理期限，当场办结为服务承诺', promisedDays: 0, result: { name: '户口注销证明', type: '其他' },
    sources: {
      authority: '《中华人民共和国户口登记条例》第三条、第八条：向户口登记机关申报死亡登记，注销户口',
      statutoryLimit: `${NO_LIMIT}（第八条只规定申报期限）`, promisedLimit: `即办：${PROMISE}`, fee: FEE_SOURCE, materials: `《中华人民共和国户口登记条例》第八条；${GUIDE}`,
    },
  },
  {
    ...village('居住证', 102), ...runs('direct'),
    code: '000172002001', name: '流动人口居住登记', type: '行政确认', department: POLICE, authority: county('公安'),
    legalBasis: ['《居住证暂行条例》', '《浙江省流动人口居住登记条例》'],
    conditions: ['离开常住户口所在地来本地居住的人员'],
    materials: [m('居民身份证或其他有效身份证件'), m('住所证明', { form: '原件及复印件', notes: '房屋租赁合同、房屋产权证明或单位、学校出具的住宿证明之一' })],
    statutoryDays: null, statutoryNote: '法律未规定办理期限，当场登记为服务承诺', promisedDays: 0, result: { name: '居住登记凭证', type: '其他' },
    sources: {
      authority: '《浙江省流动人口居住登记条例》：居住登记由居住地公安派出所办理，村（社区）可受委托代办；实施机关为县公安局',
      statutoryLimit: NO_LIMIT, promisedLimit: `即办：${PROMISE}`, fee: FEE_SOURCE, materials: `《浙江省流动人口居住登记条例》；${GUIDE}`,
    },
  },
  {
    ...township('居住证', 102), ...runs('promised'),
    code: '000172002002', name: '居住证核发', type: '行政确认', department: POLICE, authority: county('公安'),
    legalBasis: ['《居住证暂行条例》（国务院令第663号）'],
    conditions: ['在本地居住半年以上', '有合法稳定就业、合法稳定住所或连续就读之一'],
    materials: [ID_CARD, m('近期免冠彩色照片', { format: '纸质或电子', notes: '可现场采集' }),
      m('居住证明', { form: '原件及复印件', notes: '房屋租赁合同、房屋产权证明等' }),
      m('就业或就读证明', { required: false, form: '复印件', notes: '以就业、就读为条件申领的提供' })],
    // 居住证暂行条例 §11: 受理之日起15日内 — days, not working days.
    statutoryDays: 15, statutoryUnit: 'days', promisedDays: 10,
    fee: { standard: '不收费', basis: '《居住证暂行条例》：首次申领居住证免收证件工本费' },
    result: { name: '浙江省居住证', type: '证照' },
    sources: {
      authority: '《居住证暂行条例》：居住证由县级人民政府公安机关签发，派出所受理',
      statutoryLimit: '《居住证暂行条例》第十一条：自受理之日起15日内制作发放（日，非工作日）', promisedLimit: PROMISE,
      fee: '《居住证暂行条例》：首次申领免收工本费（换领、补领按规定收费）', materials: `《居住证暂行条例》；${GUIDE}`,
    },
  },
  {
    ...township('个体工商登记', 103), ...runs('direct'),
    code: '000175001001', name: '个体工商户设立登记', type: '行政许可', department: MARKET, authority: county('市场监管'),
    legalBasis: ['《中华人民共和国市场主体登记管理条例》', '《促进个体工商户发展条例》'],
    conditions: ['有经营能力的自然人', '经营场所符合要求，经营范围不属于禁止经营的项目'],
    materials: [m('个体工商户登记（备案）申请书'), m('经营者身份证明'), m('经营场所使用相关文件', { form: '复印件' }),
      m('委托代理人身份证明及委托书', { required: false, notes: '委托他人办理的提供' })],
    statutoryDays: 3, promisedDays: 0, fee: FREE_PERMIT, result: { name: '营业执照', type: '证照' },
    sources: {
      authority: '《中华人民共和国市场主体登记管理条例》：县级市场监督管理部门为登记机关，市场监管所受理',
      statutoryLimit: '《中华人民共和国市场主体登记管理条例》第十九条：当场登记；不能当场登记的3个工作日内，情形复杂的经登记机关负责人批准可再延长3个工作日',
      promisedLimit: `即办：${PROMISE}`, fee: PERMIT_FEE_SOURCE, materials: `《中华人民共和国市场主体登记管理条例》；${GUIDE}`,
    },
  },
  {
    ...township('个体工商登记', 103), ...runs('direct'),
    code: '000175001003', name: '个体工商户注销登记', type: '行政许可', department: MARKET, authority: county('市场监管'),
    legalBasis: ['《中华人民共和国市场主体登记管理条例》', '《促进个体工商户发展条例》'],
    conditions: ['已办理营业执照且无未结清的债权债务'],
    materials: [m('个体工商户注销登记申请书'), m('营业执照正、副本'), m('经营者身份证明')],
    statutoryDays: 3, promisedDays: 0, fee: FREE_PERMIT, result: { name: '准予注销登记通知书', type: '批文' },
    sources: {
      authority: '《中华人民共和国市场主体登记管理条例》：县级市场监督管理部门为登记机关',
      statutoryLimit: '《中华人民共和国市场主体登记管理条例》第十九条（登记期限同设立）', promisedLimit: `即办：${PROMISE}`,
      fee: PERMIT_FEE_SOURCE, materials: `《中华人民共和国市场主体登记管理条例》；${GUIDE}`,
    },
  },
  {
    ...township('社保', 104), ...runs('report-up'),
    code: '000176001001', name: '城乡居民基本养老保险参保登记', type: '公共服务', department: SOCIAL, authority: county('人力社保'),
    legalBasis: ['《中华人民共和国社会保险法》', '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）'],
    conditions: ['年满16周岁（不含在校学生）', '不属于职工基本养老保险制度覆盖范围', '在户籍地参保'],
    materials: [ID_CARD, HOUSEHOLD, m('城乡居民基本养老保险参保登记表', { notes: '窗口提供空白表格' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺（县社保经办机构确认）', promisedDays: 3,
    result: { name: '参保登记确认', type: '其他' },
    sources: {
      authority: '国发〔2014〕8号：乡镇（街道）社会保障服务机构受理、初审，县级社会保险经办机构确认；实施机关为县人力社保局',
      statutoryLimit: NO_LIMIT, promisedLimit: PROMISE, fee: FEE_SOURCE, materials: `国发〔2014〕8号；${GUIDE}`,
    },
  },
  {
    ...township('社保', 104), ...runs('report-up'),
    code: '000176001002', name: '城乡居民基本养老保险待遇领取申请', type: '行政给付', department: SOCIAL, authority: county('人力社保'),
    legalBasis: ['《中华人民共和国社会保险法》', '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）'],
    conditions: ['年满60周岁', '累计缴费满15年或符合过渡规定', '未领取国家规定的其他基本养老保障待遇'],
    materials: [ID_CARD, HOUSEHOLD, m('城乡居民基本养老保险待遇领取申请表'), m('社会保障卡或银行账户', { form: '复印件' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺', promisedDays: 10,
    result: { name: '养老保险待遇核定', type: '其他' },
    sources: {
      authority: '国发〔2014〕8号：乡镇（街道）受理初审，县级社会保险经办机构核定待遇；实施机关为县人力社保局',
      statutoryLimit: NO_LIMIT, promisedLimit: PROMISE, fee: FEE_SOURCE, materials: `国发〔2014〕8号；${GUIDE}`,
    },
  },
  {
    ...village('医保', 105), ...runs('direct'),
    code: '000177001001', name: '城乡居民基本医疗保险参保登记', type: '公共服务', department: '示例县医疗保障局示例镇医保工作站', authority: county('医疗保障'),
    legalBasis: ['《中华人民共和国社会保险法》', '《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）'],
    conditions: ['未参加职工基本医疗保险的城乡居民', '在户籍地或居住证所在地参保'],
    materials: [m('居民身份证或居民户口簿'), m('居住证', { required: false, notes: '非本地户籍人员提供' })],
    statutoryDays: null, statutoryNote: '法律未规定办理期限，当场办结为服务承诺', promisedDays: 0, result: { name: '参保登记信息', type: '其他' },
    sources: {
      authority: '国发〔2016〕3号：县级医疗保障部门及其经办机构负责参保登记，村（社区）代办',
      statutoryLimit: NO_LIMIT, promisedLimit: `即办：${PROMISE}`, fee: `${FEE_SOURCE}（参保缴费不是办理费用）`, materials: `国发〔2016〕3号；${GUIDE}`,
    },
  },
  {
    ...township('医保', 105), ...runs('direct'),
    code: '000177002001', name: '异地就医备案', type: '公共服务', department: '示例县医疗保障局示例镇医保工作站', authority: county('医疗保障'),
    legalBasis: ['《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）'],
    conditions: ['参加本地基本医疗保险', '异地长期居住、常驻异地工作或临时外出就医'],
    materials: [m('社会保障卡或居民身份证'), m('异地就医登记备案表', { format: '纸质或电子' }),
      m('异地居住或工作证明', { required: false, notes: '可用个人承诺代替' })],
    statutoryDays: null, statutoryNote: '法律未规定办理期限，当场办结为服务承诺', promisedDays: 0, visits: 0, result: { name: '异地就医备案信息', type: '其他' },
    sources: {
      authority: '医保发〔2022〕22号：参保地医疗保障经办机构办理备案', statutoryLimit: NO_LIMIT, promisedLimit: `即办：${PROMISE}`,
      fee: FEE_SOURCE, materials: '医保发〔2022〕22号：以个人承诺代替证明材料',
    },
  },
  {
    ...township('农技推广', 106), ...runs('promised'),
    code: '000178001001', name: '农业技术指导服务（田间诊断）', type: '公共服务', department: `${FARM}（农技推广站）`, authority: TOWNSHIP_GOVERNMENT,
    legalBasis: ['《中华人民共和国农业技术推广法》'],
    conditions: ['辖区内农户、家庭农场、农民专业合作社等农业生产经营者'],
    materials: [m('农业技术服务申请表', { notes: '可口头申请，窗口代填' }), m('病虫害样本或田间照片', { required: false, format: '纸质或电子' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺', promisedDays: 5,
    specialProcedures: [{ name: '现场勘察（田间诊断）', days: 1, unit: 'working-days', countsTowardLimit: false }],
    result: { name: '技术指导意见书', type: '其他' },
    sources: {
      authority: '《中华人民共和国农业技术推广法》：乡镇国家农业技术推广机构提供公益性服务，由乡镇人民政府管理',
      statutoryLimit: NO_LIMIT, promisedLimit: PROMISE, procedures: `田间诊断的时间不计入承诺时限：${PROMISE}`, fee: `《中华人民共和国农业技术推广法》：国家农业技术推广机构提供公益性服务；${FEE_SOURCE}`, materials: GUIDE,
    },
  },
  {
    ...township('农技推广', 106), ...runs('report-up'),
    code: '000178002001', name: '耕地地力保护补贴申报', type: '行政给付', department: FARM, authority: county('农业农村'),
    legalBasis: ['《财政部 农业部关于全面推开农业“三项补贴”改革工作的通知》（财农〔2016〕26号）'],
    conditions: ['拥有耕地承包权的种地农民', '耕地未改为非农业用途，未长期抛荒'],
    materials: [m('耕地地力保护补贴申报表'), m('农村土地承包经营权证', { form: '复印件' }), m('户主居民身份证', { form: '复印件' }),
      m('社会保障卡或银行账户', { form: '复印件' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺', promisedDays: 15,
    specialProcedures: [{ name: '村级公示', days: 5, unit: 'days', countsTowardLimit: false }],
    result: { name: '补贴发放', type: '其他' },
    sources: {
      authority: '财农〔2016〕26号：乡镇核实申报面积、村级公示，县级农业农村部门会同财政部门审核发放',
      statutoryLimit: NO_LIMIT, promisedLimit: PROMISE, procedures: `村级公示：财农〔2016〕26号要求公示，天数为${PROMISE}`, fee: FEE_SOURCE, materials: `财农〔2016〕26号；${GUIDE}`,
    },
  },
  {
    ...township('企业服务', 107), ...runs('coordinate'),
    code: '000186001001', name: '企业投资项目全程代办', type: '公共服务', department: '示例镇经济发展办公室（企业服务中心）', authority: TOWNSHIP_GOVERNMENT,
    legalBasis: ['《优化营商环境条例》', '《浙江省保障“最多跑一次”改革规定》'],
    conditions: ['在本镇投资建设的企业投资项目', '企业自愿委托代办'],
    materials: [m('项目代办委托书'), m('企业营业执照', { form: '复印件' }), m('项目基本情况说明', { format: '纸质或电子' })],
    statutoryDays: null, statutoryNote: '代办服务，法律未规定时限；按服务承诺答复', promisedDays: 5,
    result: { name: '代办服务答复及办理进度告知', type: '其他' },
    sources: {
      authority: '《浙江省保障“最多跑一次”改革规定》：乡镇人民政府（街道办事处）提供代办服务', statutoryLimit: NO_LIMIT, promisedLimit: PROMISE,
      fee: FEE_SOURCE, materials: GUIDE,
    },
  },
  {
    ...township('企业服务', 107), ...runs('joint'),
    code: '000175009001', name: '个体餐饮店开业“一件事”联办', type: '行政许可', department: `${MARKET}（牵头）`, authority: county('市场监管'),
    legalBasis: ['《中华人民共和国食品安全法》', '《食品经营许可和备案管理办法》', '《城市市容和环境卫生管理条例》'],
    conditions: ['已确定经营场所', '经营场所、设施设备符合食品安全要求', '店招设置符合市容管理规定'],
    materials: [m('开业“一件事”联办申请表'), m('经营者身份证明'), m('经营场所使用证明', { form: '复印件' }),
      m('食品安全管理制度及设备布局图'), m('店招设计效果图', { format: '纸质或电子' })],
    statutoryDays: 20, promisedDays: 10, fee: FREE_PERMIT,
    specialProcedures: [{ name: '现场核查', days: 2, unit: 'working-days', countsTowardLimit: true }],
    result: { name: '营业执照、食品经营许可证及店招设置意见', type: '证照' },
    departments: ['示例镇市场监管所', '示例镇综合行政执法中队'],
    sources: {
      authority: '《中华人民共和国行政许可法》第二十六条：由一个部门（县市场监管局）统一受理、联合办理、统一送达，文书以牵头机关名义出具',
      statutoryLimit: PERMIT_LIMIT, promisedLimit: PROMISE, procedures: '现场核查计入时限（食品经营许可的现场核查）', fee: PERMIT_FEE_SOURCE, materials: `《食品经营许可和备案管理办法》；${GUIDE}`,
    },
  },
  {
    ...township('宅基地申请', 108), ...runs('joint'),
    code: '000179001001', name: '农村村民宅基地审批', type: '行政许可', department: '示例镇人民政府（农业农村办公室受理）', authority: TOWNSHIP_GOVERNMENT,
    legalBasis: ['《中华人民共和国土地管理法》第六十二条', '《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号）'],
    conditions: ['本集体经济组织成员，以户为单位申请', '一户只能拥有一处宅基地，面积不超过规定标准', '经村民小组会议讨论通过并在村内公示无异议'],
    materials: [m('农村宅基地和建房（规划许可）申请表'), m('居民户口簿', { form: '原件及复印件' }), m('申请人居民身份证', { form: '复印件' }),
      m('村民小组会议记录及村级审查意见'), m('农房设计图或通用图', { required: false, notes: '可选用通用图集' }), m('申请人承诺书')],
    statutoryDays: 20, promisedDays: 15, fee: FREE_PERMIT,
    specialProcedures: [{ name: '村级公示', days: 5, unit: 'days', countsTowardLimit: false }, { name: '现场踏勘', days: 2, unit: 'working-days', countsTowardLimit: true }],
    result: { name: '农村宅基地批准书、乡村建设规划许可证', type: '证照' },
    departments: ['示例镇自然资源所', '示例镇农业农村办公室', '示例镇村镇建设办公室'],
    sources: {
      authority: '《中华人民共和国土地管理法》第六十二条第四款：农村村民住宅用地由乡（镇）人民政府审核批准；农经发〔2019〕6号：乡镇一个窗口受理、联审联办',
      statutoryLimit: PERMIT_LIMIT, promisedLimit: PROMISE,
      procedures: '农经发〔2019〕6号：村级公示、实地审查；公示天数为样例设定', fee: PERMIT_FEE_SOURCE, materials: `农经发〔2019〕6号所附申请表；${GUIDE}`,
    },
  },
  {
    // The township receives and forwards; the county's planning department issues the permit.
    ...township('宅基地申请', 108), ...runs('report-up'),
    code: '000179002001', name: '乡村建设规划许可证核发（农村村民住宅）', type: '行政许可', department: '示例镇人民政府（村镇建设办公室初审转报）', authority: county('自然资源和规划'),
    legalBasis: ['《中华人民共和国城乡规划法》第四十一条', '《浙江省城乡规划条例》第三十八条'],
    conditions: ['在乡、村庄规划区内建设农村村民住宅', '符合村庄规划及用地面积、建筑面积、层数和高度的控制要求',
      '已取得宅基地批准文件，或在原有合法宅基地上翻建'],
    materials: [m('乡村建设规划许可申请表'), m('居民户口簿', { form: '原件及复印件' }), m('申请人居民身份证', { form: '复印件' }),
      m('宅基地批准文件或不动产权证书', { form: '复印件' }), m('农房设计图或通用图', { notes: '可选用通用图集' }),
      m('村民委员会审查意见'), m('相邻权利人意见', { required: false, notes: '建房影响相邻通行、采光的提供' })],
    // The township's 5 working days to forward, then the county's 20 (行政许可法 §42, §43).
    statutoryDays: 25, promisedDays: 20, fee: FREE_PERMIT,
    stepLimits: [{ step: 'initial_review', name: '乡镇审查并报送县自然资源和规划局', days: 5, unit: 'working-days' }],
    specialProcedures: [{ name: '批前公示', days: 5, unit: 'days', countsTowardLimit: false }, { name: '现场踏勘', days: 1, unit: 'working-days', countsTowardLimit: true }],
    result: { name: '乡村建设规划许可证', type: '证照' },
    sources: {
      authority: '《中华人民共和国城乡规划法》第四十一条：向乡、镇人民政府申请，由乡、镇人民政府报城市、县人民政府城乡规划主管部门核发；《浙江省城乡规划条例》第三十八条',
      statutoryLimit: '《浙江省城乡规划条例》第三十八条：乡镇自受理之日起5个工作日内报送；县级按《中华人民共和国行政许可法》第四十二条、第四十三条二十个工作日内决定',
      promisedLimit: PROMISE, procedures: '乡镇转报5个工作日为环节时限（《浙江省城乡规划条例》第三十八条）；批前公示、现场踏勘天数为样例设定',
      fee: PERMIT_FEE_SOURCE, materials: `《中华人民共和国城乡规划法》第四十一条；${GUIDE}`,
    },
  },
  {
    ...village('生育登记', 109), ...runs('direct'),
    code: '000180001001', name: '生育登记', type: '公共服务', department: '示例镇卫生健康办公室', authority: TOWNSHIP_GOVERNMENT,
    legalBasis: ['《中华人民共和国人口与计划生育法》', '《浙江省人口与计划生育条例》'],
    conditions: ['夫妻双方或一方户籍或居住地在本镇', '生育子女（不限孩次）'],
    materials: [m('夫妻双方居民身份证'), m('结婚证'), m('居民户口簿', { required: false, notes: '可通过数据共享核验' }),
      m('生育登记承诺书', { notes: '窗口提供' })],
    statutoryDays: null, statutoryNote: '法律未规定办理期限，当场登记为服务承诺', promisedDays: 0, result: { name: '生育服务登记信息', type: '其他' },
    sources: {
      authority: '《浙江省人口与计划生育条例》：生育登记由乡镇人民政府（街道办事处）办理，村（社区）代办', statutoryLimit: NO_LIMIT,
      promisedLimit: `即办：${PROMISE}`, fee: FEE_SOURCE, materials: `《浙江省人口与计划生育条例》；${GUIDE}`,
    },
  },
  {
    ...township('生育登记', 109), ...runs('report-up'),
    code: '000180002001', name: '计划生育家庭特别扶助金申请', type: '行政给付', department: '示例镇卫生健康办公室', authority: county('卫生健康'),
    legalBasis: ['《中华人民共和国人口与计划生育法》', '《浙江省人口与计划生育条例》'],
    conditions: ['独生子女死亡或伤残（三级以上）', '女方年满49周岁', '目前未再生育或合法收养子女'],
    materials: [m('计划生育家庭特别扶助申请表'), m('夫妻双方居民身份证及户口簿', { form: '复印件' }),
      m('独生子女死亡证明或残疾人证', { form: '复印件' }), m('独生子女父母光荣证', { required: false, form: '复印件' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺', promisedDays: 20,
    specialProcedures: [{ name: '公示', days: 7, unit: 'days', countsTowardLimit: false }],
    result: { name: '特别扶助金发放', type: '其他' },
    sources: {
      authority: '乡镇（街道）受理初审、公示，县级卫生健康部门审批（《浙江省人口与计划生育条例》）', statutoryLimit: NO_LIMIT, promisedLimit: PROMISE,
      procedures: `公示：${PROMISE}`, fee: FEE_SOURCE, materials: GUIDE,
    },
  },
  {
    ...township('城管', 110), ...runs('promised'),
    code: '000181001001', name: '临时占用城市道路审批', type: '行政许可', department: ENFORCE, authority: county('综合行政执法'),
    legalBasis: ['《城市道路管理条例》第三十一条'],
    conditions: ['因特殊情况确需临时占用城市道路', '占用期限、范围不影响交通安全和市容'],
    materials: [m('临时占用城市道路申请表'), m('申请人身份证明', { form: '复印件' }), m('占道位置示意图'),
      m('公安交通管理部门意见', { notes: '《城市道路管理条例》第三十一条：须经公安交通管理部门批准；窗口可代为征求' })],
    statutoryDays: 20, promisedDays: 5, fee: FREE_PERMIT,
    specialProcedures: [{ name: '现场勘察', days: 1, unit: 'working-days', countsTowardLimit: false }],
    result: { name: '临时占用城市道路许可决定书', type: '批文' },
    sources: {
      authority: '《城市道路管理条例》第三十一条：须经市政工程行政主管部门和公安交通管理部门批准；浙江县级城市管理（市政）职责由综合行政执法局行使，执法中队承办',
      statutoryLimit: PERMIT_LIMIT, promisedLimit: PROMISE, procedures: `现场勘察：${PROMISE}`,
      fee: `${PERMIT_FEE_SOURCE}（城市道路占用费是占用的费用，不是审批的费用）`, materials: `《城市道路管理条例》第三十一条（公安交通管理部门意见）；${GUIDE}`,
    },
  },
  {
    ...township('城管', 110), ...runs('promised'),
    code: '000181002001', name: '城市建筑垃圾（装修垃圾）处置核准', type: '行政许可', department: ENFORCE, authority: county('综合行政执法'),
    legalBasis: ['《城市建筑垃圾管理规定》（建设部令第139号）'],
    conditions: ['产生建筑垃圾或装修垃圾需要处置', '有消纳场所或委托具备条件的运输单位'],
    materials: [m('城市建筑垃圾处置核准申请表'), m('申请人身份证明', { form: '复印件' }), m('运输委托合同', { form: '复印件' }),
      m('消纳场所证明', { form: '复印件' })],
    statutoryDays: 20, promisedDays: 3, fee: FREE_PERMIT, result: { name: '城市建筑垃圾处置核准决定书', type: '批文' },
    sources: {
      authority: '《城市建筑垃圾管理规定》第七条：城市人民政府市容环境卫生主管部门核准；浙江县级由综合行政执法局行使',
      statutoryLimit: `${PERMIT_LIMIT}；部门规章的“20日”不能改变行政许可法的计算（第四十二条只许法律、法规另行规定）`, promisedLimit: PROMISE,
      fee: PERMIT_FEE_SOURCE, materials: `《城市建筑垃圾管理规定》第七条；${GUIDE}`,
    },
  },
  {
    ...township('环保', 111), ...runs('direct'),
    code: '000182001001', name: '建设项目环境影响登记表备案', type: '其他行政权力', department: ECO, authority: county('生态环境'),
    legalBasis: ['《中华人民共和国环境影响评价法》', '《建设项目环境影响登记表备案管理办法》（环境保护部令第41号）'],
    conditions: ['建设项目属于分类管理名录中应当填报环境影响登记表的项目'],
    materials: [m('建设项目环境影响登记表', { format: '电子', notes: '在网上备案系统填报，窗口协助' }), m('建设单位营业执照或身份证明', { form: '复印件' })],
    statutoryDays: null, statutoryNote: '备案即时完成，法律未规定审查期限', promisedDays: 0, visits: 0, result: { name: '建设项目环境影响登记表备案回执', type: '其他' },
    sources: {
      authority: '《建设项目环境影响登记表备案管理办法》：县级生态环境主管部门备案；浙江生态环境机构垂直改革后为设区的市生态环境局的县（市、区）分局',
      statutoryLimit: '《建设项目环境影响登记表备案管理办法》：网上填报即完成备案，不作审批', promisedLimit: `即办：${PROMISE}`,
      fee: FEE_SOURCE, materials: '《建设项目环境影响登记表备案管理办法》（环境保护部令第41号）',
    },
  },
  {
    ...township('环保', 111), ...runs('coordinate'),
    code: '000182002001', name: '环境污染问题投诉受理与协调', type: '公共服务', department: ECO, authority: county('生态环境'),
    legalBasis: ['《中华人民共和国环境保护法》', '《信访工作条例》'],
    conditions: ['反映本镇辖区内的环境污染问题'],
    materials: [m('污染情况说明及照片、视频', { format: '纸质或电子', notes: '可口头反映，窗口记录' }),
      m('投诉人身份证明', { required: false, form: '复印件', notes: '匿名投诉可不提供，但无法书面答复' })],
    statutoryDays: null, statutoryNote: '《信访工作条例》：60日内办结（自然日）', promisedDays: 15,
    result: { name: '投诉处理答复', type: '其他' },
    sources: {
      authority: '《中华人民共和国环境保护法》第五十七条：向生态环境主管部门举报', statutoryLimit: '按《信访工作条例》办理的，自受理之日起60日内办结',
      promisedLimit: PROMISE, fee: FEE_SOURCE, materials: GUIDE,
    },
  },
  {
    ...township('民政救助', 112), ...runs('report-up'),
    code: '000183001001', name: '最低生活保障审核确认', type: '行政给付', department: CIVIL, authority: county('民政'),
    legalBasis: ['《社会救助暂行办法》（国务院令第649号）', '《最低生活保障审核确认办法》（民发〔2021〕57号）', '《浙江省社会救助条例》第十一条'],
    conditions: ['持有本地户籍', '家庭人均收入低于当地最低生活保障标准', '家庭财产状况符合规定'],
    materials: [m('最低生活保障申请书', { notes: '以家庭为单位申请' }), m('家庭成员居民身份证及户口簿', { form: '复印件' }),
      m('家庭收入和财产状况申报及授权核对书'), m('残疾、疾病等特殊情况证明', { required: false, form: '复印件' })],
    // 浙江省社会救助条例 §11: the township 15 working days (the home visit inside them), 7 days' 公示, the county 5 working days.
    statutoryDays: 20, promisedDays: 20,
    stepLimits: [
      { step: 'initial_review', name: '乡镇（街道）审核（含入户调查）', days: 15, unit: 'working-days' },
      { step: 'county_review', name: '县级民政部门审核确认', days: 5, unit: 'working-days' },
    ],
    specialProcedures: [{ name: '公示', days: 7, unit: 'days', countsTowardLimit: false }],
    result: { name: '最低生活保障金', type: '其他' },
    sources: {
      authority: '《社会救助暂行办法》第十一条、《浙江省社会救助条例》第十一条：向乡镇人民政府（街道办事处）申请，乡镇审核，县级人民政府民政部门审核确认',
      statutoryLimit: '《浙江省社会救助条例》第十一条：乡镇15个工作日内审核（含入户调查），县级民政部门5个工作日内审核确认',
      promisedLimit: '按法定时限承诺', procedures: '《浙江省社会救助条例》第十一条：公示7日，不计入审核确认期限；乡镇15个工作日、县级5个工作日为环节时限',
      fee: FEE_SOURCE, materials: `《最低生活保障审核确认办法》（民发〔2021〕57号）；${GUIDE}`,
    },
  },
  {
    // 前审后批: the township reviews, the county's civil-affairs department approves (社会救助暂行办法 §48).
    ...township('民政救助', 112), ...runs('report-up'),
    code: '000183002001', name: '临时救助', type: '行政给付', department: CIVIL, authority: county('民政'),
    legalBasis: ['《社会救助暂行办法》（国务院令第649号）第四十八条', '《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）', '《浙江省临时救助办法》（浙政发〔2015〕35号）'],
    conditions: ['因意外事件、突发重大疾病等原因，基本生活暂时出现严重困难'],
    materials: [m('临时救助申请书'), m('居民身份证及户口簿', { form: '复印件' }), m('困难情况证明', { form: '复印件', notes: '医疗费用票据、事故证明等' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限；情况紧急的先行救助，事后补办手续', promisedDays: 10,
    result: { name: '临时救助金', type: '其他' },
    sources: {
      authority: '《社会救助暂行办法》第四十八条：向乡镇人民政府、街道办事处提出，经审核、公示后由县级人民政府民政部门审批（救助金额较小的可委托乡镇审批）；杭州市民政局《临时救助对象认定及救助金给付服务指南》：事项审查类型“前审后批”',
      statutoryLimit: `${NO_LIMIT}（《社会救助暂行办法》第四十八条：情况紧急的可以简化审批手续）`, promisedLimit: PROMISE,
      procedures: '公示：第四十八条要求审核后公示，天数按县级规定（样例未设）', fee: FEE_SOURCE, materials: `浙政发〔2015〕35号；${GUIDE}`,
    },
  },
  {
    ...township('民政救助', 112), ...runs('report-up'),
    code: '000183003001', name: '困难残疾人生活补贴和重度残疾人护理补贴', type: '行政给付', department: `${CIVIL}（残联）`, authority: county('民政'),
    legalBasis: ['《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）'],
    conditions: ['持有第二代中华人民共和国残疾人证', '生活补贴：低保家庭中的残疾人；护理补贴：一级、二级且需长期照护的重度残疾人'],
    materials: [m('残疾人两项补贴申请审核表'), m('居民身份证或户口簿', { form: '复印件' }), m('残疾人证', { form: '原件及复印件' })],
    statutoryDays: null, statutoryNote: '国发〔2015〕52号未规定办结时限；乡镇、县级环节按本省实施办法', promisedDays: 20,
    stepLimits: [
      { step: 'initial_review', name: '乡镇（街道）初审', days: 10, unit: 'working-days' },
      { step: 'county_review', name: '县级残联审核、民政部门审定', days: 10, unit: 'working-days' },
    ],
    specialProcedures: [{ name: '公示', days: 7, unit: 'days', countsTowardLimit: false }],
    result: { name: '残疾人两项补贴发放', type: '其他' },
    sources: {
      authority: '国发〔2015〕52号：乡镇人民政府（街道办事处）受理、初审，县级残联审核，县级人民政府民政部门审定',
      statutoryLimit: NO_LIMIT, promisedLimit: PROMISE, procedures: '乡镇10个工作日、县级10个工作日、公示7日：本省实施办法的常见做法，启用前核对', fee: FEE_SOURCE,
      materials: `国发〔2015〕52号所附申请审核表；${GUIDE}`,
    },
  },
  {
    ...township('法律调解', 113), ...runs('coordinate'),
    code: '000184001001', name: '人民调解申请', type: '公共服务', department: '示例镇人民调解委员会', authority: TOWNSHIP_GOVERNMENT,
    legalBasis: ['《中华人民共和国人民调解法》'],
    conditions: ['民间纠纷当事人自愿申请', '纠纷未经诉讼、仲裁或行政机关依法处理'],
    materials: [m('人民调解申请书', { required: false, notes: '可口头申请，窗口记录' }), m('当事人身份证明', { form: '复印件' }),
      m('纠纷相关证据材料', { required: false, form: '复印件' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺', promisedDays: 15,
    result: { name: '人民调解协议书或调解终结告知', type: '其他' },
    sources: {
      authority: '《中华人民共和国人民调解法》：人民调解委员会是群众性组织，县级司法行政部门指导（第五条）；中心代为受理、转交，书面答复以乡镇人民政府名义（样例设定）', statutoryLimit: NO_LIMIT, promisedLimit: PROMISE,
      fee: '《中华人民共和国人民调解法》第四条：人民调解不收取任何费用', materials: GUIDE,
    },
  },
  {
    ...township('法律调解', 113), ...runs('report-up'),
    code: '000184002001', name: '法律援助申请', type: '公共服务', department: '示例镇司法所（受理）', authority: county('法律援助'),
    legalBasis: ['《中华人民共和国法律援助法》'],
    conditions: ['经济困难或符合免予经济困难审查的情形', '申请事项属于法律援助范围'],
    materials: [m('法律援助申请表'), m('申请人身份证明', { form: '复印件' }), m('经济困难状况说明表（个人诚信承诺）'),
      m('与申请事项相关的材料', { form: '复印件' })],
    statutoryDays: 7, statutoryUnit: 'days', promisedDays: 3,
    remedy: '对不予法律援助的决定有异议的，可以向设立该法律援助机构的司法行政部门提出；对司法行政部门维持决定不服的，可以依法申请行政复议或者提起行政诉讼（《中华人民共和国法律援助法》第四十九条）。',
    result: { name: '给予法律援助决定书', type: '批文' },
    sources: {
      authority: '《中华人民共和国法律援助法》第三十八条、第四十三条：县级法律援助机构审查决定，司法所可代为接收申请',
      statutoryLimit: '《中华人民共和国法律援助法》第四十三条：法律援助机构自收到申请之日起七日内审查并作出决定（日）', promisedLimit: PROMISE,
      fee: '《中华人民共和国法律援助法》第二条：无偿提供法律服务', materials: '《中华人民共和国法律援助法》第四十一条（经济困难状况个人诚信承诺）',
    },
  },
  {
    ...township('社会综治', 114), ...runs('coordinate'),
    code: '000185001001', name: '矛盾纠纷联合调处', type: '公共服务', department: '示例镇社会治理中心', authority: TOWNSHIP_GOVERNMENT,
    legalBasis: ['《中华人民共和国人民调解法》', '《信访工作条例》'],
    conditions: ['辖区内发生的矛盾纠纷，需要多个部门联合调处'],
    materials: [m('纠纷情况说明', { format: '纸质或电子', notes: '可口头反映，窗口记录' }), m('当事人身份证明', { form: '复印件' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺', promisedDays: 15,
    result: { name: '调处结果答复', type: '其他' },
    sources: { authority: '乡镇人民政府（街道办事处）社会治理中心统筹调处', statutoryLimit: NO_LIMIT, promisedLimit: PROMISE, fee: FEE_SOURCE, materials: GUIDE },
  },
  {
    ...township('社会综治', 114), ...runs('coordinate'),
    code: '000185002001', name: '信访事项受理', type: '其他行政权力', department: '示例镇信访办公室', authority: TOWNSHIP_GOVERNMENT,
    legalBasis: ['《信访工作条例》'],
    conditions: ['反映情况，提出建议、意见或投诉请求', '不属于应当通过诉讼、仲裁、行政复议等法定途径解决的事项'],
    materials: [m('信访事项书面材料', { format: '纸质或电子', notes: '可口头提出，窗口记录' }), m('信访人身份证明', { form: '复印件' })],
    statutoryDays: 60, statutoryUnit: 'days', statutoryNote: '《信访工作条例》：15日内告知是否受理，自受理之日起60日内办结', promisedDays: 10,
    remedy: '对信访事项处理意见不服的，可以自收到书面答复之日起三十日内请求原办理机关的上一级机关复查（《信访工作条例》第三十五条）。',
    result: { name: '信访事项处理意见书', type: '其他' },
    sources: {
      authority: '《信访工作条例》：乡镇人民政府（街道办事处）办理本级信访事项', statutoryLimit: '《信访工作条例》：自受理之日起60日内办结（日）',
      promisedLimit: PROMISE, fee: FEE_SOURCE, materials: `《信访工作条例》；${GUIDE}`,
    },
  },
  {
    // Tax is managed vertically: a refusal is reviewed by the superior tax bureau (行政复议法 §27).
    ...township('企业服务', 107), ...runs('promised'),
    code: '000187001001', name: '增值税专用发票（增值税税控系统）最高开票限额审批', type: '行政许可', department: '国家税务总局示例县税务局（示例镇税务分局承办）', authority: county('税务'),
    legalBasis: ['《国务院对确需保留的行政审批项目设定行政许可的决定》', '《中华人民共和国发票管理办法》', '《税务行政许可实施办法》'],
    conditions: ['已办理税务信息报告的增值税一般纳税人或按规定可自行开具专用发票的纳税人', '申请的限额与经营规模相适应'],
    materials: [m('税务行政许可申请表'), m('增值税专用发票最高开票限额申请单'), m('经办人身份证件')],
    statutoryDays: 20, promisedDays: 10, fee: FREE_PERMIT, result: { name: '准予税务行政许可决定书', type: '批文' },
    sources: {
      authority: '国家税务总局县税务局为实施机关（税务机关实行垂直管理，《中华人民共和国行政复议法》第二十七条）',
      statutoryLimit: PERMIT_LIMIT, promisedLimit: PROMISE, fee: PERMIT_FEE_SOURCE, materials: `《税务行政许可实施办法》；${GUIDE}`,
    },
  },
];
