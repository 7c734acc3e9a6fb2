import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsUUID, ValidateNested } from 'class-validator';
import { TravellerDto } from './traveller.dto';

export class ApplyDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'The company applying (a company user: their own)' })
  @IsUUID()
  companyId: string;

  @ApiProperty({ type: TravellerDto, isArray: true, minItems: 1, maxItems: 20, description: 'Who would travel' })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TravellerDto)
  travellers: TravellerDto[];
}
