import { startTestService, type TestService } from '@globac/testing';
import { AppModule } from '../src/app.module';
import { CompaniesConfig } from '../src/companies.config';

describe('companies service platform (real Postgres and NATS)', () => {
  let service: TestService<CompaniesConfig>;

  beforeAll(async () => {
    service = await startTestService({ service: 'companies', configClass: CompaniesConfig, createModule: (c) => AppModule.forRoot(c) });
  });
  afterAll(() => service?.close());

  it('is ready when its database answers', async () => {
    const res = await service.http().get('/health/ready').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
  });

  it('answers 401 in the common error shape without a token', async () => {
    const res = await service.http().get('/api/whoami').expect(401);
    expect(res.body).toEqual({ statusCode: 401, error: 'UNAUTHORIZED', message: 'A bearer token is required' });
  });

  it('knows the caller from a development token', async () => {
    const token = await service.token({ role: 'staff' });
    const res = await service.http().get('/api/whoami').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body).toEqual({ subject: 'dev-staff', roles: ['staff'] });
  });
});
