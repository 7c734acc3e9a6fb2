import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsUUID, ValidateNested } from 'class-validator';
import { ParticipantDto } from './participant.dto';

export class CreateRegistrationDto {
  @ApiProperty({ format: 'uuid', description: 'The company the participant represents (a company user: their own)' })
  @IsUUID()
  companyId: string;

  @ApiProperty({ type: ParticipantDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ParticipantDto)
  participant: ParticipantDto;
}
