import { Module } from '@nestjs/common';
import { ReferenceDataController } from './reference-data.controller';

/** Read-only vocabularies: target regions abroad, municipalities and counties. */
@Module({ controllers: [ReferenceDataController] })
export class ReferenceDataModule {}
