// The web image's server (tools/web-server.mjs): what the container answers, on a small built app of
// its own (the real build is checked by the browser test, which runs the app through this server).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { ConfigError, configFromEnv, contentSecurityPolicy, createWebServer } from '../tools/web-server.mjs';

const ISSUER = 'https://login.example.com/realms/globac';
let dir;
const servers = [];

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'web-server-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(path.join(dir, 'assets/index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  writeFileSync(path.join(dir, 'assets/index-abc123.js.map'), '{}');
});

after(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  rmSync(dir, { recursive: true, force: true });
});

async function start(env) {
  const server = await createWebServer(configFromEnv({ WEB_ROOT: dir, ...env }));
  servers.push(server);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${server.address().port}`;
}

const production = { NODE_ENV: 'production', AUTH_MODE: 'oidc', AUTH_ISSUER: ISSUER, WEB_OIDC_CLIENT_ID: 'globac-web' };

describe('the web image’s server in production', () => {
  let url;
  before(async () => (url = await start(production)));

  test('serves the app for every client route, never cached, with a policy allowing only itself and the issuer', async () => {
    for (const p of ['/', '/companies/1', '/my-company/trips?x=1']) {
      const res = await fetch(url + p);
      assert.equal(res.status, 200, p);
      assert.match(res.headers.get('content-type'), /^text\/html/);
      assert.equal(res.headers.get('cache-control'), 'no-cache');
      assert.match(await res.text(), /index-abc123\.js/);
      const csp = res.headers.get('content-security-policy');
      assert.equal(csp, contentSecurityPolicy('https://login.example.com'));
      const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
      assert.deepEqual(directives['script-src'], ["'self'"], 'no inline or foreign scripts');
      assert.deepEqual(directives['connect-src'], ["'self'", 'https://login.example.com']);
      assert.deepEqual(directives['default-src'], ["'self'"]);
      assert.deepEqual(directives['frame-ancestors'], ["'none'"]);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
  });

  test('hashed assets are immutable and compressed; a missing asset, a source map and /api/... are 404, not the app', async () => {
    const asset = await fetch(`${url}/assets/index-abc123.js`);
    assert.equal(asset.status, 200);
    assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(asset.headers.get('content-type'), /^text\/javascript/);
    const gz = await new Promise((resolve, reject) =>
      http.get(`${url}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject),
    );
    assert.equal(gz.encoding, 'gzip');
    assert.match(gunzipSync(gz.body).toString(), /^console\.log/);
    for (const p of ['/assets/index-old999.js', '/assets/index-abc123.js.map', '/api/companies', '/api/docs']) {
      const res = await fetch(url + p);
      assert.equal(res.status, 404, p);
      assert.equal((await res.json()).error, 'NOT_FOUND');
    }
  });

  test('/config.json names the issuer and client from the environment; no development sign-in; only GET and HEAD', async () => {
    const config = await fetch(`${url}/config.json`);
    assert.equal(config.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await config.json(), { authMode: 'oidc', issuer: ISSUER, clientId: 'globac-web', scope: 'openid profile' });
    assert.equal((await fetch(`${url}/dev-auth/token`, { method: 'POST', body: '{"role":"admin"}' })).status, 405);
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    const head = await fetch(`${url}/`, { method: 'HEAD' });
    assert.equal(head.status, 200);
  });
});

test('refuses settings production must not run with, naming each (exit code 78 when run)', () => {
  const refused = (env, pattern) => assert.throws(() => configFromEnv({ WEB_ROOT: dir, ...env }), (e) => e instanceof ConfigError && pattern.test(e.message));
  refused({ NODE_ENV: 'production', AUTH_MODE: 'dev' }, /AUTH_MODE=dev .* NODE_ENV=development/);
  refused({ NODE_ENV: 'production' }, /AUTH_ISSUER .*WEB_OIDC_CLIENT_ID/);
  refused({ ...production, AUTH_ISSUER: 'http://login.example.com' }, /https/);
  refused({ ...production, API_UPSTREAMS: '/api/companies=http://companies:3001' }, /development only/);
  refused({ NODE_ENV: 'development', AUTH_MODE: 'dev', API_UPSTREAMS: 'companies=3001' }, /not \/api\/<prefix>=http/);
  assert.equal(configFromEnv({ WEB_ROOT: dir, ...production }).port, 8080);
});

test('in development it signs development tokens and forwards /api/... to the services as the Ingress does', async () => {
  const api = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url })));
  servers.push(api);
  await new Promise((r) => api.listen(0, '127.0.0.1', r));
  const url = await start({ NODE_ENV: 'development', AUTH_MODE: 'dev', API_UPSTREAMS: `/api/companies=http://127.0.0.1:${api.address().port}` });
  assert.deepEqual(await (await fetch(`${url}/config.json`)).json(), { authMode: 'dev' });
  const { token } = await (await fetch(`${url}/dev-auth/token`, { method: 'POST', body: JSON.stringify({ role: 'staff' }) })).json();
  assert.equal(token.split('.').length, 3);
  assert.deepEqual(await (await fetch(`${url}/api/companies/1?x=2`)).json(), { path: '/api/companies/1?x=2' });
  assert.equal((await fetch(`${url}/api/companiesx`)).status, 404);
  assert.equal((await fetch(url)).headers.get('content-security-policy'), contentSecurityPolicy(undefined));
});
