// Proves the module-boundary rules in eslint.config.mjs bite: each probe is a forbidden import,
// written into a project for the length of the test (the rules need the file inside a project).
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const probes = [];
after(() => probes.forEach((file) => rmSync(file, { force: true })));

async function lint(project, source) {
  const file = path.join(root, project, 'src', `boundary-probe-${process.pid}-${probes.length}.ts`);
  probes.push(file);
  writeFileSync(file, source);
  const [result] = await new ESLint({ cwd: root }).lintFiles([file]);
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports');
}

test('an app may not import another app', async () => {
  const problems = await lint('apps/companies', "import { AppModule } from '../../events/src/app.module';\nexport const x = AppModule;\n");
  assert.equal(problems.length, 1, JSON.stringify(problems));
});

test('contracts may not import TypeORM or NestJS', async () => {
  const typeorm = await lint('libs/contracts', "import { DataSource } from 'typeorm';\nexport const x = DataSource;\n");
  assert.match(typeorm[0]?.message ?? '', /not allowed to import "typeorm"/);
  const nest = await lint('libs/contracts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
  assert.match(nest[0]?.message ?? '', /not allowed to import "@nestjs\/common"/);
});

test('a platform lib may not import the testing lib, and production code may not use it', async () => {
  const problems = await lint('libs/http', "import { eventually } from '@globac/testing';\nexport const x = eventually;\n");
  assert.ok(problems.length >= 1, JSON.stringify(problems));
});

test('config, the lowest platform lib, may import no other lib of ours (auth builds on it)', async () => {
  const contracts = await lint('libs/config', "import { SUBJECTS } from '@globac/contracts';\nexport const x = SUBJECTS;\n");
  assert.match(contracts[0]?.message ?? '', /tagged with "layer:config" cannot depend on any libs/);
  // auth depends on config, so importing it back is refused (as a cycle, which nx reports first).
  const auth = await lint('libs/config', "import { TokenVerifier } from '@globac/auth';\nexport const x = TokenVerifier;\n");
  assert.equal(auth.length, 1, JSON.stringify(auth));
});

test('an app may use platform libs and contracts', async () => {
  const problems = await lint('apps/companies', "import { ServiceConfig } from '@globac/config';\nexport const x = ServiceConfig;\n");
  assert.deepEqual(problems, []);
});

test('no app or platform lib may import the generated API types (they are for the services\' clients)', async () => {
  const app = await lint('apps/companies', "import type { CompaniesApi } from '@globac/api-client';\nexport type X = CompaniesApi.paths;\n");
  assert.equal(app.length, 1, JSON.stringify(app));
  const platform = await lint('libs/http', "import type { EventsApi } from '@globac/api-client';\nexport type X = EventsApi.paths;\n");
  assert.equal(platform.length, 1, JSON.stringify(platform));
});
