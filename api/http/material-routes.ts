import type { Knex } from 'knex';
import type { Engine } from '../../engine/index.js';
import { route } from './routes.js';
import type { AnyRoute } from './routes.js';
import type { RawRoute } from './raw-routes.js';
import { notFound } from './errors.js';
import { materialSchema } from './schemas.js';
import { visibleCase } from './scope.js';
import { checkUpload, materialFile, uploadMaterial } from '../cases/materials.js';
import { ACCEPTED_TYPES, MAX_UPLOAD_BYTES } from '../cases/file-types.js';

/**
 * Uploading a material's scan: the raw file as the body, its type in Content-Type. The case,
 * the caller's right to it, the checklist and the quota are checked on the headers alone,
 * before a byte of the body is read.
 */
export function materialRoutes(db: Knex, engine: Engine, quotaBytes: number): AnyRoute[] {
  return [
    route({
      method: 'post', path: '/cases/:id/materials/:name', summary: '上传材料扫描件（PDF、JPEG、PNG，不超过 10 MB；旧版本保留，计入每件办件的容量上限）', tags: ['cases'], roles: ['clerk'], status: 201,
      upload: { limit: MAX_UPLOAD_BYTES, types: Object.keys(ACCEPTED_TYPES) }, response: materialSchema,
      before: async ({ staff, params, req }) => {
        const record = await visibleCase(db, staff!, params.id ?? '');
        await checkUpload(db, record, params.name ?? '', Number(req.headers['content-length'] ?? 0), quotaBytes);
      },
      handler: async ({ staff, params, body, req }) => {
        const record = await visibleCase(db, staff!, params.id ?? '');
        return uploadMaterial(db, staff!, record, params.name ?? '', req.headers['content-type'], body as Buffer, engine.clock.now(), quotaBytes);
      },
    }),
  ];
}

/** The latest upload of a material, as the file it is. */
export function materialFiles(db: Knex): RawRoute[] {
  return [{
    method: 'get', path: '/cases/:id/materials/:name', summary: '材料扫描件', roles: 'any', produces: Object.keys(ACCEPTED_TYPES),
    handler: async ({ staff, params, res }) => {
      const record = await visibleCase(db, staff, params.id ?? '');
      const file = await materialFile(db, record, params.name ?? '');
      if (!file) throw notFound('材料文件');
      res.setHeader('Content-Disposition', 'attachment');
      res.type(file.contentType).send(file.data);
    },
  }];
}
