'use strict';
// Jest transformer: compiles our TypeScript (decorators + metadata, which Nest's DI needs) and the
// ESM-only packages in node_modules (NestJS 12, jose, ...) to CommonJS, because jest on Node 20
// cannot load ESM without --experimental-vm-modules. CommonJS files pass through untouched.
const { transformSync } = require('@swc/core');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const VERSION = '1';
const packageTypeCache = new Map();

function nearestPackageType(file) {
  let dir = path.dirname(file);
  const visited = [];
  while (dir !== path.dirname(dir)) {
    if (packageTypeCache.has(dir)) break;
    visited.push(dir);
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      let type = 'commonjs';
      try {
        type = JSON.parse(fs.readFileSync(pkg, 'utf8')).type ?? 'commonjs';
      } catch {
        // A package.json that is not JSON (some fixtures) says nothing about the module type.
      }
      packageTypeCache.set(dir, type);
      break;
    }
    dir = path.dirname(dir);
  }
  const type = packageTypeCache.get(dir) ?? 'commonjs';
  for (const d of visited) packageTypeCache.set(d, type);
  return type;
}

function isEsm(file, source) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  if (nearestPackageType(file) === 'module') return true;
  // Some packages ship ESM in .js without "type": "module" behind an "import" condition.
  return /^\s*(import\s[\s\S]*?from\s|export\s)/m.test(source) && !/\brequire\(|module\.exports/.test(source);
}

module.exports = {
  getCacheKey(source, file) {
    return createHash('sha1').update(VERSION).update('\0').update(file).update('\0').update(source).digest('hex');
  },
  process(source, file) {
    const isTs = file.endsWith('.ts') || file.endsWith('.mts') || file.endsWith('.cts');
    if (!isTs && !isEsm(file, source)) return { code: source };
    const out = transformSync(source, {
      filename: file,
      sourceMaps: 'inline',
      swcrc: false,
      configFile: false,
      jsc: {
        target: 'es2022',
        parser: isTs ? { syntax: 'typescript', decorators: true } : { syntax: 'ecmascript' },
        transform: isTs ? { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false } : undefined,
        keepClassNames: true,
      },
      module: { type: 'commonjs', ignoreDynamic: false },
    });
    return { code: out.code };
  },
};
