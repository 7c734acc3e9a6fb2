import { AuthModule } from '@globac/auth';
import { ServiceConfig } from '@globac/config';
import { ObservabilityModule } from '@globac/observability';
import { type DynamicModule, Module } from '@nestjs/common';
import { HealthController } from '../health/health.controller';

/** What every service has: its validated config, auth, metrics, health and readiness. */
@Module({})
export class PlatformModule {
  static forService<C extends ServiceConfig>(configClass: abstract new () => C, config: C): DynamicModule {
    // Libs inject ServiceConfig; the service's own code injects its subclass. Both are the same object.
    const configProviders = [...new Set<abstract new () => ServiceConfig>([ServiceConfig, configClass])].map((token) => ({
      provide: token,
      useValue: config,
    }));
    return {
      module: PlatformModule,
      global: true,
      imports: [
        ObservabilityModule,
        AuthModule.forRoot({
          mode: config.AUTH_MODE,
          devSecret: config.AUTH_DEV_SECRET,
          issuer: config.AUTH_ISSUER,
          audience: config.AUTH_AUDIENCE,
          jwksUrl: config.AUTH_JWKS_URL,
        }),
      ],
      controllers: [HealthController],
      providers: configProviders,
      exports: [...configProviders.map((p) => p.provide), ObservabilityModule],
    };
  }
}
