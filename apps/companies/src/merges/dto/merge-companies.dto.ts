import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CompanyDetailDto } from '../../companies/dto/company.dto';

export class MergeCompaniesDto {
  @ApiProperty({ format: 'uuid', description: 'The duplicate, merged into the company in the path (which survives)' })
  @IsUUID('all', { message: 'must be a UUID' })
  duplicateId: string;
}

export class MergeOutcomeDto {
  @ApiProperty({ type: 'integer', description: 'Contacts moved to the surviving company' })
  contactsMoved: number;

  @ApiProperty({ type: 'integer', isArray: true, description: 'Years of export figures moved (the surviving company had none for them)' })
  exportYearsMoved: number[];

  @ApiProperty({ type: 'integer', isArray: true, description: "Years both had figures for: the surviving company's stand; the duplicate's stay with it" })
  exportYearsKeptFromSurvivor: number[];

  @ApiProperty({ type: 'integer', description: 'Relationships moved to the surviving company' })
  relationshipsMoved: number;

  @ApiProperty({
    type: [String],
    description: 'Relationships ended (cause merge) because both companies had an open one with the same partner; the one further along was kept',
  })
  relationshipsEnded: string[];
}

export class MergeResultDto {
  @ApiProperty({ format: 'uuid' })
  mergedCompanyId: string;

  @ApiProperty({ format: 'date-time' })
  mergedAt: string;

  @ApiProperty({ type: CompanyDetailDto, description: 'The surviving company after the merge' })
  survivor: CompanyDetailDto;

  @ApiProperty({ type: MergeOutcomeDto })
  outcome: MergeOutcomeDto;
}
