import { PageQueryDto } from '@globac/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class ListContactsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "The company's contacts; a company user sees only its own company's" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  companyId?: string;

  @ApiPropertyOptional({ description: 'Text in the name or e-mail address' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  q?: string;

  @ApiPropertyOptional({ description: 'Only those who agreed (true) or did not agree (false) to be contacted' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  consentToContact?: boolean;
}
