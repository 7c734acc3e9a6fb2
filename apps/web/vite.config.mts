/// <reference types="vitest/config" />
// Builds the web app into dist/apps/web; `vite` serves it with /api proxied to the services (the
// ports `npm start` uses) and the development sign-in (tools/dev-auth.mjs), which only `serve` loads.
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = path.dirname(new URL(import.meta.url).pathname);

// The Ingress's routes (k8s/base/ingress.yaml): path prefix → service.
const SERVICE_OF_PREFIX: Record<string, string> = {
  '/api/companies': 'http://127.0.0.1:3001',
  '/api/contacts': 'http://127.0.0.1:3001',
  '/api/partners': 'http://127.0.0.1:3001',
  '/api/relationships': 'http://127.0.0.1:3001',
  '/api/reference-data': 'http://127.0.0.1:3001',
  '/api/whoami': 'http://127.0.0.1:3001',
  '/api/events': 'http://127.0.0.1:3002',
  '/api/export-rings': 'http://127.0.0.1:3002',
  '/api/participant-erasures': 'http://127.0.0.1:3002',
  '/api/trips': 'http://127.0.0.1:3003',
  '/api/reports': 'http://127.0.0.1:3004',
};

function devAuth(): Plugin {
  return {
    name: 'globac-dev-auth',
    apply: 'serve',
    async configureServer(server) {
      // @ts-expect-error a plain .mjs dev tool without types
      const { devAuthMiddleware } = await import('./tools/dev-auth.mjs');
      server.middlewares.use(devAuthMiddleware());
    },
  };
}

// The web app uses the workspace's `@globac/api-client` for its types only (erased when compiled), so
// nothing of the workspace may reach the bundle: a run-time import of it fails the build (and the
// component tests) here instead of resolving to the lib's source.
function typesOnlyFromWorkspace(): Plugin {
  return {
    name: 'globac-types-only-from-workspace',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source.startsWith('@globac/')) this.error(`${importer ?? 'the web app'} imports ${source} at run time; import its types only (import type ...)`);
      return null;
    },
  };
}

export default defineConfig({
  root,
  plugins: [typesOnlyFromWorkspace(), react(), devAuth()],
  server: { host: '127.0.0.1', port: 5173, proxy: Object.fromEntries(Object.entries(SERVICE_OF_PREFIX).map(([p, target]) => [p, { target }])) },
  build: {
    outDir: path.resolve(root, '../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    // test/bundle-size.mjs reads it to find what the first screen loads.
    manifest: true,
    // The budget is checked by test/bundle-size.mjs on compressed sizes; this warning is on raw ones.
    chunkSizeWarningLimit: 800,
  },
  test: {
    root,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/testing/setup.ts'],
    globalSetup: ['./test/component-services.mjs'],
    // The forms talk to the real services (started by the global setup) on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
