// Proves that a jest run whose tests leave a handle open fails (instead of hanging, or passing under
// --forceExit), and that a clean run still ends by itself with success.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'globac-open-handles-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs jest, in band as CI does, on one test file; resolves to its exit code and output. */
function runJest(name, source) {
  writeFileSync(path.join(scratch, `${name}.test.js`), source);
  const config = path.join(scratch, `${name}.config.json`);
  writeFileSync(
    config,
    JSON.stringify({
      rootDir: scratch,
      testEnvironment: 'node',
      transform: {},
      testMatch: [`<rootDir>/${name}.test.js`],
      reporters: ['default', path.join(root, 'tools/jest/open-handles-reporter.cjs')],
    }),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, 'node_modules/jest/bin/jest.js'), '--config', config, '--runInBand', '--ci'],
      { env: { ...process.env, OPEN_HANDLES_GRACE_MS: '1500' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 'killed') : 0, output: stdout + stderr }),
    );
  });
}

test('a run whose test leaves a timer running fails and says how to find it', async () => {
  const { code, output } = await runJest('leaky', "test('leaves a timer', () => { setInterval(() => {}, 1000); });\n");
  assert.equal(code, 1, output);
  assert.match(output, /--detectOpenHandles/);
});

test('a run that closes what it opens ends by itself, successfully', async () => {
  const { code, output } = await runJest('clean', "test('closes its timer', () => { clearInterval(setInterval(() => {}, 1000)); });\n");
  assert.equal(code, 0, output);
  assert.doesNotMatch(output, /--detectOpenHandles/);
});
