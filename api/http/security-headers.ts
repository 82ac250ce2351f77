import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * helmet's headers on every answer. The content security policy here is the API's: it loads
 * nothing and may be framed by no one (clickjacking). The pages (web-pages.ts), the API
 * reference (docs.ts) and the printable notices set their own, which replace it. HSTS is the
 * TLS-terminating reverse proxy's to send: this server speaks plain HTTP behind it.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
  });
}

/** Nothing under /api is kept by a browser or a proxy: answers name people and cases, files are applicants' papers. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** The CSP of the API reference (swagger-ui: its own scripts and styles, inline styles, data: images), never framed. */
export const DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
