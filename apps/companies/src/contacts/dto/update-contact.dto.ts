import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { CONTACT_GENDERS, type ContactGender } from '../contact.entity';
import { PHONE, PHONE_MESSAGE, trim } from './contact-fields';

const present = (_object: object, value: unknown) => value !== undefined;

/** Only the fields to change (GDPR art. 16, rectification); null clears an optional one. */
export class UpdateContactDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @ValidateIf(present)
  @Transform(trim)
  @IsString({ message: 'must be a string' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Transform(trim)
  @Matches(PHONE, PHONE_MESSAGE)
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be a string' })
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  role?: string | null;

  @ApiPropertyOptional({ enum: CONTACT_GENDERS })
  @ValidateIf(present)
  @IsIn(CONTACT_GENDERS, { message: `must be one of ${CONTACT_GENDERS.join(', ')}` })
  gender?: ContactGender;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsBoolean({ message: 'must be true or false' })
  consentToContact?: boolean;
}
