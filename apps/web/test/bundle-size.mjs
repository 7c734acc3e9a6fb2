// The JavaScript a phone downloads for the first screen, compressed, against the budget of 250 kB
// (issue 12). The first screen is the sign-in for a visitor and the companies list (or events list)
// for a signed-in user: the entry chunk, the route's chunk, and every chunk they import statically.
// Builds the app unless --no-build. Prints the figures; exits 1 over budget.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { root } from './harness.mjs';

const BUDGET_BYTES = 250 * 1000;
const out = path.join(root, 'dist/apps/web');
const FIRST_SCREENS = {
  'sign-in': 'src/features/auth/routes/sign-in.tsx',
  'companies list': 'src/features/companies/routes/companies-list.tsx',
  'events list': 'src/features/events/routes/events-list.tsx',
  // A financier's first screen (web-dashboard); its charts load after it (their own chunk).
  'indicators dashboard': 'src/features/reports/routes/dashboard.tsx',
  'company home': 'src/features/my-company/routes/my-company-home.tsx',
};

if (!process.argv.includes('--no-build'))
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });

const manifest = JSON.parse(readFileSync(path.join(out, '.vite/manifest.json'), 'utf8'));

/** The chunk's file and those of its static imports, recursively. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build manifest`);
  if (seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}

const sizes = new Map();
function compressed(file) {
  if (!sizes.has(file)) {
    const raw = readFileSync(path.join(out, file));
    sizes.set(file, { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
  }
  return sizes.get(file);
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
let worst = 0;
for (const [screen, route] of Object.entries(FIRST_SCREENS)) {
  const files = new Set([...closure('index.html'), ...closure(route)]);
  const total = [...files].map(compressed).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  worst = Math.max(worst, total.gzip);
  console.log(`web first screen (${screen}): ${kB(total.gzip)} gzip, ${kB(total.brotli)} brotli, ${kB(total.raw)} raw JavaScript in ${files.size} files (budget ${kB(BUDGET_BYTES)} compressed)`);
}
const chunks = Object.values(manifest).filter((c) => c.file.endsWith('.js')).length;
console.log(`web: ${chunks} JavaScript chunks; routes are loaded on demand`);
if (worst > BUDGET_BYTES) {
  console.error(`web: the first screen's JavaScript is ${kB(worst)} gzip, over the budget of ${kB(BUDGET_BYTES)}`);
  process.exit(1);
}
