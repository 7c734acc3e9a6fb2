import { IsInstant } from '@globac/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO31661Alpha2, IsOptional, IsString, IsUUID, Length, ValidateIf, ValidateNested } from 'class-validator';
import { toUpperCase, trim } from '../../request-fields';
import { TARGET_REGIONS } from '../../target-regions';

/** A partner the companies service does not know yet, in its own shape: it registers it from PartnerMeetingHeld. */
export class NamedPartnerDto {
  @ApiProperty({ type: String, example: 'Wielkopolska Food Import Sp. z o.o.', maxLength: 200, description: 'An organisation, never a person' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ type: String, example: 'PL', description: 'ISO 3166-1 alpha-2, not SE (any letter case; answers are upper-case)' })
  @Transform(toUpperCase)
  @IsISO31661Alpha2({ message: '$property must be an ISO 3166-1 alpha-2 country code, like PL' })
  countryCode: string;

  @ApiPropertyOptional({ type: String, enum: TARGET_REGIONS, nullable: true, example: 'poznan' })
  @IsOptional()
  @IsIn(TARGET_REGIONS, { message: `$property must be one of ${TARGET_REGIONS.join(', ')}` })
  targetRegion?: string | null;
}

export class CreateMeetingDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'An accepted participant\'s company' })
  @IsUUID()
  companyId: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'A partner known to the companies service; or give partner instead' })
  @ValidateIf((o: CreateMeetingDto) => o.partnerId !== undefined || o.partner === undefined)
  @IsUUID(undefined, { message: '$property must be a UUID (or give partner: { name, countryCode, targetRegion? } instead)' })
  partnerId?: string;

  @ApiPropertyOptional({ type: NamedPartnerDto, description: 'A partner given by name, when its id is not known' })
  @ValidateIf((o: CreateMeetingDto) => o.partner !== undefined)
  @IsDefined()
  @ValidateNested()
  @Type(() => NamedPartnerDto)
  partner?: NamedPartnerDto;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-05-05T10:00:00+02:00', description: 'During the trip' })
  @IsInstant()
  at: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'MTP Poznań, hall 5', maxLength: 200, description: 'Absent or null: not given' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  place?: string | null;
}
