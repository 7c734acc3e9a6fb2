import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';
import { trim } from '../../request-fields';

export class TravellerErasureDto {
  @ApiProperty({ type: String, format: 'email', maxLength: 254, example: 'anna@example.se', description: 'The address of a traveller given by name (any case)' })
  @Transform(trim)
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(254)
  email: string;
}

export class TravellerErasureResultDto {
  @ApiProperty({ type: 'integer', example: 2, description: 'Travellers whose name and address were erased' })
  erasedTravellers: number;
}
