import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { trim, trimEach } from '../../request-fields';

export class AddExhibitorDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  companyId: string;

  @ApiProperty({ example: ['Västerbottensost'], description: 'Product names (1 to 50)' })
  @Transform(trimEach)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  products: string[];

  @ApiPropertyOptional({ type: String, example: 'Hall 4, B12', nullable: true, description: 'The stand, if known' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  stand?: string | null;
}
