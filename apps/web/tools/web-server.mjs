// The web app's production server: what runs in the `web` image (Dockerfile target `web`). It serves the
// built app (`npm run web:build`) and nothing else the app does not need:
//   - every file from memory, read once at start (gzip or brotli as the browser accepts), so the container's
//     root filesystem can be read-only and a request never touches the disk;
//   - index.html for every other path (the client's routes), but 404 for a missing /assets/* file
//     (a stale chunk must fail loudly, not load HTML as JavaScript) and for /api/* (the Ingress routes
//     those to the services before they reach this server);
//   - `/config.json` from the environment at start: `{ authMode: 'oidc', issuer, clientId, scope }`;
//   - a Content-Security-Policy allowing only its own origin and the OIDC issuer, and the usual
//     security headers; `Cache-Control: immutable` for /assets/* (content-hashed names);
//   - `/healthz` for the probes.
// Node built-ins only: the image carries no node_modules.
//
// In development only (NODE_ENV=development and AUTH_MODE=dev: docker compose, the dev cluster) it also
// answers the development sign-in (dev-auth.mjs) and, with API_UPSTREAMS, forwards /api/... to the
// services as the Ingress would; production refuses both (exit code 78, like the services).
//
//   node apps/web/tools/web-server.mjs          (WEB_ROOT defaults to dist/apps/web)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest']);
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A configuration problem: the server says what is wrong and exits with 78 (EX_CONFIG). */
export class ConfigError extends Error {}

/**
 * The server's settings from the environment, checked as the services check theirs: production needs
 * OIDC (an https issuer and a client id); the development sign-in only with NODE_ENV=development.
 */
export function configFromEnv(env = process.env) {
  const problems = [];
  const nodeEnv = env.NODE_ENV || 'production';
  const authMode = env.AUTH_MODE || 'oidc';
  const port = Number(env.PORT || 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`PORT must be a port number, not "${env.PORT}"`);
  let app;
  let issuerOrigin;
  if (authMode === 'oidc') {
    let issuer;
    try {
      issuer = new URL(env.AUTH_ISSUER ?? '');
    } catch {
      problems.push('AUTH_ISSUER must be the OIDC issuer URL (https://...)');
    }
    if (issuer && issuer.protocol !== 'https:' && !(nodeEnv !== 'production' && issuer.protocol === 'http:')) problems.push('AUTH_ISSUER must be an https URL');
    if (!env.WEB_OIDC_CLIENT_ID) problems.push("WEB_OIDC_CLIENT_ID must name the web app's OIDC client");
    if (issuer) issuerOrigin = issuer.origin;
    app = { authMode: 'oidc', issuer: env.AUTH_ISSUER, clientId: env.WEB_OIDC_CLIENT_ID, scope: env.WEB_OIDC_SCOPE || 'openid profile' };
  } else if (authMode === 'dev') {
    if (nodeEnv !== 'development') problems.push('AUTH_MODE=dev (the development sign-in) needs NODE_ENV=development');
    app = { authMode: 'dev' };
  } else problems.push(`AUTH_MODE must be oidc or dev, not "${authMode}"`);
  const upstreams = parseUpstreams(env.API_UPSTREAMS ?? '', problems);
  if (upstreams.length && nodeEnv !== 'development') problems.push('API_UPSTREAMS is for development only: in production the Ingress routes /api/...');
  if (problems.length) throw new ConfigError(problems.join('; '));
  return {
    port,
    host: env.HOST || '0.0.0.0',
    root: path.resolve(env.WEB_ROOT || path.join(here, '../../../dist/apps/web')),
    app,
    issuerOrigin,
    upstreams,
  };
}

/** `/api/companies=http://companies:3001,/api/events=http://events:3002` → routes, longest prefix first. */
function parseUpstreams(value, problems) {
  const routes = [];
  for (const entry of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [prefix, target] = entry.split('=');
    if (!prefix?.startsWith('/api/') || !/^https?:\/\//.test(target ?? '')) problems.push(`API_UPSTREAMS entry "${entry}" is not /api/<prefix>=http://host:port`);
    else routes.push({ prefix: prefix.replace(/\/$/, ''), target });
  }
  return routes.sort((a, b) => b.prefix.length - a.prefix.length);
}

/**
 * The policy: scripts, styles, images, fonts and requests from its own origin; requests to the OIDC
 * issuer (discovery, token endpoint). Styles allow 'unsafe-inline' because Mantine writes its CSS
 * variables into a <style> element at run time; scripts never do. No frames, no plugins, no <base>.
 */
export function contentSecurityPolicy(issuerOrigin) {
  const connect = ["'self'", ...(issuerOrigin ? [issuerOrigin] : [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    `form-action 'self'${issuerOrigin ? ` ${issuerOrigin}` : ''}`,
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

function securityHeaders(csp) {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
}

/** Every file under `root` (source maps left out: the image does not publish them), with compressed variants. */
function loadFiles(root) {
  const files = new Map();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.endsWith('.map')) {
        const ext = path.extname(name);
        const body = readFileSync(full);
        // Compressed on first request and kept (brotli's best levels take seconds per megabyte: a
        // start must stay quick for the probes).
        files.set(`/${path.relative(root, full).split(path.sep).join('/')}`, { type: TYPES[ext] ?? 'application/octet-stream', body, compressible: COMPRESSIBLE.has(ext) && body.length > 512 });
      }
    }
  };
  walk(root);
  if (!files.has('/index.html')) throw new ConfigError(`no index.html in ${root}: build the app first (npm run web:build)`);
  return files;
}

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendFile(req, res, file, cacheControl, headers) {
  const accepts = String(req.headers['accept-encoding'] ?? '');
  let body = file.body;
  let encoding;
  if (file.compressible && /\bbr\b/.test(accepts)) {
    file.br ??= brotliCompressSync(file.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
    [body, encoding] = [file.br, 'br'];
  } else if (file.compressible && /\bgzip\b/.test(accepts)) {
    file.gzip ??= gzipSync(file.body, { level: 9 });
    [body, encoding] = [file.gzip, 'gzip'];
  }
  res.writeHead(200, {
    ...headers,
    'content-type': file.type,
    'content-length': body.length,
    'cache-control': cacheControl,
    ...(file.compressible ? { vary: 'accept-encoding' } : {}),
    ...(encoding ? { 'content-encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function proxy(req, res, target) {
  const url = new URL(req.url, target);
  const upstream = http.request(url, { method: req.method, headers: { ...req.headers, host: url.host, 'x-forwarded-host': req.headers.host ?? '' } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (error) => {
    if (res.headersSent) return res.destroy();
    sendJson(res, 502, { statusCode: 502, error: 'BAD_GATEWAY', message: `the service behind ${url.pathname} did not answer: ${error.message}` });
  });
  req.pipe(upstream);
}

/** Creates (does not start) the server for a configuration from `configFromEnv`. */
export async function createWebServer(config) {
  const files = loadFiles(config.root);
  const headers = securityHeaders(contentSecurityPolicy(config.issuerOrigin));
  const appConfig = Buffer.from(JSON.stringify(config.app));
  let devAuth;
  if (config.app.authMode === 'dev') devAuth = (await import(pathToFileURL(path.join(here, 'dev-auth.mjs')).href)).devAuthMiddleware();
  return http.createServer((req, res) => {
    const urlPath = (req.url ?? '/').split('?')[0];
    if (urlPath === '/api' || urlPath.startsWith('/api/')) {
      const route = config.upstreams.find((r) => urlPath === r.prefix || urlPath.startsWith(`${r.prefix}/`));
      if (route) return proxy(req, res, route.target);
      return sendJson(res, 404, { statusCode: 404, error: 'NOT_FOUND', message: `no service serves ${urlPath}` }, headers);
    }
    if (devAuth && urlPath === '/dev-auth/token') return devAuth(req, res, () => undefined);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { statusCode: 405, error: 'METHOD_NOT_ALLOWED', message: 'GET or HEAD only' }, { ...headers, allow: 'GET, HEAD' });
    if (urlPath === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(req.method === 'HEAD' ? undefined : 'ok');
    }
    if (urlPath === '/config.json') {
      res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(req.method === 'HEAD' ? undefined : appConfig);
    }
    let decoded;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return sendJson(res, 400, { statusCode: 400, error: 'BAD_REQUEST', message: 'the path is not valid' }, headers);
    }
    // Only names in the map are served: no path is ever joined onto the filesystem.
    const file = decoded !== '/index.html' ? files.get(decoded) : undefined;
    if (file) return sendFile(req, res, file, decoded.startsWith('/assets/') ? IMMUTABLE : 'no-cache', headers);
    if (decoded.startsWith('/assets/')) return sendJson(res, 404, { statusCode: 404, error: 'NOT_FOUND', message: `no ${decoded}` }, headers);
    // The client's routes: index.html, fetched again on every visit so a new release is found.
    return sendFile(req, res, files.get('/index.html'), 'no-cache', headers);
  });
}

async function main() {
  let config;
  try {
    config = configFromEnv();
    const server = await createWebServer(config);
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
    process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'web listening', port: server.address().port, authMode: config.app.authMode })}\n`);
    // Stop accepting, let in-flight requests finish (they are all in memory: milliseconds).
    const stop = () => server.close(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (error) {
    process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: error.message })}\n`);
    process.exit(error instanceof ConfigError ? 78 : 1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
