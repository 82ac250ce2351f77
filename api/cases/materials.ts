import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Staff } from '../auth/types.js';
import type { CaseMaterial, CaseRecord } from './types.js';
import { CLOSED_STATUSES } from './types.js';
import { updateCase } from './repository.js';
import { ACCEPTED_TYPES, MAX_UPLOAD_BYTES, mediaType, typeProblem } from './file-types.js';
import { ApiError } from '../http/errors.js';

const accepted = Object.keys(ACCEPTED_TYPES).join(', ');

/**
 * What can be told of an upload before its body is read: the case is open, the material is on
 * its checklist, and the size declared (Content-Length) fits what is left of the case's quota.
 */
export async function checkUpload(db: Knex, record: CaseRecord, name: string, declaredBytes: number, quotaBytes: number): Promise<void> {
  if (CLOSED_STATUSES.includes(record.status)) throw new ApiError(409, 'CASE_CLOSED', '办件已办结，不能再上传材料');
  if (!record.materials.some((m) => m.name === name)) throw new ApiError(400, 'MATERIAL_UNKNOWN', `「${name}」不在本事项的材料清单中`, [{ field: 'name', problem: name }]);
  await checkQuota(db, record.id, declaredBytes, quotaBytes);
}

/**
 * Every version of every material of a case is kept (an earlier scan may be what a decision
 * rested on), so they count together against the case's quota (YC_CASE_QUOTA_MB).
 */
async function checkQuota(db: Knex, caseId: string, adding: number, quotaBytes: number): Promise<void> {
  const row = await db('yc_materials').where({ case_id: caseId }).sum({ used: 'size' }).first();
  const used = Number(row?.used ?? 0);
  if (used + adding > quotaBytes) {
    const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    throw new ApiError(413, 'CASE_QUOTA_EXCEEDED', `本办件的材料扫描件（含各旧版本）已用 ${mb(used)}，加上此文件将超过每件 ${mb(quotaBytes)} 的上限；请压缩或降低扫描分辨率后再传，或请管理员调整上限`);
  }
}

/**
 * A scan of one material on the case's checklist, stored with the case: the bytes, the tick
 * on the checklist and the log line in one transaction, so a failed upload leaves nothing.
 * The checklist points at the newest; the older versions stay.
 */
export async function uploadMaterial(db: Knex, staff: Staff, record: CaseRecord, name: string, contentType: string | undefined, bytes: Buffer, at: number, quotaBytes: number): Promise<CaseMaterial> {
  await checkUpload(db, record, name, bytes.length, quotaBytes);
  if (bytes.length === 0) throw new ApiError(400, 'UPLOAD_EMPTY', '上传的文件是空的', [{ field: '(body)', problem: '文件为空' }]);
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', '文件超过 10 MB 上限');
  const problem = typeProblem(contentType, bytes);
  if (problem) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `${problem}；可接受：${accepted}`, [{ field: 'content-type', problem: `可接受：${accepted}` }]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = { id: `${record.id}-M-${randomUUID()}`, contentType: mediaType(contentType), size: bytes.length, uploadedAt: at };
  const updated = await db.transaction(async (trx) => {
    // Again in the transaction: two uploads at once must not both fit into the last of the quota.
    await checkQuota(trx, record.id, bytes.length, quotaBytes);
    await trx('yc_materials').insert({
      id: file.id, case_id: record.id, name, content_type: file.contentType, size: file.size,
      sha256, data: bytes, uploaded_at: at, uploaded_by: staff.id,
    });
    return updateCase(trx, record.id, (c) => ({ ...c, materials: c.materials.map((m) => (m.name === name ? { ...m, file } : m)) }),
      { at, actorId: staff.id, action: 'material-uploaded', detail: { name, ...file } });
  });
  return updated.materials.find((m) => m.name === name)!;
}

/** The upload the case's checklist points at for a material (the latest), for staff who may see the case. */
export async function materialFile(db: Knex, record: CaseRecord, name: string): Promise<{ contentType: string; data: Buffer } | undefined> {
  const id = record.materials.find((m) => m.name === name)?.file?.id;
  const row = id ? await db('yc_materials').where({ id, case_id: record.id }).first('content_type', 'data') : undefined;
  return row ? { contentType: row.content_type, data: Buffer.from(row.data) } : undefined;
}
