import { ServiceConfig } from '@globac/config';
import { HealthRegistry, MetricsService } from '@globac/observability';
import { type DynamicModule, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { onConnectionWaitTimeout } from './connection-pool';
import { dataSourceOptions, type ServiceDataSourceParts } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { runMigrationsLocked } from './run-migrations';

/** The service's own Postgres database: created if missing, migrated on start, reported in readiness. */
@Module({})
export class DatabaseModule implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
    private readonly metrics: MetricsService,
  ) {}

  static forService(parts: ServiceDataSourceParts): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ServiceConfig],
          useFactory: async (config: ServiceConfig) => {
            await ensureDatabase(config.POSTGRES_URL, config.DATABASE_NAME);
            return dataSourceOptions(config, parts);
          },
          dataSourceFactory: async (options) => {
            const logger = new Logger('Database');
            const dataSource = await new DataSource(options!).initialize();
            const applied = await runMigrationsLocked(dataSource);
            if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
            return dataSource;
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }

  onModuleInit() {
    this.measurePool();
    this.health.register('database', {
      critical: true,
      check: async () => {
        await this.dataSource.query('SELECT 1');
        return { status: 'up' };
      },
    });
  }

  /**
   * The pool in the metrics: connections busy and idle, callers waiting, and callers that gave up
   * waiting (`DATABASE_POOL_ACQUIRE_TIMEOUT_MS`; an HTTP request then answered 503), by reason.
   */
  private measurePool() {
    // TypeORM's Postgres driver keeps its pg Pool as `master` (not exported as a type from the package root).
    const pool = (this.dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
    if (!pool) return;
    const timeouts = this.metrics.counter(
      'db_pool_wait_timeouts_total',
      'Callers that gave up waiting for a database connection: pool (every connection busy) or connect (a new one did not open in time).',
      ['reason'],
    );
    // Zero from the start, so that a rate over the series has a beginning.
    timeouts.inc({ reason: 'pool' }, 0);
    timeouts.inc({ reason: 'connect' }, 0);
    onConnectionWaitTimeout(pool, (reason) => timeouts.inc({ reason }));
    this.metrics.gauge('db_pool_connections', 'Connections of the database pool, by state (busy or idle).', ['state'], function () {
      this.set({ state: 'busy' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
    });
    this.metrics.gauge('db_pool_waiting', 'Callers waiting for a database connection from the pool.', [], function () {
      this.set(pool.waitingCount);
    });
  }
}
