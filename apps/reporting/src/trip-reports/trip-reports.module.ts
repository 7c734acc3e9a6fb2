import { Module } from '@nestjs/common';
import { TripReportsController } from './trip-reports.controller';
import { TripReportsService } from './trip-reports.service';

/** GET /api/reports/trips/:tripId (the reports themselves are produced by the trips handler). */
@Module({ controllers: [TripReportsController], providers: [TripReportsService] })
export class TripReportsModule {}
