import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config';

/**
 * Headers on every response (API, downloads and the web app):
 * - a strict Content-Security-Policy: scripts only from this origin (Vite emits no inline script), no plugins,
 *   no framing (`frame-ancestors 'none'`), forms and base URI to this origin. Style *attributes* are allowed
 *   (`style-src-attr 'unsafe-inline'`) because the collaborative editor's cursors and the charts' tooltips set
 *   them; style sheets still come only from this origin. Images may be `data:`/`blob:` (charts saved as PNG).
 * - nosniff, a same-origin Referrer-Policy, a Permissions-Policy that turns off device APIs, and HSTS only when the
 *   workspace is served over https.
 */
export function securityHeaders(config: AppConfig): Array<(request: Request, response: Response, next: NextFunction) => void> {
  const app = headersWith(config, ["'self'"]);
  // The OpenAPI page (Swagger UI) ships its own inline <style> blocks; its scripts stay same-origin.
  const docs = headersWith(config, ["'self'", "'unsafe-inline'"]);
  return [
    (request, response, next) => (request.path.startsWith('/api/docs') ? docs : app)(request, response, next),
    (_request, response, next) => {
      response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
      next();
    },
  ];
}

function headersWith(config: AppConfig, styleSrc: string[]) {
  const https = /^https:/i.test(config.publicUrl);
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc,
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
}
