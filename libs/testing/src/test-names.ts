import { randomBytes } from 'node:crypto';

/** A name unique to this test run (lower-case, digits and _), for databases, subject prefixes and streams. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

/** Where the tests find Postgres and NATS: the same variables the services read, with local defaults. */
export const testInfrastructure = {
  postgresUrl: process.env.POSTGRES_URL || 'postgres://postgres:postgres@127.0.0.1:5432',
  natsUrl: process.env.NATS_URL || 'nats://127.0.0.1:4222',
};

/** A TCP port free on this machine right now (the OS picks it), for a process a test starts. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
