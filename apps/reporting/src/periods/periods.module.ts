import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { PeriodsController } from './periods.controller';
import { PeriodsService } from './periods.service';

/** Frozen periods (POST/GET /api/reports/periods). */
@Module({ imports: [IndicatorsModule], controllers: [PeriodsController], providers: [PeriodsService] })
export class PeriodsModule {}
