import { Module } from '@nestjs/common';
import { PartnerDirectoryHandler } from './partner-directory.handler';

/** The copy of the companies service's partners, as far as its relationship events name them. */
@Module({ controllers: [PartnerDirectoryHandler] })
export class PartnerDirectoryModule {}
