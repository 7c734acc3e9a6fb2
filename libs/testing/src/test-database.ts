import { databaseUrl } from '@globac/database';
import { Client } from 'pg';
import { testInfrastructure } from './test-names';

/** Drops a database a test created, ending any connections a crashed app left behind. */
export async function dropTestDatabase(name: string, serverUrl = testInfrastructure.postgresUrl): Promise<void> {
  if (!name.includes('_test_')) throw new Error(`refusing to drop ${name}: not a test database`);
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Runs SQL against a test's database directly, to look at what the service stored. */
export async function queryDatabase<T = Record<string, unknown>>(
  database: string,
  sql: string,
  params: unknown[] = [],
  serverUrl = testInfrastructure.postgresUrl,
): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, database) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
