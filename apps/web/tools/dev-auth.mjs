// Development sign-in, for `npm start` and `vite` only (AUTH_MODE=dev): never part of a production
// build or image. It answers two requests:
//   GET  /config.json      → { authMode: 'dev' } (in production a static config.json names the OIDC issuer)
//   POST /dev-auth/token   { role, companyId? } → { token }, signed with the development key that the
//                          services accept in AUTH_MODE=dev (AUTH_DEV_SECRET or the platform's default).
// The services have no token endpoint of their own, and must not get one: the key is public.
// node:crypto only (no jose): the web image's server loads this file in development mode, and the
// component tests sign company users' tokens with it inside jsdom, where jose picks its browser build.
import { createHmac } from 'node:crypto';

// Mirrors libs/auth (token-verifier.ts): the web tools may not import the services' code.
const DEFAULT_DEV_SECRET = 'globac-development-key-not-for-production-use';
const ROLES = ['admin', 'staff', 'financier', 'company'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Signs a development token (HS256) as `npm run token` does. */
export async function signDevToken({ role, companyId }, secret = process.env.AUTH_DEV_SECRET || DEFAULT_DEV_SECRET) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    roles: [role],
    ...(companyId ? { company_id: companyId } : {}),
    sub: companyId ? `dev-${role}-${companyId.slice(0, 8)}` : `dev-${role}`,
    iss: 'globac-dev',
    aud: 'globac',
    iat: now,
    exp: now + 8 * 3600,
  };
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', Buffer.from(secret, 'utf8')).update(unsigned).digest('base64url')}`;
}

function send(res, status, body) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/** A connect/node:http handler; calls next() for any other request. */
export function devAuthMiddleware() {
  return (req, res, next) => {
    const url = (req.url ?? '').split('?')[0];
    if (url === '/config.json' && req.method === 'GET') return send(res, 200, { authMode: 'dev' });
    if (url !== '/dev-auth/token') return next();
    if (req.method !== 'POST') return send(res, 405, { statusCode: 405, error: 'METHOD_NOT_ALLOWED', message: 'POST only' });
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      let body;
      try {
        body = JSON.parse(raw || '{}');
      } catch {
        return send(res, 400, { statusCode: 400, error: 'VALIDATION_FAILED', message: 'the body is not JSON' });
      }
      const details = [];
      if (!ROLES.includes(body.role)) details.push({ field: 'role', rule: 'isIn', message: `must be one of ${ROLES.join(', ')}` });
      if (body.role === 'company' && !UUID.test(String(body.companyId ?? '')))
        details.push({ field: 'companyId', rule: 'isUuid', message: 'a company user needs a company id' });
      if (details.length) return send(res, 400, { statusCode: 400, error: 'VALIDATION_FAILED', message: details.map((d) => `${d.field}: ${d.message}`).join('; '), details });
      const token = await signDevToken({ role: body.role, companyId: body.role === 'company' ? body.companyId : undefined });
      send(res, 200, { token });
    });
  };
}
