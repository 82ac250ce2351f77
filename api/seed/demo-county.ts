import type { Knex } from 'knex';
import type { OrgUnit } from '../org/units.js';
import { addUnit } from '../org/units.js';
import { addStaff } from '../org/staff.js';
import type { NewStaff } from '../org/staff.js';
import type { Authority } from '../org/authorities.js';
import { addAuthority } from '../org/add-authority.js';

/**
 * A demo county for `npm start` and the tests: one township of each class, villages and
 * communities, and staff of every role. Names follow the seed's standard; the places are
 * real names of 永嘉县 but the figures are made up for the demo.
 */
export const demoUnits: OrgUnit[] = [
  { id: '330324', level: 'county', name: '永嘉县', centerName: '永嘉县行政服务中心', centerClass: '县级' },
  { id: '330324-ob', parentId: '330324', level: 'township', name: '瓯北街道', centerName: '永嘉县瓯北街道行政服务中心', centerClass: '一类', population: 160_000, areaM2: 200 },
  { id: '330324-qt', parentId: '330324', level: 'township', name: '桥头镇', centerName: '永嘉县桥头镇行政服务中心', centerClass: '二类', population: 62_000, areaM2: 130 },
  { id: '330324-yt', parentId: '330324', level: 'township', name: '岩坦镇', centerName: '永嘉县岩坦镇行政服务中心', centerClass: '三类', population: 31_000, areaM2: 70 },
  { id: '330324-ob-ma', parentId: '330324-ob', level: 'village', name: '马岙村', centerName: '瓯北街道马岙村便民服务中心', centerClass: '村级', areaM2: 50 },
  { id: '330324-ob-sq', parentId: '330324-ob', level: 'village', name: '双塔社区', centerName: '瓯北街道双塔社区便民服务中心', centerClass: '村级', areaM2: 60 },
  { id: '330324-qt-dl', parentId: '330324-qt', level: 'village', name: '东岭村', centerName: '桥头镇东岭村便民服务中心', centerClass: '村级', areaM2: 48 },
];

/**
 * The demo county's deciding authorities (实施机关), one per function the sample catalog names,
 * each township's government, and the bodies above the county that review its decisions (the
 * city government; the superior tax bureau of the vertically managed county tax bureau). The
 * names follow the real pattern; the 机关代字 are made up for the demo.
 */
export const demoAuthorities: Authority[] = [
  { id: 'wz-gov', name: '温州市人民政府', kind: 'government', sector: '人民政府', docCode: '温政' },
  { id: 'wz-tax', name: '国家税务总局温州市税务局', kind: 'vertical', sector: '税务', docCode: '温税' },
  { id: 'yj-gov', name: '永嘉县人民政府', kind: 'government', sector: '人民政府', orgUnitId: '330324', superiorId: 'wz-gov', docCode: '永政' },
  { id: 'yj-police', name: '永嘉县公安局', kind: 'department', sector: '公安', orgUnitId: '330324', docCode: '永公' },
  { id: 'yj-market', name: '永嘉县市场监督管理局', kind: 'department', sector: '市场监管', orgUnitId: '330324', docCode: '永市监' },
  { id: 'yj-hrss', name: '永嘉县人力资源和社会保障局', kind: 'department', sector: '人力社保', orgUnitId: '330324', docCode: '永人社' },
  { id: 'yj-medical', name: '永嘉县医疗保障局', kind: 'department', sector: '医疗保障', orgUnitId: '330324', docCode: '永医保' },
  { id: 'yj-agri', name: '永嘉县农业农村局', kind: 'department', sector: '农业农村', orgUnitId: '330324', docCode: '永农' },
  { id: 'yj-plan', name: '永嘉县自然资源和规划局', kind: 'department', sector: '自然资源和规划', orgUnitId: '330324', docCode: '永资规' },
  { id: 'yj-health', name: '永嘉县卫生健康局', kind: 'department', sector: '卫生健康', orgUnitId: '330324', docCode: '永卫健' },
  { id: 'yj-enforce', name: '永嘉县综合行政执法局', kind: 'department', sector: '综合行政执法', orgUnitId: '330324', docCode: '永综执' },
  { id: 'yj-civil', name: '永嘉县民政局', kind: 'department', sector: '民政', orgUnitId: '330324', docCode: '永民' },
  { id: 'yj-eco', name: '温州市生态环境局永嘉分局', kind: 'dispatched-office', sector: '生态环境', orgUnitId: '330324', docCode: '温环永' },
  { id: 'yj-legal-aid', name: '永嘉县法律援助中心', kind: 'authorized-organization', sector: '法律援助', orgUnitId: '330324', docCode: '永法援' },
  { id: 'yj-tax', name: '国家税务总局永嘉县税务局', kind: 'vertical', sector: '税务', orgUnitId: '330324', superiorId: 'wz-tax', docCode: '永税' },
  { id: 'ob-office', name: '永嘉县人民政府瓯北街道办事处', kind: 'subdistrict-office', sector: '人民政府', orgUnitId: '330324-ob', docCode: '瓯街' },
  { id: 'qt-gov', name: '永嘉县桥头镇人民政府', kind: 'government', sector: '人民政府', orgUnitId: '330324-qt', docCode: '桥政' },
  { id: 'yt-gov', name: '永嘉县岩坦镇人民政府', kind: 'government', sector: '人民政府', orgUnitId: '330324-yt', docCode: '岩政' },
];

/** The demo password of every demo login; printed by `npm start`, never used outside a demo. */
export const DEMO_PASSWORD = 'yichuang-demo';

export const demoStaff: Array<Omit<NewStaff, 'password'>> = [
  { id: 's-admin', username: 'admin', name: '系统管理员', orgUnitId: '330324', roles: ['administrator'] },
  { id: 's-county-review', username: 'county.reviewer', name: '县级审批员 陈立', orgUnitId: '330324', roles: ['reviewer'] },
  { id: 's-county-director', username: 'county.director', name: '县行政服务中心主任 林海', orgUnitId: '330324', roles: ['director'] },
  { id: 's-supervisor', username: 'supervisor', name: '审管办 周敏', orgUnitId: '330324', roles: ['supervisor'] },
  { id: 's-auditor', username: 'auditor', name: '审计 吴静', orgUnitId: '330324', roles: ['auditor'] },
  { id: 's-ob-director', username: 'ob.director', name: '瓯北中心主任 郑伟', orgUnitId: '330324-ob', roles: ['director'] },
  { id: 's-ob-clerk-a', username: 'ob.clerk.a', name: '综合窗口 王芳（A岗）', orgUnitId: '330324-ob', roles: ['clerk'] },
  { id: 's-ob-clerk-b', username: 'ob.clerk.b', name: '综合窗口 李明（B岗）', orgUnitId: '330324-ob', roles: ['clerk'], backupFor: 's-ob-clerk-a' },
  { id: 's-ob-reviewer', username: 'ob.reviewer', name: '部门审查员 张强', orgUnitId: '330324-ob', roles: ['reviewer'] },
  // A joint review (宅基地) goes to one reviewer group per department the item names.
  { id: 's-ob-land', username: 'ob.land', name: '自然资源所 黄磊', orgUnitId: '330324-ob', roles: ['reviewer'], department: '示例镇自然资源所' },
  { id: 's-ob-farm', username: 'ob.farm', name: '农业农村办 何静', orgUnitId: '330324-ob', roles: ['reviewer'], department: '示例镇农业农村办公室' },
  { id: 's-ob-build', username: 'ob.build', name: '村镇建设办 罗军', orgUnitId: '330324-ob', roles: ['reviewer'], department: '示例镇村镇建设办公室' },
  { id: 's-qt-clerk', username: 'qt.clerk', name: '桥头窗口 赵丽', orgUnitId: '330324-qt', roles: ['clerk'] },
  { id: 's-ma-clerk', username: 'ma.clerk', name: '马岙村代办员 孙杰', orgUnitId: '330324-ob-ma', roles: ['clerk'] },
  { id: 's-dl-clerk', username: 'dl.clerk', name: '东岭村代办员 钱红', orgUnitId: '330324-qt-dl', roles: ['clerk'] },
  // Heads (负责人) of deciding authorities: each approves the extensions of its own items (行政许可法 §42).
  { id: 's-head-enforce', username: 'zfj.head', name: '县综合行政执法局局长 潘涛', orgUnitId: '330324', roles: ['authority-head'], authorityId: 'yj-enforce' },
  { id: 's-head-civil', username: 'mz.head', name: '县民政局局长 叶红', orgUnitId: '330324', roles: ['authority-head'], authorityId: 'yj-civil' },
  { id: 's-head-tax', username: 'tax.head', name: '县税务局局长 蔡明', orgUnitId: '330324', roles: ['authority-head'], authorityId: 'yj-tax' },
  { id: 's-head-police', username: 'ga.head', name: '县公安局局长 方毅', orgUnitId: '330324', roles: ['authority-head'], authorityId: 'yj-police' },
  { id: 's-head-ob', username: 'ob.head', name: '瓯北街道办事处主任 朱斌', orgUnitId: '330324-ob', roles: ['authority-head'], authorityId: 'ob-office' },
];

/**
 * Seeds what of the demo county is missing: the units, the authorities, each demo person (so a
 * demo database from before a person was added gets them). Not pure.
 */
export async function seedDemoCounty(db: Knex, password = DEMO_PASSWORD): Promise<void> {
  if (!(await db('yc_org_units').where({ id: '330324' }).first())) for (const unit of demoUnits) await addUnit(db, unit);
  // Superiors first, so each can be named.
  if (!(await db('yc_authorities').where({ id: 'yj-gov' }).first())) for (const authority of bySuperiorFirst(demoAuthorities)) await addAuthority(db, authority);
  const present = new Set((await db('yc_staff').select('id')).map((row: { id: string }) => row.id));
  // A posts first, so B posts can name them.
  for (const staff of [...demoStaff].sort((a, b) => Number(Boolean(a.backupFor)) - Number(Boolean(b.backupFor)))) {
    if (!present.has(staff.id)) await addStaff(db, { ...staff, password });
  }
}

/** The authorities ordered so that each comes after its superior. Pure. */
function bySuperiorFirst(list: readonly Authority[]): Authority[] {
  const out: Authority[] = [];
  while (out.length < list.length) {
    const next = list.filter((a) => !out.includes(a) && (!a.superiorId || out.some((x) => x.id === a.superiorId)));
    if (next.length === 0) throw new Error('a demo authority names a superior that is not among them');
    out.push(...next);
  }
  return out;
}
