import { Client } from 'pg';

/** `postgres://u:p@h:5432` + `globac_companies` → a URL of that database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates the service's database on first start. Several replicas may race here: the loser's
 * "already exists" is success.
 */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres'), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount) return;
    // Identifiers cannot be bound parameters; DATABASE_NAME is validated as [a-z_][a-z0-9_]* at boot.
    await client.query(`CREATE DATABASE "${database}"`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw error; // duplicate_database, or the catalog's unique index
  } finally {
    await client.end();
  }
}
