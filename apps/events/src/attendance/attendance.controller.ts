import { ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import { EVENT_CANCELLED, EVENT_NOT_FOUND, EVENT_NOT_STARTED, NOT_REGISTERED, REGISTRATION_NOT_FOUND } from '../api-errors';
import { Roles } from '@globac/auth';
import { Body, Controller, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { RegistrationDto } from '../registrations/dto/registration.dto';
import { AttendanceService } from './attendance.service';
import { BulkAttendanceDto, BulkAttendanceResultDto } from './dto/bulk-attendance.dto';
import { RecordAttendanceDto } from './dto/record-attendance.dto';

@ApiTag('attendance', 'Who came to a programme event, and for how many hours')
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
  @ApiErrorResponse(EVENT_NOT_FOUND, REGISTRATION_NOT_FOUND, EVENT_NOT_STARTED, EVENT_CANCELLED, NOT_REGISTERED)
  record(
    @UuidParam('eventId') eventId: string,
    @UuidParam('registrationId') registrationId: string,
    @Body() dto: RecordAttendanceDto,
  ): Promise<RegistrationDto> {
    return this.attendance.record(eventId, registrationId, dto);
  }

  @Put('attendance')
  @Roles('staff')
  @ApiOperation({ summary: 'Check in a list of participants', description: 'All entries or none: a bad entry fails the whole list with 400 VALIDATION_FAILED naming each bad entry (e.g. entries.3.registrationId).' })
  @ApiOkResponse({ type: BulkAttendanceResultDto })
  @ApiErrorResponse(EVENT_NOT_FOUND, EVENT_NOT_STARTED, EVENT_CANCELLED)
  async recordMany(@UuidParam('eventId') eventId: string, @Body() dto: BulkAttendanceDto): Promise<BulkAttendanceResultDto> {
    return { registrations: await this.attendance.recordMany(eventId, dto) };
  }
}
