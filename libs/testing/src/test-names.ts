import { randomBytes } from 'node:crypto';

/** A name unique to this test run (lower-case, digits and _), for databases, subject prefixes and streams. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
}

/** Where the tests find Postgres and NATS: the same variables the services read, with local defaults. */
export const testInfrastructure = {
  postgresUrl: process.env.POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432',
  natsUrl: process.env.NATS_URL || 'nats://127.0.0.1:4222',
};
