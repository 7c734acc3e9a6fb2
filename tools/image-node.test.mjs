// The Node the service images run, as tools/image-node.mjs finds it for bench:http and
// `npm run test:image-node`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { imageNodeMajor, imageNodeRuntime } from './image-node.mjs';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'image-node.mjs');

test('the images run Node 24 or later, whose AsyncLocalStorage adds no hook to every promise', () => {
  // The request context on every request relies on it (docs/architecture.md, "The HTTP hot path").
  assert.ok(imageNodeMajor() >= 24, `the Dockerfile's NODE_IMAGE is Node ${imageNodeMajor()}`);
});

test('IMAGE_NODE names the binary to use instead of a download', () => {
  const before = process.env.IMAGE_NODE;
  process.env.IMAGE_NODE = process.execPath;
  try {
    assert.deepEqual(imageNodeRuntime(), { node: process.execPath, version: process.version });
  } finally {
    if (before === undefined) delete process.env.IMAGE_NODE;
    else process.env.IMAGE_NODE = before;
  }
});

test('as a command, runs the given command with that Node first on the PATH', () => {
  // A node of its own folder, so that the PATH is seen to change.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'image-node-'));
  try {
    symlinkSync(process.execPath, path.join(dir, 'node'));
    const firstOnPath = execFileSync(process.execPath, [script, 'node', '-p', 'process.env.PATH.split(require("path").delimiter)[0]'], {
      encoding: 'utf8',
      env: { ...process.env, IMAGE_NODE: path.join(dir, 'node') },
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    assert.equal(firstOnPath, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
