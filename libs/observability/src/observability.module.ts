import { Global, Module } from '@nestjs/common';
import { HealthRegistry } from './health.registry';
import { MetricsService } from './metrics.service';

/** Metrics and health registries for one application instance. */
@Global()
@Module({
  providers: [MetricsService, HealthRegistry],
  exports: [MetricsService, HealthRegistry],
})
export class ObservabilityModule {}
