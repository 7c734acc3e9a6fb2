// Shared by the benchmarks: what machine a figure was measured on, and writing one bench's section of
// docs/benchmarks.md without touching the others'.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const file = path.join(root, 'docs/benchmarks.md');

function version(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
  } catch {
    return 'not found';
  }
}

/** The middle value (the upper one of an even count): what every bench reports of its rounds. */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One line describing the machine, the runtime and the infrastructure versions. */
export function machine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    `${os.cpus().length} × ${cpu}`,
    `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    `${os.type()} ${os.release()}`,
    `Node ${process.version}`,
    version('psql', ['--version']).replace('psql (PostgreSQL)', 'PostgreSQL'),
    version('nats-server', ['--version']) !== 'not found' ? version('nats-server', ['--version']) : version('/usr/sbin/nats-server', ['--version']),
  ].join('; ');
}

/** Replaces (or appends) the `## <name>` section of docs/benchmarks.md. */
export function writeSection(name, body) {
  const header = '# Benchmarks\n\nEach section is written by its `npm run <name>`; run it again to refresh it. Figures from a\nshared 2-core machine vary from run to run: compare a result with the baseline measured in the same run.\n';
  let text = existsSync(file) ? readFileSync(file, 'utf8') : header;
  const heading = `## ${name}`;
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = text.indexOf(`${heading}\n`);
  if (start === -1) {
    text = `${text.trimEnd()}\n\n${section}`;
  } else {
    const next = text.indexOf('\n## ', start + heading.length);
    text = `${text.slice(0, start)}${section}${next === -1 ? '' : `\n${text.slice(next + 1)}`}`;
  }
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}
