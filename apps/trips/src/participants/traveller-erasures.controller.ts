import { Roles } from '@globac/auth';
import { ApiTag } from '@globac/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { TravellerErasureDto, TravellerErasureResultDto } from './dto/traveller-erasure.dto';

/**
 * Erasure of travellers given by name, whose personal data only this service holds (a contact of the
 * companies service is erased there, and reaches here as ContactErased). Under /trips so that the
 * Ingress sends it here with the rest of the trips API.
 */
@ApiTag('trip participants', "Companies applying for trips, staff's decisions, withdrawals, and the travellers of each company")
@ApiBearerAuth()
@Controller('trips/traveller-erasures')
export class TravellerErasuresController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({
    summary: 'Erase the name and address of a traveller given by name, on every trip (GDPR)',
    description: 'What remains is what reports need: the company, the trip, its status, the traveller\'s gender.',
  })
  @ApiOkResponse({ type: TravellerErasureResultDto })
  async erase(@Body() dto: TravellerErasureDto): Promise<TravellerErasureResultDto> {
    const [, erased] = (await this.dataSource.query(
      'UPDATE trip_traveller SET name = NULL, email = NULL, personal_data_erased_at = now() WHERE lower(email) = lower($1)',
      [dto.email],
    )) as [unknown, number];
    return { erasedTravellers: erased };
  }
}
