import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNumber, IsPositive, Max, ValidateBy } from 'class-validator';
import { UnlessAbsent } from '../../request-fields';
import { MAX_HOURS } from '../attendance.rules';

/** hours only with attended: true; a no-show credits none. */
export const HoursOnlyWhenAttended = () =>
  ValidateBy({
    name: 'hoursOnlyWhenAttended',
    validator: {
      validate: (_value, args) => (args?.object as { attended?: unknown }).attended === true,
      defaultMessage: () => '$property is only for attended: true (a no-show is credited 0 hours)',
    },
  });

export class RecordAttendanceDto {
  @ApiProperty({ description: 'true: attended; false: a no-show' })
  @IsBoolean()
  attended: boolean;

  @ApiPropertyOptional({
    example: 3.5,
    minimum: 0,
    exclusiveMinimum: true,
    maximum: MAX_HOURS,
    description: `Hours credited (0 < hours ≤ ${MAX_HOURS}, two decimals); default: the event's length, at most ${MAX_HOURS}`,
  })
  @UnlessAbsent()
  @HoursOnlyWhenAttended()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(MAX_HOURS)
  hours?: number;
}
