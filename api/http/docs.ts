import type { RequestHandler } from 'express';
import swaggerUi from 'swagger-ui-express';

/** Where the interactive API reference is served, and where it reads the OpenAPI document. */
export const DOCS_PATH = '/api/docs';
export const OPENAPI_PATH = '/api/v1/openapi.json';

/**
 * The interactive API reference (Swagger UI) over the server's own OpenAPI document. Its
 * scripts and styles come from the swagger-ui-dist package on this server, never a CDN (an
 * offline township reaches none); the online validator badge is off for the same reason. The
 * document's address is fixed here, so `?url=` cannot point the page at another one.
 */
export function apiDocs(): RequestHandler[] {
  const page = swaggerUi.setup(undefined, {
    swaggerUrl: OPENAPI_PATH,
    customSiteTitle: '一窗 yichuang API 参考',
    swaggerOptions: { validatorUrl: null, docExpansion: 'none', displayRequestDuration: true, tryItOutEnabled: false },
  });
  return [...swaggerUi.serve, page];
}
