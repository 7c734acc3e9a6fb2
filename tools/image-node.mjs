// The Node.js the service images run, for measuring and testing what ships rather than whatever Node
// the machine has. The images take their Node from the Dockerfile's NODE_IMAGE (node:<major>-...);
// when this machine runs another major, the same major's official build is taken from the npm
// registry's node-<platform>-<arch> package (the binary is inside the package, so nothing is
// downloaded from elsewhere) and kept under node_modules/.cache.
//
// As a command, runs another command with that Node first on the PATH:
//   node tools/image-node.mjs npx jest        (what `npm run test:image-node` does)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Node major of the Dockerfile's default NODE_IMAGE. */
export function imageNodeMajor() {
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const match = /^ARG NODE_IMAGE=node:(\d+)/m.exec(dockerfile);
  if (!match) throw new Error('Dockerfile: no "ARG NODE_IMAGE=node:<major>..." to take the images\' Node version from');
  return Number(match[1]);
}

const versionOf = (node) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

/**
 * `{ node, version }` of the images' Node: IMAGE_NODE (a path to a node binary) if set, this process's
 * Node if it is of the same major, else the registry's build (fetched once, the newest of that major).
 * `{ unavailable }`, saying why, where none of these works.
 */
export function imageNodeRuntime() {
  const major = imageNodeMajor();
  if (process.env.IMAGE_NODE) return { node: process.env.IMAGE_NODE, version: versionOf(process.env.IMAGE_NODE) };
  if (Number(process.versions.node.split('.')[0]) === major) return { node: process.execPath, version: process.version };

  const pkg = `node-${process.platform}-${process.arch}`;
  const cache = path.join(root, 'node_modules/.cache/image-node');
  const patch = (dir) => dir.slice(pkg.length + 1).split('.').map(Number);
  const newer = (a, b) => patch(a).reduce((order, part, i) => order || part - patch(b)[i], 0);
  const cached = existsSync(cache) ? readdirSync(cache).filter((d) => d.startsWith(`${pkg}-${major}.`) && !d.endsWith('.partial')).sort(newer) : [];
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
      // Unpacked beside and renamed when complete: an interrupted run must not leave a half binary
      // that the next run would take for the cached one.
      const partial = `${dir}.partial`;
      rmSync(partial, { recursive: true, force: true });
      mkdirSync(partial, { recursive: true });
      execFileSync('tar', ['-xzf', path.join(cache, tarball), '-C', partial, '--strip-components=1']);
      renameSync(partial, dir);
      rmSync(path.join(cache, tarball));
    } catch (error) {
      return { unavailable: `Node ${major} could not be taken from the npm registry (${pkg}@${major}): ${error.message.split('\n')[0]}` };
    }
  }
  const node = path.join(dir, 'bin/node');
  return { node, version: versionOf(node) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runtime = imageNodeRuntime();
  if (runtime.unavailable) {
    process.stderr.write(`${runtime.unavailable}\n`);
    process.exit(2);
  }
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    process.stdout.write(`${runtime.node}\n`);
    process.exit(0);
  }
  process.stderr.write(`image-node: running on Node ${runtime.version} (${runtime.node})\n`);
  const env = { ...process.env, PATH: `${path.dirname(runtime.node)}${path.delimiter}${process.env.PATH}` };
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  process.exit(result.status ?? 1);
}
