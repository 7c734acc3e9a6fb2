import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trim, UnlessAbsent } from '../../request-fields';

/** The fields to change; a ring's kind is fixed. */
export class UpdateExportRingDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @UnlessAbsent()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @UnlessAbsent()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  city?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @UnlessAbsent()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  facilitator?: string;
}
