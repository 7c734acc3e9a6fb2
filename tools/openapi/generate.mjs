// Writes each service's OpenAPI document to docs/openapi/<service>.json and the TypeScript types
// generated from it to libs/api-client/src/<service>.ts, from the built apps (run through
// `npm run api:generate`, which builds first). No database or NATS is needed: the documents come from
// Nest's preview mode, which builds the module graph without creating providers.
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
require('reflect-metadata');
const dist = (file) => path.join(root, 'dist', file);
const { loadConfig } = require(dist('libs/config/src/index.js'));
const { createOpenApiDocument } = require(dist('libs/http/src/index.js'));
const { openApiPaths, renderApiTypes, renderOpenApiDocument } = require(dist('libs/testing/src/openapi-files.js'));

// The services are the apps with a Nest entry point (apps/web is the browser app, a client of these documents).
const services = (await readdir(path.join(root, 'apps'), { withFileTypes: true }))
  .filter((e) => e.isDirectory() && existsSync(path.join(root, 'apps', e.name, 'src/main.ts')))
  .map((e) => e.name);
for (const service of services) {
  const configModule = require(dist(`apps/${service}/src/${service}.config.js`));
  const configClass = Object.values(configModule).find((value) => typeof value === 'function' && value.name.endsWith('Config'));
  const { AppModule } = require(dist(`apps/${service}/src/app.module.js`));
  const document = await createOpenApiDocument(AppModule.forRoot(loadConfig(configClass, {})), service);
  const paths = openApiPaths(service);
  await writeFile(path.join(root, paths.document), renderOpenApiDocument(document));
  await writeFile(path.join(root, paths.types), await renderApiTypes(document, service));
  console.log(`${service}: ${Object.keys(document.paths).length} paths → ${paths.document}, ${paths.types}`);
}
