import express from 'express';
import type { Response, Router } from 'express';
import { join } from 'node:path';
import { notFound } from './errors.js';

/**
 * What a page may load: only this server's own scripts, styles and API. Element Plus sets
 * inline style attributes, hence 'unsafe-inline' for styles (never for scripts); no page may
 * be framed (clickjacking), but the print pages, by this origin only. Calls may also go to the
 * window's device service on the loopback address (devices/README.md), nowhere else.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self' data:", "connect-src 'self' http://127.0.0.1:* http://localhost:*", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
].join('; ');

/** The print pages (/print/…) may be framed by this origin; every other page by no one. Pure. */
const framedBy = (path: string) => (path.startsWith('/print/') ? "frame-ancestors 'self'" : "frame-ancestors 'none'");

/** index.html names the hashed files of the current build, so it is asked for again every time. */
function pageHeaders(res: Response, path: string): void {
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Content-Security-Policy', `${CONTENT_SECURITY_POLICY}; ${framedBy(path)}`);
  if (path.startsWith('/print/')) res.setHeader('X-Frame-Options', 'SAMEORIGIN');
}

/** A page address (history mode) rather than a file: GET or HEAD, wants HTML, no file extension. */
function isPageRequest(req: express.Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const last = req.path.split('/').pop() ?? '';
  return !last.includes('.') && Boolean(req.accepts('html'));
}

/**
 * The built single-page application (web/dist) at `/`: hashed assets cached for a year,
 * index.html never cached, and every other page address answered with index.html so the
 * router in the browser shows the page (history mode). Mounted after /api, so API paths never
 * reach it; a missing asset is a 404, not index.html, so a stale page fails loudly.
 */
export function webPages(root: string): Router {
  const router = express.Router();
  router.use('/assets', express.static(join(root, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.use('/assets', (_req, _res, next) => next(notFound('文件')));
  router.use(express.static(root, { index: false, setHeaders: (res, path) => (path.endsWith('.html') ? pageHeaders(res, '/') : res.setHeader('Cache-Control', 'no-cache')) }));
  router.use((req, res, next) => {
    if (!isPageRequest(req)) return next();
    pageHeaders(res, req.path);
    res.sendFile(join(root, 'index.html'), (err) => err && next(err));
  });
  return router;
}
