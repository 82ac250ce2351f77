import { describe, expect, test } from '@jest/globals';
import { startServer } from './support.js';

describe('the interactive API reference at /api/docs', () => {
  test('is served with its scripts and styles from this server, over this server\'s OpenAPI document, with nothing fetched from elsewhere', async () => {
    const server = await startServer();
    const page = await fetch(`${server.url}/api/docs/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="swagger-ui"></div>');
    expect(html).toContain('一窗 yichuang API 参考');
    const assets = [...html.matchAll(/(?:src|href)=["']([^"']+)["']/g)].map((m) => m[1]!);
    expect(assets).toEqual(expect.arrayContaining(['./swagger-ui.css', './swagger-ui-bundle.js', './swagger-ui-init.js']));
    expect(assets.filter((a) => /^(https?:)?\/\//.test(a))).toEqual([]);

    for (const asset of ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js']) {
      const file = await fetch(`${server.url}/api/docs/${asset}`);
      expect([asset, file.status]).toEqual([asset, 200]);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    const init = await (await fetch(`${server.url}/api/docs/swagger-ui-init.js`)).text();
    expect(init).toContain('"swaggerUrl": "/api/v1/openapi.json"');
    expect(init).toContain('"validatorUrl": null');
    expect((await fetch(`${server.url}/api/docs/package.json`)).status).toBe(404);
  });

  test('the OpenAPI document it reads describes the API in Chinese, with the bearer scheme to authorize with', async () => {
    const server = await startServer();
    const doc = (await server.call('GET', '/openapi.json')).body;
    expect(doc.info.description).toContain('POST /auth/login');
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/v1/tasks/{id}/complete'].post.parameters[0]).toMatchObject({ name: 'id', in: 'path', schema: { type: 'string', pattern: expect.any(String) } });
  });
});
