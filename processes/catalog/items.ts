/**
 * A sample catalog of township and village items, one or more per window of the seed. The codes,
 * departments, places and consult phones are invented (示例县示例镇, numbers 0577-0000xxxx that
 * no one answers) and every item says `sample: true`; the legal bases, conditions and materials
 * follow real guides but must be checked against the county's own list before real use.
 */
import { processIdForMode } from '../index.js';
import type { Fee, HandlingMode, Material, ServiceItem } from './types.js';

const CENTER = '示例县示例镇行政服务中心';
const VILLAGE = '示例镇示例村便民服务中心';
const HOURS = '周一至周五 上午8:30—12:00，下午13:30—17:00（法定节假日除外）';
const COMPLAINT = '12345（政务服务便民热线）';
const FREE: Fee = { standard: '不收费', basis: '无' };

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
const ENFORCE = '示例县综合行政执法局示例镇中队';
const ECO = '示例县生态环境分局示例镇环保工作站';
const CIVIL = '示例镇社会事务办公室';
const ID_CARD = m('居民身份证');
const HOUSEHOLD = m('居民户口簿');

export const items: readonly ServiceItem[] = [
  {
    ...township('户籍', 101), ...runs('direct'),
    code: '000172001001', name: '出生登记', type: '行政确认', department: POLICE,
    legalBasis: ['《中华人民共和国户口登记条例》第七条'],
    conditions: ['婴儿出生后一个月以内申报（逾期的可补报）', '随父或随母在本地申报常住户口'],
    materials: [m('出生医学证明'), m('父母双方居民户口簿'), m('父母双方居民身份证'), m('父母结婚证', { required: false, notes: '非婚生育的提供情况说明' })],
    statutoryDays: 0, promisedDays: 0, result: { name: '居民户口簿（出生登记页）', type: '证照' },
  },
  {
    ...township('户籍', 101), ...runs('direct'),
    code: '000172001002', name: '死亡注销户口登记', type: '行政确认', department: POLICE,
    legalBasis: ['《中华人民共和国户口登记条例》第八条'],
    conditions: ['户籍人员死亡，由户主、亲属、抚养人或者邻居申报'],
    materials: [m('死亡医学证明书或火化证明'), m('死者居民户口簿'), m('死者居民身份证', { required: false, notes: '无法收回的说明情况' }), m('申报人居民身份证')],
    statutoryDays: 0, promisedDays: 0, result: { name: '户口注销证明', type: '其他' },
  },
  {
    ...village('居住证', 102), ...runs('direct'),
    code: '000172002001', name: '流动人口居住登记', type: '行政确认', department: POLICE,
    legalBasis: ['《居住证暂行条例》', '《浙江省流动人口居住登记条例》'],
    conditions: ['离开常住户口所在地来本地居住的人员'],
    materials: [m('居民身份证或其他有效身份证件'), m('住所证明', { form: '原件及复印件', notes: '房屋租赁合同、房屋产权证明或单位、学校出具的住宿证明之一' })],
    statutoryDays: 0, promisedDays: 0, result: { name: '居住登记凭证', type: '其他' },
  },
  {
    ...township('居住证', 102), ...runs('promised'),
    code: '000172002002', name: '居住证核发', type: '行政确认', department: POLICE,
    legalBasis: ['《居住证暂行条例》（国务院令第663号）'],
    conditions: ['在本地居住半年以上', '有合法稳定就业、合法稳定住所或连续就读之一'],
    materials: [ID_CARD, m('近期免冠彩色照片', { format: '纸质或电子', notes: '可现场采集' }),
      m('居住证明', { form: '原件及复印件', notes: '房屋租赁合同、房屋产权证明等' }),
      m('就业或就读证明', { required: false, form: '复印件', notes: '以就业、就读为条件申领的提供' })],
    // 居住证暂行条例 §11: 受理之日起15日内 — days, not working days.
    statutoryDays: 15, statutoryUnit: 'days', promisedDays: 10,
    fee: { standard: '不收费', basis: '《居住证暂行条例》：首次申领免收证件工本费' },
    result: { name: '浙江省居住证', type: '证照' },
  },
  {
    ...township('个体工商登记', 103), ...runs('direct'),
    code: '000175001001', name: '个体工商户设立登记', type: '行政许可', department: MARKET,
    legalBasis: ['《中华人民共和国市场主体登记管理条例》', '《促进个体工商户发展条例》'],
    conditions: ['有经营能力的自然人', '经营场所符合要求，经营范围不属于禁止经营的项目'],
    materials: [m('个体工商户登记（备案）申请书'), m('经营者身份证明'), m('经营场所使用相关文件', { form: '复印件' }),
      m('委托代理人身份证明及委托书', { required: false, notes: '委托他人办理的提供' })],
    statutoryDays: 3, promisedDays: 0, result: { name: '营业执照', type: '证照' },
  },
  {
    ...township('个体工商登记', 103), ...runs('direct'),
    code: '000175001003', name: '个体工商户注销登记', type: '行政许可', department: MARKET,
    legalBasis: ['《中华人民共和国市场主体登记管理条例》', '《促进个体工商户发展条例》'],
    conditions: ['已办理营业执照且无未结清的债权债务'],
    materials: [m('个体工商户注销登记申请书'), m('营业执照正、副本'), m('经营者身份证明')],
    statutoryDays: 3, promisedDays: 0, result: { name: '准予注销登记通知书', type: '批文' },
  },
  {
    ...township('社保', 104), ...runs('report-up'),
    code: '000176001001', name: '城乡居民基本养老保险参保登记', type: '公共服务', department: SOCIAL,
    legalBasis: ['《中华人民共和国社会保险法》', '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）'],
    conditions: ['年满16周岁（不含在校学生）', '不属于职工基本养老保险制度覆盖范围', '在户籍地参保'],
    materials: [ID_CARD, HOUSEHOLD, m('城乡居民基本养老保险参保登记表', { notes: '窗口提供空白表格' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺（县社保经办机构确认）', promisedDays: 3,
    result: { name: '参保登记确认', type: '其他' },
  },
  {
    ...township('社保', 104), ...runs('report-up'),
    code: '000176001002', name: '城乡居民基本养老保险待遇领取申请', type: '行政给付', department: SOCIAL,
    legalBasis: ['《中华人民共和国社会保险法》', '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）'],
    conditions: ['年满60周岁', '累计缴费满15年或符合过渡规定', '未领取国家规定的其他基本养老保障待遇'],
    materials: [ID_CARD, HOUSEHOLD, m('城乡居民基本养老保险待遇领取申请表'), m('社会保障卡或银行账户', { form: '复印件' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺', promisedDays: 10,
    result: { name: '养老保险待遇核定', type: '其他' },
  },
  {
    ...village('医保', 105), ...runs('direct'),
    code: '000177001001', name: '城乡居民基本医疗保险参保登记', type: '公共服务', department: '示例县医疗保障局示例镇医保工作站',
    legalBasis: ['《中华人民共和国社会保险法》', '《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）'],
    conditions: ['未参加职工基本医疗保险的城乡居民', '在户籍地或居住证所在地参保'],
    materials: [m('居民身份证或居民户口簿'), m('居住证', { required: false, notes: '非本地户籍人员提供' })],
    statutoryDays: 0, promisedDays: 0, result: { name: '参保登记信息', type: '其他' },
  },
  {
    ...township('医保', 105), ...runs('direct'),
    code: '000177002001', name: '异地就医备案', type: '公共服务', department: '示例县医疗保障局示例镇医保工作站',
    legalBasis: ['《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）'],
    conditions: ['参加本地基本医疗保险', '异地长期居住、常驻异地工作或临时外出就医'],
    materials: [m('社会保障卡或居民身份证'), m('异地就医登记备案表', { format: '纸质或电子' }),
      m('异地居住或工作证明', { required: false, notes: '可用个人承诺代替' })],
    statutoryDays: 0, promisedDays: 0, visits: 0, result: { name: '异地就医备案信息', type: '其他' },
  },
  {
    ...township('农技推广', 106), ...runs('promised'),
    code: '000178001001', name: '农业技术指导服务（田间诊断）', type: '公共服务', department: `${FARM}（农技推广站）`,
    legalBasis: ['《中华人民共和国农业技术推广法》'],
    conditions: ['辖区内农户、家庭农场、农民专业合作社等农业生产经营者'],
    materials: [m('农业技术服务申请表', { notes: '可口头申请，窗口代填' }), m('病虫害样本或田间照片', { required: false, format: '纸质或电子' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺', promisedDays: 5,
    specialProcedures: [{ name: '现场勘察（田间诊断）', days: 1, unit: 'working-days', countsTowardLimit: false }],
    result: { name: '技术指导意见书', type: '其他' },
  },
  {
    ...township('农技推广', 106), ...runs('report-up'),
    code: '000178002001', name: '耕地地力保护补贴申报', type: '行政给付', department: FARM,
    legalBasis: ['《财政部 农业部关于全面推开农业“三项补贴”改革工作的通知》（财农〔2016〕26号）'],
    conditions: ['拥有耕地承包权的种地农民', '耕地未改为非农业用途，未长期抛荒'],
    materials: [m('耕地地力保护补贴申报表'), m('农村土地承包经营权证', { form: '复印件' }), m('户主居民身份证', { form: '复印件' }),
      m('社会保障卡或银行账户', { form: '复印件' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺', promisedDays: 15,
    specialProcedures: [{ name: '村级公示', days: 5, unit: 'days', countsTowardLimit: false }],
    result: { name: '补贴发放', type: '其他' },
  },
  {
    ...township('企业服务', 107), ...runs('coordinate'),
    code: '000186001001', name: '企业投资项目全程代办', type: '公共服务', department: '示例镇经济发展办公室（企业服务中心）',
    legalBasis: ['《优化营商环境条例》', '《浙江省保障“最多跑一次”改革规定》'],
    conditions: ['在本镇投资建设的企业投资项目', '企业自愿委托代办'],
    materials: [m('项目代办委托书'), m('企业营业执照', { form: '复印件' }), m('项目基本情况说明', { format: '纸质或电子' })],
    statutoryDays: null, statutoryNote: '代办服务，法律未规定时限；按服务承诺答复', promisedDays: 5,
    result: { name: '代办服务答复及办理进度告知', type: '其他' },
  },
  {
    ...township('企业服务', 107), ...runs('joint'),
    code: '000175009001', name: '个体餐饮店开业“一件事”联办', type: '行政许可', department: `${MARKET}（牵头）`,
    legalBasis: ['《中华人民共和国食品安全法》', '《食品经营许可和备案管理办法》', '《城市市容和环境卫生管理条例》'],
    conditions: ['已确定经营场所', '经营场所、设施设备符合食品安全要求', '店招设置符合市容管理规定'],
    materials: [m('开业“一件事”联办申请表'), m('经营者身份证明'), m('经营场所使用证明', { form: '复印件' }),
      m('食品安全管理制度及设备布局图'), m('店招设计效果图', { format: '纸质或电子' })],
    statutoryDays: 20, promisedDays: 10,
    specialProcedures: [{ name: '现场核查', days: 2, unit: 'working-days', countsTowardLimit: true }],
    result: { name: '营业执照、食品经营许可证及店招设置意见', type: '证照' },
    departments: ['示例镇市场监管所', '示例镇综合行政执法中队'],
  },
  {
    ...township('宅基地申请', 108), ...runs('joint'),
    code: '000179001001', name: '农村村民宅基地审批', type: '行政许可', department: '示例镇人民政府（农业农村办公室受理）',
    legalBasis: ['《中华人民共和国土地管理法》第六十二条', '《农业农村部 自然资源部关于规范农村宅基地审批管理的通知》（农经发〔2019〕6号）'],
    conditions: ['本集体经济组织成员，以户为单位申请', '一户只能拥有一处宅基地，面积不超过规定标准', '经村民小组会议讨论通过并在村内公示无异议'],
    materials: [m('农村宅基地和建房（规划许可）申请表'), m('居民户口簿', { form: '原件及复印件' }), m('申请人居民身份证', { form: '复印件' }),
      m('村民小组会议记录及村级审查意见'), m('农房设计图或通用图', { required: false, notes: '可选用通用图集' }), m('申请人承诺书')],
    statutoryDays: 20, promisedDays: 15,
    specialProcedures: [{ name: '村级公示', days: 5, unit: 'days', countsTowardLimit: false }, { name: '现场踏勘', days: 2, unit: 'working-days', countsTowardLimit: true }],
    result: { name: '农村宅基地批准书、乡村建设规划许可证', type: '证照' },
    departments: ['示例镇自然资源所', '示例镇农业农村办公室', '示例镇村镇建设办公室'],
  },
  {
    // Zhejiang delegates the permit for villagers' own houses to the township; 行政许可法 §42's 20 days, promised in full.
    ...township('宅基地申请', 108), ...runs('promised'),
    code: '000179002001', name: '乡村建设规划许可证核发（农村村民住宅）', type: '行政许可', department: '示例镇人民政府（村镇建设办公室承办）',
    legalBasis: ['《中华人民共和国城乡规划法》第四十一条', '《中华人民共和国行政许可法》第四十二条', '《浙江省城乡规划条例》'],
    conditions: ['在乡、村庄规划区内建设农村村民住宅', '符合村庄规划及用地面积、建筑面积、层数和高度的控制要求',
      '已取得宅基地批准文件，或在原有合法宅基地上翻建'],
    materials: [m('乡村建设规划许可申请表'), m('居民户口簿', { form: '原件及复印件' }), m('申请人居民身份证', { form: '复印件' }),
      m('宅基地批准文件或不动产权证书', { form: '复印件' }), m('农房设计图或通用图', { notes: '可选用通用图集' }),
      m('村民委员会审查意见'), m('相邻权利人意见', { required: false, notes: '建房影响相邻通行、采光的提供' })],
    statutoryDays: 20, promisedDays: 20,
    specialProcedures: [{ name: '批前公示', days: 5, unit: 'days', countsTowardLimit: false }, { name: '现场踏勘', days: 1, unit: 'working-days', countsTowardLimit: true }],
    result: { name: '乡村建设规划许可证', type: '证照' },
  },
  {
    ...village('生育登记', 109), ...runs('direct'),
    code: '000180001001', name: '生育登记', type: '公共服务', department: '示例镇卫生健康办公室',
    legalBasis: ['《中华人民共和国人口与计划生育法》', '《浙江省人口与计划生育条例》'],
    conditions: ['夫妻双方或一方户籍或居住地在本镇', '生育子女（不限孩次）'],
    materials: [m('夫妻双方居民身份证'), m('结婚证'), m('居民户口簿', { required: false, notes: '可通过数据共享核验' }),
      m('生育登记承诺书', { notes: '窗口提供' })],
    statutoryDays: 0, promisedDays: 0, result: { name: '生育服务登记信息', type: '其他' },
  },
  {
    ...township('生育登记', 109), ...runs('report-up'),
    code: '000180002001', name: '计划生育家庭特别扶助金申请', type: '行政给付', department: '示例镇卫生健康办公室',
    legalBasis: ['《中华人民共和国人口与计划生育法》', '《浙江省人口与计划生育条例》'],
    conditions: ['独生子女死亡或伤残（三级以上）', '女方年满49周岁', '目前未再生育或合法收养子女'],
    materials: [m('计划生育家庭特别扶助申请表'), m('夫妻双方居民身份证及户口簿', { form: '复印件' }),
      m('独生子女死亡证明或残疾人证', { form: '复印件' }), m('独生子女父母光荣证', { required: false, form: '复印件' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺', promisedDays: 20,
    specialProcedures: [{ name: '公示', days: 7, unit: 'days', countsTowardLimit: false }],
    result: { name: '特别扶助金发放', type: '其他' },
  },
  {
    ...township('城管', 110), ...runs('promised'),
    code: '000181001001', name: '临时占用城市道路审批', type: '行政许可', department: ENFORCE,
    legalBasis: ['《城市道路管理条例》'],
    conditions: ['因特殊情况确需临时占用城市道路', '占用期限、范围不影响交通安全和市容'],
    materials: [m('临时占用城市道路申请表'), m('申请人身份证明', { form: '复印件' }), m('占道位置示意图'),
      m('公安交通管理部门意见', { required: false, notes: '占用机动车道的提供' })],
    statutoryDays: 20, promisedDays: 5,
    specialProcedures: [{ name: '现场勘察', days: 1, unit: 'working-days', countsTowardLimit: false }],
    result: { name: '临时占用城市道路许可决定书', type: '批文' },
  },
  {
    ...township('城管', 110), ...runs('promised'),
    code: '000181002001', name: '城市建筑垃圾（装修垃圾）处置核准', type: '行政许可', department: ENFORCE,
    legalBasis: ['《城市建筑垃圾管理规定》（建设部令第139号）'],
    conditions: ['产生建筑垃圾或装修垃圾需要处置', '有消纳场所或委托具备条件的运输单位'],
    materials: [m('城市建筑垃圾处置核准申请表'), m('申请人身份证明', { form: '复印件' }), m('运输委托合同', { form: '复印件' }),
      m('消纳场所证明', { form: '复印件' })],
    statutoryDays: 20, promisedDays: 3, result: { name: '城市建筑垃圾处置核准决定书', type: '批文' },
  },
  {
    ...township('环保', 111), ...runs('direct'),
    code: '000182001001', name: '建设项目环境影响登记表备案', type: '其他行政权力', department: ECO,
    legalBasis: ['《中华人民共和国环境影响评价法》', '《建设项目环境影响登记表备案管理办法》（环境保护部令第41号）'],
    conditions: ['建设项目属于分类管理名录中应当填报环境影响登记表的项目'],
    materials: [m('建设项目环境影响登记表', { format: '电子', notes: '在网上备案系统填报，窗口协助' }), m('建设单位营业执照或身份证明', { form: '复印件' })],
    statutoryDays: 0, promisedDays: 0, visits: 0, result: { name: '建设项目环境影响登记表备案回执', type: '其他' },
  },
  {
    ...township('环保', 111), ...runs('coordinate'),
    code: '000182002001', name: '环境污染问题投诉受理与协调', type: '公共服务', department: ECO,
    legalBasis: ['《中华人民共和国环境保护法》', '《信访工作条例》'],
    conditions: ['反映本镇辖区内的环境污染问题'],
    materials: [m('污染情况说明及照片、视频', { format: '纸质或电子', notes: '可口头反映，窗口记录' }),
      m('投诉人身份证明', { required: false, form: '复印件', notes: '匿名投诉可不提供，但无法书面答复' })],
    statutoryDays: null, statutoryNote: '《信访工作条例》：60日内办结（自然日）', promisedDays: 15,
    result: { name: '投诉处理答复', type: '其他' },
  },
  {
    ...township('民政救助', 112), ...runs('report-up'),
    code: '000183001001', name: '最低生活保障审核确认', type: '行政给付', department: CIVIL,
    legalBasis: ['《社会救助暂行办法》（国务院令第649号）', '《最低生活保障审核确认办法》（民发〔2021〕57号）', '《浙江省社会救助条例》'],
    conditions: ['持有本地户籍', '家庭人均收入低于当地最低生活保障标准', '家庭财产状况符合规定'],
    materials: [m('最低生活保障申请书', { notes: '以家庭为单位申请' }), m('家庭成员居民身份证及户口簿', { form: '复印件' }),
      m('家庭收入和财产状况申报及授权核对书'), m('残疾、疾病等特殊情况证明', { required: false, form: '复印件' })],
    statutoryDays: 40, promisedDays: 25,
    specialProcedures: [{ name: '入户调查', days: 5, unit: 'working-days', countsTowardLimit: true }, { name: '公示', days: 7, unit: 'days', countsTowardLimit: false }],
    result: { name: '最低生活保障金', type: '其他' },
  },
  {
    ...township('民政救助', 112), ...runs('promised'),
    code: '000183002001', name: '临时救助', type: '行政给付', department: CIVIL,
    legalBasis: ['《社会救助暂行办法》（国务院令第649号）', '《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）'],
    conditions: ['因意外事件、突发重大疾病等原因，基本生活暂时出现严重困难'],
    materials: [m('临时救助申请书'), m('居民身份证及户口簿', { form: '复印件' }), m('困难情况证明', { form: '复印件', notes: '医疗费用票据、事故证明等' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺；急难情形先行救助', promisedDays: 10,
    specialProcedures: [{ name: '入户调查', days: 2, unit: 'working-days', countsTowardLimit: true }],
    result: { name: '临时救助金', type: '其他' },
  },
  {
    ...township('民政救助', 112), ...runs('report-up'),
    code: '000183003001', name: '困难残疾人生活补贴和重度残疾人护理补贴', type: '行政给付', department: `${CIVIL}（残联）`,
    legalBasis: ['《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）'],
    conditions: ['持有第二代中华人民共和国残疾人证', '生活补贴：低保家庭中的残疾人；护理补贴：一级、二级且需长期照护的重度残疾人'],
    materials: [m('残疾人两项补贴申请审核表'), m('居民身份证或户口簿', { form: '复印件' }), m('残疾人证', { form: '原件及复印件' })],
    statutoryDays: 20, promisedDays: 20,
    specialProcedures: [{ name: '公示', days: 7, unit: 'days', countsTowardLimit: false }],
    result: { name: '残疾人两项补贴发放', type: '其他' },
  },
  {
    ...township('法律调解', 113), ...runs('coordinate'),
    code: '000184001001', name: '人民调解申请', type: '公共服务', department: '示例镇人民调解委员会',
    legalBasis: ['《中华人民共和国人民调解法》'],
    conditions: ['民间纠纷当事人自愿申请', '纠纷未经诉讼、仲裁或行政机关依法处理'],
    materials: [m('人民调解申请书', { required: false, notes: '可口头申请，窗口记录' }), m('当事人身份证明', { form: '复印件' }),
      m('纠纷相关证据材料', { required: false, form: '复印件' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺', promisedDays: 15,
    result: { name: '人民调解协议书或调解终结告知', type: '其他' },
  },
  {
    ...township('法律调解', 113), ...runs('report-up'),
    code: '000184002001', name: '法律援助申请', type: '公共服务', department: '示例镇司法所（受理）',
    legalBasis: ['《中华人民共和国法律援助法》'],
    conditions: ['经济困难或符合免予经济困难审查的情形', '申请事项属于法律援助范围'],
    materials: [m('法律援助申请表'), m('申请人身份证明', { form: '复印件' }), m('经济困难状况说明表（个人诚信承诺）'),
      m('与申请事项相关的材料', { form: '复印件' })],
    statutoryDays: null, statutoryNote: '《中华人民共和国法律援助法》：法律援助机构自收到申请之日起7日内审查（自然日）', promisedDays: 5,
    result: { name: '给予法律援助决定书', type: '批文' },
  },
  {
    ...township('社会综治', 114), ...runs('coordinate'),
    code: '000185001001', name: '矛盾纠纷联合调处', type: '公共服务', department: '示例镇社会治理中心',
    legalBasis: ['《中华人民共和国人民调解法》', '《信访工作条例》'],
    conditions: ['辖区内发生的矛盾纠纷，需要多个部门联合调处'],
    materials: [m('纠纷情况说明', { format: '纸质或电子', notes: '可口头反映，窗口记录' }), m('当事人身份证明', { form: '复印件' })],
    statutoryDays: null, statutoryNote: '法律未规定办结时限，按服务承诺', promisedDays: 15,
    result: { name: '调处结果答复', type: '其他' },
  },
  {
    ...township('社会综治', 114), ...runs('coordinate'),
    code: '000185002001', name: '信访事项受理', type: '其他行政权力', department: '示例镇信访办公室',
    legalBasis: ['《信访工作条例》'],
    conditions: ['反映情况，提出建议、意见或投诉请求', '不属于应当通过诉讼、仲裁、行政复议等法定途径解决的事项'],
    materials: [m('信访事项书面材料', { format: '纸质或电子', notes: '可口头提出，窗口记录' }), m('信访人身份证明', { form: '复印件' })],
    statutoryDays: null, statutoryNote: '《信访工作条例》：15日内告知是否受理，60日内办结（自然日）', promisedDays: 10,
    result: { name: '信访事项处理意见书', type: '其他' },
  },
];
