import { Roles } from '@globac/auth';
import { ApiTag } from '@globac/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ParticipantErasureDto, ParticipantErasureResultDto } from './dto/participant-erasure.dto';

/**
 * Erasure of participants given by name, whose personal data only this service holds (a contact of the
 * companies service is erased there, and reaches here as ContactErased).
 */
@ApiTag('registrations', 'Participants of companies registered for programme events, with waitlists in order')
@ApiBearerAuth()
@Controller('participant-erasures')
export class ParticipantErasuresController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({
    summary: 'Erase the name and address of a participant given by name, at every event (GDPR)',
    description: 'What remains of the registrations is what reports need: company, event, status, attendance, hours, gender.',
  })
  @ApiOkResponse({ type: ParticipantErasureResultDto })
  async erase(@Body() dto: ParticipantErasureDto): Promise<ParticipantErasureResultDto> {
    const [, erased] = (await this.dataSource.query(
      'UPDATE registration SET name = NULL, email = NULL, personal_data_erased_at = now() WHERE lower(email) = lower($1)',
      [dto.email],
    )) as [unknown, number];
    return { erasedRegistrations: erased };
  }
}
