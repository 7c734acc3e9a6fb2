import { GENDERS, type Gender } from '@globac/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, isUUID, Length, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { trim } from '../../request-fields';

const given = (value: unknown) => value !== undefined && value !== null;

/** contactId or name, one of the two; contactId a UUID. One rule, so that one mistake gives one message. */
const ContactOrName = () =>
  ValidateBy({
    name: 'contactOrName',
    validator: {
      validate: (value, args) => {
        const name = (args?.object as TravellerDto).name;
        if (!given(value)) return given(name);
        return !given(name) && isUUID(value);
      },
      defaultMessage: (args) => {
        const name = (args?.object as TravellerDto).name;
        if (!given(args?.value)) return '$property is required unless the traveller is given by name';
        if (given(name)) return 'give either $property (a contact of the companies service) or name, not both';
        return '$property must be a UUID';
      },
    },
  });

const OnlyForNamedTraveller = () =>
  ValidateBy({
    name: 'onlyForNamedTraveller',
    validator: {
      validate: (_value, args) => !given((args?.object as TravellerDto).contactId),
      defaultMessage: () => '$property is only for a traveller given by name (a contact\'s address is kept by the companies service)',
    },
  });

/** A person travelling: a contact of the companies service (`{ contactId }`) or someone given by name. */
export class TravellerDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A contact of the companies service; or give name instead (absent or null)' })
  @ContactOrName()
  contactId?: string | null;

  @ApiPropertyOptional({ type: String, example: 'Anna Lindqvist', maxLength: 200 })
  @ValidateIf((o: TravellerDto) => o.name !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: String, format: 'email', nullable: true, maxLength: 254, example: 'anna@example.se', description: 'For a traveller given by name' })
  @IsOptional()
  @OnlyForNamedTraveller()
  @Transform(trim)
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, enum: GENDERS, nullable: true, default: 'undisclosed', description: 'Absent or null: undisclosed' })
  @IsOptional()
  @IsIn(GENDERS, { message: `$property must be one of ${GENDERS.join(', ')}` })
  gender?: Gender | null;
}
