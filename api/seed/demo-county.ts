import type { Knex } from 'knex';
import type { OrgUnit } from '../org/units.js';
import { addUnit } from '../org/units.js';
import { addStaff } from '../org/staff.js';
import type { NewStaff } from '../org/staff.js';

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
];

export async function seedDemoCounty(db: Knex, password = DEMO_PASSWORD): Promise<void> {
  if (await db('yc_org_units').where({ id: '330324' }).first()) return;
  for (const unit of demoUnits) await addUnit(db, unit);
  // A posts first, so B posts can name them.
  for (const staff of [...demoStaff].sort((a, b) => Number(Boolean(a.backupFor)) - Number(Boolean(b.backupFor)))) {
    await addStaff(db, { ...staff, password });
  }
}
