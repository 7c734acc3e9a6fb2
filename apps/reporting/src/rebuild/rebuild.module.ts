import { Module } from '@nestjs/common';
import { RebuildController } from './rebuild.controller';
import { RebuildService } from './rebuild.service';

/** POST /api/reports/rebuild. */
@Module({ controllers: [RebuildController], providers: [RebuildService] })
export class RebuildModule {}
