import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { connectionWaitTimeout, type ConnectionWaitTimeout, databaseUrl, observedPg, onConnectionWaitTimeout } from '../src';

// As @globac/testing has it (which depends on this lib, so cannot be imported here).
const postgresUrl = process.env.POSTGRES_URL || 'postgres://postgres:postgres@127.0.0.1:5432';

/** The error a promise rejects with (fails the test if it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

// The errors pg-pool really raises, on the real Postgres: the recognizer and the metric's events are
// checked against those, not against messages copied into the test.
describe('the connection pool when no connection comes in time', () => {
  const pools: pg.Pool[] = [];
  const newPool = (config: pg.PoolConfig) => {
    const pool = new observedPg.Pool(config);
    pools.push(pool);
    return pool;
  };
  afterAll(() => Promise.all(pools.map((pool) => pool.end())));

  it('a caller waiting for a busy pool gets pg-pool\'s timeout, recognised as "pool" and reported once', async () => {
    const pool = newPool({ connectionString: databaseUrl(postgresUrl, 'postgres'), max: 1, connectionTimeoutMillis: 30_000 });
    const reported: ConnectionWaitTimeout[] = [];
    expect(onConnectionWaitTimeout(pool, (reason) => reported.push(reason))).toBe(true);
    const held = await pool.connect();
    // Opening that connection may take long on a loaded machine; the wait for the busy pool need not.
    // pg-pool reads the option at each connect.
    pool.options.connectionTimeoutMillis = 200;
    try {
      const error = await rejectionOf(pool.connect());
      expect(error).toBeInstanceOf(Error);
      expect(connectionWaitTimeout(error)).toBe('pool');
      // The callback form (the one TypeORM uses) is observed too.
      const viaCallback = await new Promise<Error | undefined>((resolve) => pool.connect((err) => resolve(err)));
      expect(connectionWaitTimeout(viaCallback)).toBe('pool');
      expect(reported).toEqual(['pool', 'pool']);
    } finally {
      held.release();
    }
    // Freed, the connection serves the next caller: nothing is left broken.
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    expect(reported).toHaveLength(2);
  });

  it('a connection that does not open in time is recognised as "connect"', async () => {
    // A server that accepts connections and never answers: Postgres too loaded to greet a client.
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const pool = newPool({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, max: 1, connectionTimeoutMillis: 200 });
      const reported: ConnectionWaitTimeout[] = [];
      onConnectionWaitTimeout(pool, (reason) => reported.push(reason));
      const error = await rejectionOf(pool.query('SELECT 1'));
      expect(connectionWaitTimeout(error)).toBe('connect');
      expect(reported).toEqual(['connect']);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('recognises nothing else: a query error, a refused connection, a plain error', async () => {
    const pool = newPool({ connectionString: databaseUrl(postgresUrl, 'postgres'), max: 1, connectionTimeoutMillis: 2000 });
    const syntax = await rejectionOf(pool.query('SELEC 1'));
    expect(connectionWaitTimeout(syntax)).toBeUndefined();
    // Port 1 on this machine refuses at once (ECONNREFUSED): the database is away, not busy.
    const refusing = newPool({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres', max: 1, connectionTimeoutMillis: 2000 });
    const refused = await rejectionOf(refusing.query('SELECT 1'));
    expect((refused as { code?: string }).code).toBe('ECONNREFUSED');
    expect(connectionWaitTimeout(refused)).toBeUndefined();
    expect(connectionWaitTimeout(new Error('timeout exceeded'))).toBeUndefined();
    expect(connectionWaitTimeout(undefined)).toBeUndefined();
    // As TypeORM or a caller may wrap it.
    expect(connectionWaitTimeout({ message: 'Query failed', driverError: new Error('timeout exceeded when trying to connect') })).toBe('pool');
    expect(connectionWaitTimeout(new Error('could not load', { cause: new Error('Connection terminated due to connection timeout') }))).toBe('connect');
    // A pool that is not one of ours cannot be observed, and says so.
    expect(onConnectionWaitTimeout({}, () => undefined)).toBe(false);
  });
});
