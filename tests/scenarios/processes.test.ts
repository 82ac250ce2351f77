import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileBpmn, parseBpmn } from '../../engine/index.js';
import { items } from '../../processes/catalog/items.js';
import { AUTHORITY_SECTORS, WINDOWS } from '../../processes/catalog/types.js';
import type { ServiceItem } from '../../processes/catalog/types.js';
import { candidateGroups, jobTypes, processFileUrl, processFiles, processIdForMode } from '../../processes/index.js';
import { givenThePlatform } from './support.js';

const xmlOf = (file: string) => readFileSync(fileURLToPath(processFileUrl(file)), 'utf8');

const GUIDE_FIELDS: ReadonlyArray<keyof ServiceItem> = [
  'code', 'name', 'type', 'department', 'window', 'level', 'mode', 'processId', 'legalBasis', 'conditions', 'materials',
  'statutoryDays', 'promisedDays', 'specialProcedures', 'fee', 'place', 'hours', 'consultPhone', 'complaintPhone',
  'visits', 'result', 'departments', 'authority', 'sources', 'sample',
];

/** Every guide field an item leaves out or empty. */
function missingFields(item: ServiceItem): string[] {
  const missing: string[] = GUIDE_FIELDS.filter((field) => item[field] === undefined || item[field] === '');
  for (const field of ['legalBasis', 'conditions', 'materials'] as const) if (item[field].length === 0) missing.push(field);
  if (item.statutoryDays === null && !item.statutoryNote) missing.push('statutoryNote');
  if (!item.fee.standard || !item.fee.basis) missing.push('fee');
  if (!item.result.name) missing.push('result');
  if (!AUTHORITY_SECTORS.includes(item.authority.sector) || !['county', 'township'].includes(item.authority.level)) missing.push('authority');
  for (const fact of ['authority', 'statutoryLimit', 'promisedLimit', 'fee', 'materials'] as const) if (!item.sources[fact]) missing.push(`sources.${fact}`);
  if ((item.specialProcedures.length > 0 || (item.stepLimits ?? []).length > 0) && !item.sources.procedures) missing.push('sources.procedures');
  item.materials.forEach((m, i) => {
    if (!m.name || typeof m.required !== 'boolean' || !m.form || !(m.count >= 1) || !m.format) missing.push(`materials[${i}]`);
  });
  return missing;
}

interface Box { x: number; y: number; width: number; height: number }
interface DiElement { $type: string; bpmnElement?: { id?: string }; bounds?: Box; waypoint?: unknown[] }

/** The diagram's shapes and edges of a file, by the id of the element they draw. */
async function diagramOf(file: string) {
  const { definitions, warnings } = await parseBpmn(xmlOf(file));
  const diagrams = definitions.diagrams as Array<{ plane: { planeElement: DiElement[] } }>;
  const elements = diagrams.flatMap((d) => d.plane.planeElement);
  const shapes = new Map(elements.filter((e) => e.bounds).map((e) => [e.bpmnElement!.id!, e.bounds!]));
  const edges = new Map(elements.filter((e) => e.waypoint).map((e) => [e.bpmnElement!.id!, e.waypoint!.length]));
  return { shapes, edges, warnings };
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the processes and the sample catalog', () => {
  test('every process deploys, every job type has a case server handler, and every catalog item names a process that exists and has all guide fields', async () => {
    const given = await givenThePlatform('2026-03-02 09:00');
    const modes = new Map<string, unknown>();
    for (const { file, processIds } of processFiles) {
      const compiled = await compileBpmn(xmlOf(file));
      expect(Object.keys(compiled.processes).sort()).toEqual([...processIds].sort());
      for (const [id, process] of Object.entries(compiled.processes)) modes.set(id, process.properties.handlingMode);
    }
    expect(Object.keys(jobTypes).filter((type) => !given.engine.jobTypes().includes(type))).toEqual([]);

    expect(items.length).toBeGreaterThanOrEqual(20);
    for (const item of items) {
      expect([item.code, missingFields(item)]).toEqual([item.code, []]);
      expect([item.code, modes.get(item.processId)]).toEqual([item.code, item.mode]);
      expect(item.processId).toBe(processIdForMode[item.mode]);
      expect(item.sample).toBe(true);
    }
  });

  test('the catalog covers every window of the seed, with unique 12-digit sample codes and consistent time limits', () => {
    expect(new Set(items.map((i) => i.window))).toEqual(new Set(WINDOWS));
    expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
    for (const item of items) {
      expect(item.code).toMatch(/^\d{12}$/);
      expect([item.code, item.mode === 'direct' ? item.promisedDays === 0 : item.promisedDays > 0]).toEqual([item.code, true]);
      if (item.statutoryDays !== null) expect([item.code, item.promisedDays <= item.statutoryDays]).toEqual([item.code, true]);
      expect([item.code, item.mode === 'joint' ? item.departments.length >= 2 : item.departments.length === 0]).toEqual([item.code, true]);
      expect(item.visits).toBeLessThanOrEqual(1);
    }
  });

  test('the sample catalog\'s known errors stay fixed: who decides, how the case travels and which stages have limits of their own', async () => {
    const named = (name: string) => items.find((i) => i.name === name)!;
    const rural = named('乡村建设规划许可证核发（农村村民住宅）');
    expect([rural.mode, rural.authority, rural.stepLimits]).toEqual(['report-up', { level: 'county', sector: '自然资源和规划' }, [expect.objectContaining({ step: 'initial_review', days: 5, unit: 'working-days' })]]);
    const minimum = named('最低生活保障审核确认');
    expect(minimum.stepLimits?.map((l) => [l.step, l.days, l.unit])).toEqual([['initial_review', 15, 'working-days'], ['county_review', 5, 'working-days']]);
    expect(minimum.specialProcedures).toEqual([{ name: '公示', days: 7, unit: 'days', countsTowardLimit: false }]);
    expect([named('临时救助').mode, named('临时救助').authority.level]).toEqual(['report-up', 'county']);
    expect(named('临时占用城市道路审批').materials.find((m) => m.name === '公安交通管理部门意见')?.required).toBe(true);
    expect(named('居住证核发').statutoryUnit).toBe('days');
    expect(items.filter((i) => i.authority.sector === '税务').map((i) => i.type)).toEqual(['行政许可']);
    // Every stage limit names a step of the item's process.
    for (const item of items.filter((i) => i.stepLimits)) {
      const file = processFiles.find((f) => f.processIds.includes(item.processId))!.file;
      const elements = Object.values((await compileBpmn(xmlOf(file))).processes).flatMap((p) => Object.keys(p.elements));
      for (const limit of item.stepLimits!) expect([item.code, limit.step, elements.includes(limit.step)]).toEqual([item.code, limit.step, true]);
    }
  });

  test('every job type and candidate group the processes use is one the case server is told about', () => {
    const all = processFiles.map(({ file }) => xmlOf(file)).join('\n');
    const types = new Set([...all.matchAll(/taskDefinition type="([^"]+)"/g)].map((m) => m[1]));
    expect([...types].sort()).toEqual(Object.keys(jobTypes).sort());
    const groups = new Set([...all.matchAll(/candidateGroups="([^"]+)"/g)].map((m) => m[1]!.replace('=&quot;reviewer:&quot; + department', 'reviewer:<department>')));
    expect([...groups].sort()).toEqual(Object.keys(candidateGroups).sort());
  });

  test('every file reads cleanly and has a diagram: a shape for each flow node, an edge for each flow, and no shapes on top of each other', async () => {
    for (const { file } of processFiles) {
      const compiled = await compileBpmn(xmlOf(file));
      const { shapes, edges, warnings } = await diagramOf(file);
      expect([file, warnings]).toEqual([file, []]);
      for (const process of Object.values(compiled.processes)) {
        for (const id of Object.keys(process.elements)) expect([file, id, shapes.has(id)]).toEqual([file, id, true]);
        for (const id of Object.keys(process.flows)) expect([file, id, (edges.get(id) ?? 0) >= 2]).toEqual([file, id, true]);
        const nodes = Object.values(process.elements);
        for (const a of nodes) for (const b of nodes) {
          if (a.id >= b.id || a.attachedTo === b.id || b.attachedTo === a.id || a.scopeId === b.id || b.scopeId === a.id) continue;
          expect([file, a.id, b.id, overlap(shapes.get(a.id)!, shapes.get(b.id)!)]).toEqual([file, a.id, b.id, false]);
        }
      }
    }
  });
});
