import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { RegistrationDto } from '../../registrations/dto/registration.dto';
import { RecordAttendanceDto } from './record-attendance.dto';

export const MAX_BULK_ENTRIES = 1000;

export class AttendanceEntryDto extends RecordAttendanceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  registrationId: string;
}

export class BulkAttendanceDto {
  @ApiProperty({ type: AttendanceEntryDto, isArray: true, maxItems: MAX_BULK_ENTRIES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries: AttendanceEntryDto[];
}

export class BulkAttendanceResultDto {
  @ApiProperty({ type: RegistrationDto, isArray: true, description: 'The registrations, in the order of the entries' })
  registrations: RegistrationDto[];
}
