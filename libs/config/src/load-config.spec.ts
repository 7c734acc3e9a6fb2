import { ConfigValidationError, loadConfig } from './load-config';
import { ServiceConfig } from './service-config';

class CompaniesLikeConfig extends ServiceConfig {
  override PORT = 3001;
  override DATABASE_NAME = 'globac_companies';
}

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(CompaniesLikeConfig, env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('uses the class defaults when nothing is set', () => {
    const config = loadConfig(CompaniesLikeConfig, {});
    expect(config).toMatchObject({ PORT: 3001, DATABASE_NAME: 'globac_companies', NATS_URL: 'nats://127.0.0.1:4222', AUTH_MODE: 'dev' });
  });

  it('reads and converts environment values', () => {
    const config = loadConfig(CompaniesLikeConfig, { PORT: '8080', DATABASE_POOL_SIZE: '25', NATS_URL: 'nats://a:4222,nats://b:4222' });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_POOL_SIZE).toBe(25);
  });

  it('bounds the wait for a pooled connection: long enough to mean something, short enough to answer', () => {
    expect(loadConfig(CompaniesLikeConfig, {}).DATABASE_POOL_ACQUIRE_TIMEOUT_MS).toBe(5000);
    expect(loadConfig(CompaniesLikeConfig, { DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '250' }).DATABASE_POOL_ACQUIRE_TIMEOUT_MS).toBe(250);
    expect(problems({ DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '0' })).toEqual(['DATABASE_POOL_ACQUIRE_TIMEOUT_MS: must be at least 100 ms (got 0)']);
    expect(problems({ DATABASE_POOL_ACQUIRE_TIMEOUT_MS: 'soon' })).toEqual(['DATABASE_POOL_ACQUIRE_TIMEOUT_MS: must be an integer number of milliseconds (got "soon")']);
  });

  it('names the variable, what it expects and what it got', () => {
    expect(problems({ PORT: 'abc' })).toEqual(['PORT: must be an integer port number (got "abc")']);
  });

  it('lists every bad variable at once', () => {
    const found = problems({ PORT: '70000', LOG_LEVEL: 'loud', POSTGRES_URL: 'mysql://x', NATS_URL: 'localhost:4222' });
    expect(found.map((p) => p.split(':')[0])).toEqual(['PORT', 'LOG_LEVEL', 'POSTGRES_URL', 'NATS_URL']);
  });

  it('refuses a database URL that names a database (each service has its own DATABASE_NAME)', () => {
    expect(problems({ POSTGRES_URL: 'postgres://u@h:5432/globac' })[0]).toMatch(/^POSTGRES_URL: must be a Postgres server URL/);
  });

  it('refuses the development key in production and needs an issuer and audience for OIDC', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'AUTH_MODE: must be oidc when NODE_ENV is production (the development key is public) (got "dev")',
    ]);
    const oidc = problems({ NODE_ENV: 'production', AUTH_MODE: 'oidc' }).map((p) => p.split(':')[0]);
    expect(oidc).toEqual(['AUTH_ISSUER', 'AUTH_AUDIENCE']);
    const ok = loadConfig(CompaniesLikeConfig, {
      NODE_ENV: 'production',
      AUTH_MODE: 'oidc',
      AUTH_ISSUER: 'https://login.example.org/realms/globac',
      AUTH_AUDIENCE: 'globac-api',
    });
    expect(ok.AUTH_MODE).toBe('oidc');
  });
});
