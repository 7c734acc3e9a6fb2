import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';
import { trim } from '../../request-fields';

export class ParticipantErasureDto {
  @ApiProperty({ example: 'anna@example.se', description: 'The address of a participant given by name (any case)' })
  @Transform(trim)
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(254)
  email: string;
}

export class ParticipantErasureResultDto {
  @ApiProperty({ type: 'integer', example: 3, description: 'Registrations whose name and address were erased' })
  erasedRegistrations: number;
}
