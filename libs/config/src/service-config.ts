import { DEFAULT_DEV_SECRET } from './development-key';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUrl, Matches, Max, Min, ValidateBy, ValidateIf } from 'class-validator';

const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The environment every service reads. A service extends it only to change defaults
 * (its port and database name) or to add its own variables. Each property is one environment
 * variable of the same name; see the configuration table in the README.
 */
// class-validator checks the decorator nearest the property first and, with stopAtFirstError, reports
// only that: so the type check sits there and "PORT=abc" is told it is not a number, not out of range.
export class ServiceConfig {
  @IsIn(['development', 'test', 'production'], { message: 'must be one of development, test, production' })
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsString()
  HOST = '0.0.0.0';

  @Transform(toNumber)
  @Min(0, { message: 'must be a port number from 0 to 65535' })
  @Max(65535, { message: 'must be a port number from 0 to 65535' })
  @IsInt({ message: 'must be an integer port number' })
  PORT = 3000;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /** The Postgres server, without a database name: each service uses its own DATABASE_NAME on it. */
  @Matches(/^postgres(ql)?:\/\/[^/\s]+\/?$/, {
    message: 'must be a Postgres server URL without a database, like postgres://user:password@host:5432',
  })
  POSTGRES_URL = 'postgres://postgres:postgres@127.0.0.1:5432';

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case Postgres identifier (a-z, 0-9, _)' })
  DATABASE_NAME = 'globac';

  @Transform(toNumber)
  @Min(1, { message: 'must be at least 1' })
  @Max(200, { message: 'must be at most 200' })
  @IsInt({ message: 'must be an integer' })
  DATABASE_POOL_SIZE = 10;

  /**
   * How long a request waits for a pooled connection (and for a new one to open) before it gives up:
   * an HTTP request then answers 503 SERVICE_UNAVAILABLE with Retry-After, a consumer retries later.
   */
  @Transform(toNumber)
  @Min(100, { message: 'must be at least 100 ms' })
  @Max(60_000, { message: 'must be at most 60000 ms' })
  @IsInt({ message: 'must be an integer number of milliseconds' })
  DATABASE_POOL_ACQUIRE_TIMEOUT_MS = 5000;

  /** Comma-separated NATS server URLs. */
  @Matches(/^(nats|tls|wss?):\/\/[^,\s]+(,(nats|tls|wss?):\/\/[^,\s]+)*$/, {
    message: 'must be one or more comma-separated NATS URLs, like nats://127.0.0.1:4222',
  })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** First token of every subject and of stream names; tests use their own to stay apart. */
  @Matches(/^[a-zA-Z][a-zA-Z0-9_-]*$/, { message: 'must be a single subject token (letters, digits, _ and -)' })
  NATS_SUBJECT_PREFIX = 'globac';

  @Transform(toNumber)
  @IsIn([1, 3, 5], { message: 'must be 1, 3 or 5' })
  NATS_STREAM_REPLICAS = 1;

  @IsIn(['file', 'memory'], { message: 'must be file or memory' })
  NATS_STREAM_STORAGE: 'file' | 'memory' = 'file';

  /** How long JetStream remembers a message id, dropping a second publish of it (an outbox relay retrying after a crash). */
  @Transform(toNumber)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(1000, { message: 'must be at least 1000 ms' })
  NATS_DUPLICATE_WINDOW_MS = 120_000;

  /** Maximum age of events in the streams; 0 keeps them forever (reporting rebuilds by replaying from the start). */
  @Transform(toNumber)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must not be negative (0 keeps events forever)' })
  NATS_STREAM_MAX_AGE_MS = 0;

  /** Deliveries of a message whose handler keeps failing before it goes to the dead letters. */
  @Transform(toNumber)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100, { message: 'must be at most 100' })
  MESSAGING_MAX_DELIVERIES = 5;

  /**
   * Failures of one message from contention (deadlocks, serialization failures, lock time-outs) before it
   * goes to the dead letters. Higher than MESSAGING_MAX_DELIVERIES: contention is usually gone on the next
   * try. An unreachable database never counts.
   */
  @Transform(toNumber)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1000, { message: 'must be at most 1000' })
  MESSAGING_MAX_CONTENTION_FAILURES = 20;

  /** How long JetStream waits for an ack before delivering a message again. */
  @Transform(toNumber)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(1000, { message: 'must be at least 1000 ms' })
  MESSAGING_ACK_WAIT_MS = 30_000;

  /** Most messages a consumer handles in one database transaction. */
  @Transform(toNumber)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1000, { message: 'must be at most 1000' })
  MESSAGING_BATCH_SIZE = 100;

  /** Delay before the first retry of a failed message; it doubles with each delivery. */
  @Transform(toNumber)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must not be negative' })
  MESSAGING_RETRY_DELAY_MS = 1000;

  /** Longest delay between retries of a failed message. */
  @Transform(toNumber)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must not be negative' })
  MESSAGING_RETRY_MAX_DELAY_MS = 60_000;

  /** How often the outbox relay looks for unpublished events when no notification wakes it. */
  @Transform(toNumber)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(10, { message: 'must be at least 10 ms' })
  OUTBOX_POLL_INTERVAL_MS = 1000;

  /** Most outbox rows the relay claims and publishes at once. */
  @Transform(toNumber)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(5000, { message: 'must be at most 5000' })
  OUTBOX_BATCH_SIZE = 500;

  /**
   * Publishes of one outbox row that something refused (no stream stores its subject, JetStream refused
   * it, only a non-JetStream responder answered) before the row is set aside as failed, for an admin to
   * retry. NATS being away does not count.
   */
  @Transform(toNumber)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be at least 1' })
  @Max(1000, { message: 'must be at most 1000' })
  OUTBOX_MAX_ATTEMPTS = 10;

  /** How long published outbox rows are kept (for inspection) before housekeeping deletes them. */
  @Transform(toNumber)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must not be negative' })
  OUTBOX_RETENTION_MS = 7 * 24 * 3600 * 1000;

  @IsIn(['dev', 'oidc'], { message: 'must be dev (local development key) or oidc' })
  @ValidateBy({
    name: 'oidcInProduction',
    validator: {
      validate: (value, args) => (args?.object as ServiceConfig).NODE_ENV !== 'production' || value === 'oidc',
      defaultMessage: () => 'must be oidc when NODE_ENV is production (the development key is public)',
    },
  })
  AUTH_MODE: 'dev' | 'oidc' = 'dev';

  @ValidateIf((c: ServiceConfig) => c.AUTH_MODE === 'oidc')
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'must be the OIDC issuer URL when AUTH_MODE is oidc' })
  AUTH_ISSUER = '';

  @ValidateIf((c: ServiceConfig) => c.AUTH_MODE === 'oidc')
  @IsString()
  @Matches(/\S/, { message: 'must name the token audience when AUTH_MODE is oidc' })
  AUTH_AUDIENCE = '';

  /** Optional: found through the issuer's discovery document when empty. */
  @ValidateIf((c: ServiceConfig) => c.AUTH_JWKS_URL !== '')
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'must be a URL' })
  AUTH_JWKS_URL = '';

  /** The local development signing key (HS256); only used when AUTH_MODE is dev. */
  @IsString()
  @Matches(/^.{32,}$/, { message: 'must be at least 32 characters' })
  AUTH_DEV_SECRET = DEFAULT_DEV_SECRET;

  @Transform(toNumber)
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be an integer' })
  RATE_LIMIT_MAX = 600;

  @Transform(toNumber)
  @Min(1000, { message: 'must be at least 1000 ms' })
  @IsInt({ message: 'must be an integer number of milliseconds' })
  RATE_LIMIT_WINDOW_MS = 60_000;

  /**
   * How many proxies in front of the service (the ingress) append the client's address to
   * X-Forwarded-For; 0 when clients connect directly. The address is what unauthenticated clients are
   * rate-limited by, so trusting more hops than there are lets a client choose its own.
   */
  @Transform(toNumber)
  @Min(0, { message: 'must not be negative' })
  @Max(10, { message: 'must be at most 10' })
  @IsInt({ message: 'must be an integer number of proxies' })
  TRUST_PROXY_HOPS = 0;

  @Transform(toNumber)
  @Min(0, { message: 'must not be negative' })
  @IsInt({ message: 'must be an integer number of milliseconds' })
  SHUTDOWN_TIMEOUT_MS = 10_000;
}
