import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, ensureDatabase } from '../src';

// As @globac/testing has them (which depends on this lib, so cannot be imported here).
const testInfrastructure = { postgresUrl: process.env.POSTGRES_URL || 'postgres://postgres:postgres@127.0.0.1:5432' };
const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;

const SCRIPT = path.resolve(__dirname, '../../../k8s/overlays/dev/postgres-init/service-roles.sh');

/** A URL of the test server as another user (the local server trusts its clients: no passwords). */
function urlAs(role: string, database: string): string {
  const url = new URL(databaseUrl(testInfrastructure.postgresUrl, database));
  url.username = role;
  url.password = 'not-checked-by-trust-auth';
  return url.toString();
}

async function asRole<T>(role: string, database: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: urlAs(role, database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function asAdmin(sql: string) {
  const client = new Client({ connectionString: databaseUrl(testInfrastructure.postgresUrl, 'postgres') });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

// The provisioning script that docker-compose.yml and the k8s dev overlay run, on the real Postgres,
// with names of this test run (roles are global to the server).
describe('one Postgres role per service, owning only its own database', () => {
  const companies = uniqueName('globac_test_companies');
  const events = uniqueName('globac_test_events');

  beforeAll(async () => {
    const server = new URL(testInfrastructure.postgresUrl);
    await promisify(execFile)('sh', [SCRIPT], {
      env: {
        PATH: process.env.PATH,
        PGHOST: server.hostname,
        PGPORT: server.port || '5432',
        PGPASSWORD: decodeURIComponent(server.password),
        POSTGRES_USER: decodeURIComponent(server.username),
        SERVICE_DATABASES: `${companies} ${events}`,
        [`${companies.toUpperCase()}_PASSWORD`]: 'companies-secret',
        [`${events.toUpperCase()}_PASSWORD`]: 'events-secret',
      },
    });
  });

  afterAll(async () => {
    for (const name of [companies, events]) {
      await asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await asAdmin(`DROP ROLE IF EXISTS "${name}"`);
    }
  });

  it("refuses the companies service's role at the door of the events database", async () => {
    // What the script prevents: a database made the default way is open to every role (PUBLIC).
    const plain = uniqueName('globac_test_plain');
    await asAdmin(`CREATE DATABASE "${plain}"`);
    try {
      await expect(asRole(companies, plain, (c) => c.query('SELECT 1 AS one'))).resolves.toMatchObject({ rows: [{ one: 1 }] });
    } finally {
      await asAdmin(`DROP DATABASE "${plain}" WITH (FORCE)`);
    }
    await expect(asRole(companies, events, (c) => c.query('SELECT 1'))).rejects.toMatchObject({
      code: '42501',
      message: expect.stringMatching(/permission denied for database/),
    });
  });

  it('lets each role own and use its own database, migrations included', async () => {
    await asRole(companies, companies, async (c) => {
      await c.query('CREATE EXTENSION IF NOT EXISTS pg_trgm'); // a trusted extension, as the companies migrations need
      await c.query('CREATE TABLE secrets (value text)');
      await c.query("INSERT INTO secrets VALUES ('of companies')");
    });
    const owner = await asAdmin(`SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = '${companies}'`);
    expect(owner.rows).toEqual([{ owner: companies }]);
  });

  it('gives the roles no power over the server: no superuser, no new databases or roles', async () => {
    const roles = await asAdmin(
      `SELECT rolname, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname IN ('${companies}', '${events}') ORDER BY rolname`,
    );
    expect(roles.rows).toEqual([
      { rolname: companies, rolsuper: false, rolcreatedb: false, rolcreaterole: false },
      { rolname: events, rolsuper: false, rolcreatedb: false, rolcreaterole: false },
    ].sort((a, b) => a.rolname.localeCompare(b.rolname)));
    await expect(asRole(events, events, (c) => c.query(`CREATE DATABASE "${events}_more"`))).rejects.toMatchObject({ code: '42501' });
  });

  it('starts a service on its own role: the database is there, so it is not created again', async () => {
    const server = new URL(testInfrastructure.postgresUrl);
    server.username = companies;
    await expect(ensureDatabase(server.toString().replace(/\/$/, ''), companies)).resolves.toBeUndefined();
  });

  it('is safe to run again, and keeps the roles apart', async () => {
    const server = new URL(testInfrastructure.postgresUrl);
    await promisify(execFile)('sh', [SCRIPT], {
      env: {
        PATH: process.env.PATH,
        PGHOST: server.hostname,
        PGPORT: server.port || '5432',
        POSTGRES_USER: decodeURIComponent(server.username),
        SERVICE_DATABASES: companies,
        [`${companies.toUpperCase()}_PASSWORD`]: 'companies-secret',
      },
    });
    await expect(asRole(events, companies, (c) => c.query('SELECT value FROM secrets'))).rejects.toMatchObject({ code: '42501' });
  });
});
