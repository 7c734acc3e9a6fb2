// The service as a process: what a bad environment and SIGTERM do to the real entry point.
import { deleteTestStreams, dropTestDatabase, eventually, freePort, spawnService, testInfrastructure, uniqueName } from '@globac/testing';

describe('companies service process', () => {
  it('stops at once with a message naming each bad variable', async () => {
    const proc = spawnService('companies', { PORT: 'abc', NATS_URL: 'localhost:4222' });
    expect(await proc.exited).toBe(78);
    expect(proc.output()).toContain('PORT: must be an integer port number (got "abc")');
    expect(proc.output()).toContain('NATS_URL: must be one or more comma-separated NATS URLs');
  });

  it('on SIGTERM finishes, closes its connections and exits 0', async () => {
    const database = uniqueName('globac_test_companies');
    const port = String(await freePort());
    const subjectPrefix = uniqueName('t');
    const proc = spawnService('companies', {
      PORT: port,
      HOST: '127.0.0.1',
      DATABASE_NAME: database,
      POSTGRES_URL: testInfrastructure.postgresUrl,
      NATS_URL: testInfrastructure.natsUrl,
      NATS_SUBJECT_PREFIX: subjectPrefix,
      NATS_STREAM_STORAGE: 'memory',
    });
    try {
      await eventually(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
        expect(res.status).toBe(200);
      }, { timeoutMs: 30_000, intervalMs: 100 });
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);
      expect(proc.output()).toMatch(/"msg":"SIGTERM received: stopping"[\s\S]*"msg":"stopped"/);
    } finally {
      proc.child.kill('SIGKILL');
      await Promise.all([dropTestDatabase(database), deleteTestStreams(subjectPrefix)]);
    }
  });
});
