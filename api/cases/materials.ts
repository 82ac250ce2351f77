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
 * A scan of one material on the case's checklist, stored with the case: the bytes, the tick
 * on the checklist and the log line in one transaction, so a failed upload leaves nothing.
 */
export async function uploadMaterial(db: Knex, staff: Staff, record: CaseRecord, name: string, contentType: string | undefined, bytes: Buffer, at: number): Promise<CaseMaterial> {
  if (CLOSED_STATUSES.includes(record.status)) throw new ApiError(409, 'CASE_CLOSED', '办件已办结，不能再上传材料');
  if (!record.materials.some((m) => m.name === name)) throw new ApiError(400, 'MATERIAL_UNKNOWN', `「${name}」不在本事项的材料清单中`, [{ field: 'name', problem: name }]);
  if (bytes.length === 0) throw new ApiError(400, 'UPLOAD_EMPTY', '上传的文件是空的', [{ field: '(body)', problem: '文件为空' }]);
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', '文件超过 10 MB 上限');
  const problem = typeProblem(contentType, bytes);
  if (problem) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `${problem}；可接受：${accepted}`, [{ field: 'content-type', problem: `可接受：${accepted}` }]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = { id: `${record.id}-M-${randomUUID()}`, contentType: mediaType(contentType), size: bytes.length, uploadedAt: at };
  const updated = await db.transaction(async (trx) => {
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
