import { Module } from '@nestjs/common';
import { CompanyActivitiesController } from './company-activities.controller';
import { CompanyActivitiesService } from './company-activities.service';

/** A company's participation history (GET /api/reports/companies/:id/activities). */
@Module({ controllers: [CompanyActivitiesController], providers: [CompanyActivitiesService] })
export class CompanyActivitiesModule {}
