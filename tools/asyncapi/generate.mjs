// Writes docs/asyncapi.yaml from the built contracts (run through `npm run asyncapi`, which builds first).
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
require('reflect-metadata');
const contracts = require(path.join(root, 'dist/libs/contracts/src/index.js'));
const { buildAsyncApiDocument, toYaml } = require('./asyncapi-document.cjs');

const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const target = path.join(root, 'docs/asyncapi.yaml');
const yaml = toYaml(buildAsyncApiDocument(contracts, version));
await writeFile(target, yaml);
console.log(`wrote ${path.relative(root, target)}: ${contracts.allContracts().length} events`);
