import { Client } from 'pg';

/** `postgres://u:p@h:5432` + `globac_companies` → a URL of that database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates the service's database on first start, where its role may (development, tests). In a
 * deployment the database exists already, owned by the service's own role, which may connect to it
 * and to nothing else (k8s/overlays/dev/postgres-init/service-roles.sh): so connect to it first, and
 * go to the server's `postgres` database only when it is missing. Several replicas may race here: the
 * loser's "already exists" is success.
 */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const own = new Client({ connectionString: databaseUrl(serverUrl, database), connectionTimeoutMillis: 5000 });
  try {
    await own.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error; // anything but "database does not exist"
  } finally {
    await own.end().catch(() => undefined);
  }
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres'), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    // Identifiers cannot be bound parameters; DATABASE_NAME is validated as [a-z_][a-z0-9_]* at boot.
    await client.query(`CREATE DATABASE "${database}"`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw error; // duplicate_database, or the catalog's unique index
  } finally {
    await client.end();
  }
}
