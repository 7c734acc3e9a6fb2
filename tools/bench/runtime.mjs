// The Node.js the service images run, for benchmarks that should measure what ships rather than
// whatever Node the machine has. The images take their Node from the Dockerfile's NODE_IMAGE
// (node:<major>-...); when this machine runs another major, the same major's official build is taken
// from the npm registry's node-<platform>-<arch> package (the binary is inside the package, so nothing
// is downloaded from elsewhere) and kept under node_modules/.cache.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { root } from './report.mjs';

/** The Node major of the Dockerfile's default NODE_IMAGE. */
export function imageNodeMajor() {
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const match = /^ARG NODE_IMAGE=node:(\d+)/m.exec(dockerfile);
  if (!match) throw new Error('Dockerfile: no "ARG NODE_IMAGE=node:<major>..." to take the images\' Node version from');
  return Number(match[1]);
}

const versionOf = (node) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

/**
 * `{ node, version }` of the images' Node: BENCH_IMAGE_NODE if set, this process's Node if it is of the
 * same major, else the registry's build (fetched once). Undefined, with the reason, where neither works.
 */
export function imageNodeRuntime() {
  const major = imageNodeMajor();
  if (process.env.BENCH_IMAGE_NODE) return { node: process.env.BENCH_IMAGE_NODE, version: versionOf(process.env.BENCH_IMAGE_NODE) };
  if (Number(process.versions.node.split('.')[0]) === major) return { node: process.execPath, version: process.version };

  const pkg = `node-${process.platform}-${process.arch}`;
  const cache = path.join(root, 'node_modules/.cache/globac-bench');
  const cached = existsSync(cache) ? readdirSync(cache).filter((d) => d.startsWith(`${pkg}-${major}.`)).sort() : [];
  let dir = cached.length ? path.join(cache, cached.at(-1)) : undefined;
  if (!dir) {
    try {
      mkdirSync(cache, { recursive: true });
      const tarball = execFileSync('npm', ['pack', `${pkg}@${major}`, '--pack-destination', cache, '--silent'], {
        cwd: cache,
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .at(-1);
      dir = path.join(cache, tarball.replace(/\.tgz$/, ''));
      mkdirSync(dir, { recursive: true });
      execFileSync('tar', ['-xzf', path.join(cache, tarball), '-C', dir, '--strip-components=1']);
      rmSync(path.join(cache, tarball));
    } catch (error) {
      return { unavailable: `Node ${major} could not be taken from the npm registry (${pkg}@${major}): ${error.message.split('\n')[0]}` };
    }
  }
  const node = path.join(dir, 'bin/node');
  return { node, version: versionOf(node) };
}
