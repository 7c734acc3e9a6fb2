import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO31661Alpha2, IsString, Length } from 'class-validator';
import { toUpperCase, trim } from '../../request-fields';


export class LocationDto {
  @ApiProperty({ example: 'Milano', maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  city: string;

  @ApiProperty({ example: 'IT', description: 'ISO 3166-1 alpha-2' })
  @Transform(toUpperCase)
  @IsISO31661Alpha2({ message: '$property must be an ISO 3166-1 alpha-2 country code, like SE' })
  country: string;
}
