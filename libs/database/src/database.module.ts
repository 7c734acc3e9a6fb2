import { ServiceConfig } from '@globac/config';
import { HealthRegistry } from '@globac/observability';
import { type DynamicModule, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type ServiceDataSourceParts } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { runMigrationsLocked } from './run-migrations';

/** The service's own Postgres database: created if missing, migrated on start, reported in readiness. */
@Module({})
export class DatabaseModule implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
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
    this.health.register('database', {
      critical: true,
      check: async () => {
        await this.dataSource.query('SELECT 1');
        return { status: 'up' };
      },
    });
  }
}
