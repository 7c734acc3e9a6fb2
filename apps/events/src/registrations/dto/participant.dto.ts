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
        const name = (args?.object as ParticipantDto).name;
        if (!given(value)) return given(name);
        return !given(name) && isUUID(value);
      },
      defaultMessage: (args) => {
        const name = (args?.object as ParticipantDto).name;
        if (!given(args?.value)) return '$property is required unless the participant is given by name';
        if (given(name)) return 'give either $property (a contact of the companies service) or name, not both';
        return '$property must be a UUID';
      },
    },
  });

const OnlyForNamedParticipant = () =>
  ValidateBy({
    name: 'onlyForNamedParticipant',
    validator: {
      validate: (_value, args) => !given((args?.object as ParticipantDto).contactId),
      defaultMessage: () => '$property is only for a participant given by name (a contact\'s address is kept by the companies service)',
    },
  });

/**
 * The person who takes part: a contact of the companies service (`{ contactId }`), or someone given by
 * name (`{ name, email?, gender? }`), whose personal data only this service keeps.
 */
export class ParticipantDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A contact of the companies service; or give name instead' })
  @ContactOrName()
  contactId?: string;

  @ApiPropertyOptional({ example: 'Anna Lindqvist', maxLength: 200, description: 'For a participant who is not a contact' })
  @ValidateIf((o: ParticipantDto) => o.name !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: String, format: 'email', nullable: true, example: 'anna@example.se', description: 'For a participant given by name; one registration per address and event' })
  @IsOptional()
  @OnlyForNamedParticipant()
  @Transform(trim)
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ enum: GENDERS, default: 'undisclosed', description: 'As funders ask for it; reported, never with the name' })
  @IsOptional()
  @IsIn(GENDERS, { message: `$property must be one of ${GENDERS.join(', ')}` })
  gender?: Gender;
}
