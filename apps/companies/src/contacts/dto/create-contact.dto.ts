import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { CONTACT_GENDERS, type ContactGender } from '../contact.entity';
import { PHONE, PHONE_MESSAGE, trim } from './contact-fields';

export class CreateContactDto {
  @ApiProperty({ example: 'Anna Lindqvist', maxLength: 200 })
  @Transform(trim)
  @IsString({ message: 'must be a string' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name: string;

  @ApiPropertyOptional({ example: 'anna.lindqvist@norrskog.example' })
  @IsOptional()
  @Transform(trim)
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional({ example: '+46 90 123 45 67' })
  @IsOptional()
  @Transform(trim)
  @Matches(PHONE, PHONE_MESSAGE)
  phone?: string;

  @ApiPropertyOptional({ example: 'Export manager', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be a string' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  role?: string;

  @ApiPropertyOptional({ enum: CONTACT_GENDERS, default: 'undisclosed', description: 'As the person describes it; funders ask for counts by gender' })
  @IsOptional()
  @IsIn(CONTACT_GENDERS, { message: `must be one of ${CONTACT_GENDERS.join(', ')}` })
  gender?: ContactGender;

  @ApiPropertyOptional({ default: false, description: 'The person agreed to be contacted by the programme' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  consentToContact?: boolean;
}
