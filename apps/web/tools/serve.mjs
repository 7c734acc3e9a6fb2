// Serves the built web app (dist/apps/web) for `npm start`: static files with the app's index.html
// for every other path (client-side routes), and /api/... proxied to the services by the path
// prefixes of the Ingress (k8s/base/ingress.yaml), so the browser sees one origin as in production.
// In AUTH_MODE=dev it also answers /config.json and /dev-auth/token (tools/dev-auth.mjs).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { devAuthMiddleware } from './dev-auth.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.map': 'application/json', '.woff2': 'font/woff2' };

/** The Ingress's `/api/...` prefixes and the service each goes to, longest first (not its `/`, the web app). */
export async function ingressRoutes(file = path.join(root, 'k8s/base/ingress.yaml')) {
  const routes = [];
  for (const doc of parseAllDocuments(await readFile(file, 'utf8'))) {
    const ingress = doc.toJS();
    if (ingress?.kind !== 'Ingress') continue;
    for (const rule of ingress.spec?.rules ?? [])
      for (const p of rule.http?.paths ?? [])
        // The Ingress's `/` goes to the web app, which is this server itself.
        if (p.backend.service.name !== 'web') routes.push({ prefix: p.path, pathType: p.pathType, service: p.backend.service.name });
  }
  return routes.sort((a, b) => b.prefix.length - a.prefix.length);
}

/** Kubernetes' Prefix match: by whole path segments (`/api/events` matches `/api/events/1`, not `/api/eventsx`). */
export function matchRoute(routes, urlPath) {
  return routes.find((r) => (r.pathType === 'Exact' ? urlPath === r.prefix : urlPath === r.prefix || urlPath.startsWith(`${r.prefix.replace(/\/$/, '')}/`)));
}

function proxy(req, res, target) {
  const url = new URL(req.url, target);
  const upstream = http.request(url, { method: req.method, headers: { ...req.headers, host: url.host, 'x-forwarded-host': req.headers.host ?? '' } }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (error) => {
    if (res.headersSent) return res.destroy();
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ statusCode: 502, error: 'BAD_GATEWAY', message: `the service behind ${url.pathname} did not answer: ${error.message}` }));
  });
  req.pipe(upstream);
}

async function sendFile(res, dir, urlPath) {
  const file = path.join(dir, path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, ''));
  const inside = file.startsWith(dir + path.sep);
  const info = inside ? await stat(file).catch(() => undefined) : undefined;
  if (info?.isFile()) {
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      // Hashed assets never change; index.html must be fetched again to find new ones.
      'cache-control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
    return;
  }
  if (path.extname(urlPath) && urlPath.startsWith('/assets/')) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
  createReadStream(path.join(dir, 'index.html')).pipe(res);
}

/**
 * Starts the server. `services` maps a service name to its base URL (http://127.0.0.1:3001);
 * `config` is what the app reads at /config.json: `{ authMode: 'dev' }` adds the development sign-in,
 * `{ authMode: 'oidc', issuer, clientId }` names the issuer.
 */
export async function serveWeb({ port, host = '127.0.0.1', services, config = { authMode: 'dev' }, dir = path.join(root, 'dist/apps/web') }) {
  const routes = await ingressRoutes();
  const devAuth = config.authMode === 'dev' ? devAuthMiddleware() : undefined;
  const server = http.createServer((req, res) => {
    const urlPath = (req.url ?? '/').split('?')[0];
    const route = matchRoute(routes, urlPath);
    if (route) {
      const target = services[route.service];
      if (target) return proxy(req, res, target);
      res.writeHead(503, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ statusCode: 503, error: 'SERVICE_UNAVAILABLE', message: `${route.service} is not running` }));
    }
    if (urlPath.startsWith('/api/')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ statusCode: 404, error: 'NOT_FOUND', message: `no service serves ${urlPath} through the Ingress` }));
    }
    if (!devAuth && urlPath === '/config.json') {
      res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
      return res.end(JSON.stringify(config));
    }
    const next = () => void sendFile(res, dir, urlPath === '/' ? '/index.html' : urlPath);
    if (devAuth) devAuth(req, res, next);
    else next();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return { server, url: `http://${host}:${server.address().port}` };
}
