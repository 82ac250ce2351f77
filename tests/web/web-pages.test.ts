import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import express from 'express';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { webPages } from '../../api/http/web-pages.js';
import { errorHandler } from '../../api/http/errors.js';

// A built app in miniature: index.html, one hashed asset, a public file, the build stamp.
const dir = mkdtempSync(join(tmpdir(), 'yc-pages-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>一窗</title><script type="module" src="/assets/index-Ab12.js"></script>');
writeFileSync(join(dir, 'assets', 'index-Ab12.js'), 'console.log(1)');
writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
writeFileSync(join(dir, '.build-stamp'), 'hash');

let server: Server;
let url = '';
beforeAll(async () => {
  const app = express().use(webPages(dir)).use(errorHandler);
  server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, accept = 'text/html,*/*') => fetch(`${url}${path}`, { headers: { accept } });

describe('serving the built pages', () => {
  test('/ and every page address (history mode) answer index.html, never cached, with a content security policy', async () => {
    for (const path of ['/', '/inbox', '/cases/330324-ob-20260302-0001']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>一窗</title>');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  test('hashed assets are cached for a year; a missing one is a 404, not index.html', async () => {
    const asset = await get('/assets/index-Ab12.js', '*/*');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await get('/assets/index-Old9.js', '*/*');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  test('other files are served but checked again each time; dot files and unknown files are not served', async () => {
    const icon = await get('/favicon.svg', '*/*');
    expect([icon.status, icon.headers.get('cache-control')]).toEqual([200, 'no-cache']);
    expect((await get('/.build-stamp')).status).toBe(404);
    expect((await get('/logo.png')).status).toBe(404);
  });

  test('only a browser asking for a page gets index.html: not a POST, not a JSON client', async () => {
    expect((await fetch(`${url}/inbox`, { method: 'POST' })).status).toBe(404);
    expect((await get('/inbox', 'application/json')).status).toBe(404);
  });
});
