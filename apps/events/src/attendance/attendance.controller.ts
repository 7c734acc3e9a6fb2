import { Roles } from '@globac/auth';
import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegistrationDto } from '../registrations/dto/registration.dto';
import { AttendanceService } from './attendance.service';
import { BulkAttendanceDto, BulkAttendanceResultDto } from './dto/bulk-attendance.dto';
import { RecordAttendanceDto } from './dto/record-attendance.dto';

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('events/:eventId')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Put('registrations/:registrationId/attendance')
  @Roles('staff')
  @ApiOperation({
    summary: 'Take or correct one participant\'s attendance',
    description: 'The first mark is reported as ParticipantAttended, each later change as AttendanceCorrected; the same mark again changes nothing.',
  })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiConflictResponse({ description: 'EVENT_NOT_STARTED, EVENT_CANCELLED, NOT_REGISTERED (waitlisted or cancelled)' })
  record(
    @Param('eventId', ParseUUIDPipe) eventId: string,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
    @Body() dto: RecordAttendanceDto,
  ): Promise<RegistrationDto> {
    return this.attendance.record(eventId, registrationId, dto);
  }

  @Put('attendance')
  @Roles('staff')
  @ApiOperation({ summary: 'Check in a list of participants', description: 'All entries or none: a bad entry fails the whole list with 400 naming each bad entry.' })
  @ApiOkResponse({ type: BulkAttendanceResultDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with details per entry, e.g. entries.3.registrationId' })
  async recordMany(@Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: BulkAttendanceDto): Promise<BulkAttendanceResultDto> {
    return { registrations: await this.attendance.recordMany(eventId, dto) };
  }
}
