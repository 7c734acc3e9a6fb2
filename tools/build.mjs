// Compiles apps and libs to CommonJS in dist/, mirroring the source tree, with swc: decorators and
// their metadata (Nest's DI needs them) and @globac/* aliases rewritten to relative paths.
// Type-checking is separate (`npm run typecheck`); this only emits. Usage: node tools/build.mjs [app ...]
import { transformFile } from '@swc/core';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist');
const tsconfig = JSON.parse(await readFile(path.join(root, 'tsconfig.base.json'), 'utf8'));

async function sources(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

const apps = process.argv.slice(2);
// Services only: the web app (apps/web, no src/main.ts) is built by Vite (npm run web:build).
const allApps = (await readdir(path.join(root, 'apps'), { withFileTypes: true }))
  .filter((e) => e.isDirectory() && existsSync(path.join(root, 'apps', e.name, 'src', 'main.ts')))
  .map((e) => e.name);
for (const app of apps) if (!allApps.includes(app)) throw new Error(`Unknown app "${app}" (apps: ${allApps.join(', ')})`);

const dirs = [...(apps.length ? apps : allApps).map((a) => path.join(root, 'apps', a, 'src')), path.join(root, 'libs')];
const files = (await Promise.all(dirs.map(sources))).flat().filter((f) => !f.includes(`${path.sep}test${path.sep}`));

if (!apps.length) await rm(out, { recursive: true, force: true });
const started = Date.now();
await Promise.all(
  files.map(async (file) => {
    const result = await transformFile(file, {
      swcrc: false,
      configFile: false,
      sourceMaps: true,
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        keepClassNames: true,
        baseUrl: root,
        paths: tsconfig.compilerOptions.paths,
      },
      module: { type: 'commonjs', ignoreDynamic: true },
    });
    const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${result.code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    await writeFile(`${target}.map`, result.map ?? '');
  }),
);
console.log(`built ${files.length} files into dist/ in ${Date.now() - started} ms`);
