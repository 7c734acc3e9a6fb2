// Lint for the whole workspace. The module-boundary rules are the architecture in code:
// apps never import apps, contracts depend on nothing that stores data, and each service sees only
// its own scope plus the shared libs (see docs/architecture.md).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'tmp/**', '.nx/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: false,
          checkDynamicDependenciesExceptions: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:testing'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts'] },
            // The configuration is read before anything else is built: it depends on no other lib of ours.
            { sourceTag: 'layer:config', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts'] },
            // Generated types of the HTTP APIs, for the services' clients (the web app): they depend on
            // nothing, and no service or lib imports them (a service knows its own DTOs).
            { sourceTag: 'type:api-client', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: ['typeorm', '@nestjs/typeorm', 'pg', '@nats-io/*', 'fastify', '@nestjs/*'],
            },
            { sourceTag: 'scope:companies', onlyDependOnLibsWithTags: ['scope:companies', 'scope:shared'] },
            { sourceTag: 'scope:events', onlyDependOnLibsWithTags: ['scope:events', 'scope:shared'] },
            { sourceTag: 'scope:trips', onlyDependOnLibsWithTags: ['scope:trips', 'scope:shared'] },
            { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:reporting', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The web app talks to the services over HTTP only: of the workspace it imports only the
            // types generated from the services' OpenAPI documents (type:api-client), and no
            // server-side package.
            {
              sourceTag: 'type:web',
              onlyDependOnLibsWithTags: ['type:api-client'],
              bannedExternalImports: ['typeorm', '@nestjs/*', 'pg', '@nats-io/*', 'fastify', 'class-validator', 'class-transformer', 'jose'],
            },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:api-client'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // Nest's dynamic modules are classes with only static members by design.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // Tests may only import @globac/testing from the testing lib; production code may not.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@globac/testing', message: 'Only tests may use @globac/testing.' },
            // One answer for a malformed path id in every service: 400 VALIDATION_FAILED naming the parameter.
            { name: '@nestjs/common', importNames: ['ParseUUIDPipe'], message: "Use @UuidParam('name') from @globac/http: it answers VALIDATION_FAILED naming the parameter." },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Features do not import each other (bulletproof-react): what two features share lives in
    // src/components or src/lib, and the app (src/app) composes them.
    files: ['apps/web/src/features/*/*/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./\\.\\./[^.]', message: 'A feature may not import another feature.' }] }] },
  },
  {
    files: ['apps/web/src/features/*/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./[^.]', message: 'A feature may not import another feature.' }] }] },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
