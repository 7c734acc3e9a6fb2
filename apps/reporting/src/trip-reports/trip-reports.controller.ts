import { Roles } from '@globac/auth';
import { UuidParam } from '@globac/http';
import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { reportFile } from '../report-download';
import { reportFileName, writeTripReport } from '../report-files';
import { TripReportDto, TripReportQueryDto } from './dto/trip-report.dto';
import { TripReportsService } from './trip-reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/trips')
export class TripReportsController {
  constructor(private readonly tripReports: TripReportsService) {}

  @Get(':tripId')
  @Roles('financier', 'staff')
  @ApiOperation({
    summary: 'A trip\'s report',
    description:
      'Produced when the trip\'s completion arrived, and again for each correction (the latest by default): destinations, travelling ' +
      'companies with their subsidy, meetings and their outcomes. `format=pdf|csv|xlsx` downloads it.',
  })
  @ApiParam({ name: 'tripId', format: 'uuid' })
  @ApiProduces('application/json', 'application/pdf', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ type: TripReportDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN' })
  @ApiNotFoundResponse({ description: 'TRIP_REPORT_NOT_FOUND: the trip has not been completed (or no such revision)' })
  async get(@UuidParam('tripId') tripId: string, @Query() query: TripReportQueryDto): Promise<TripReportDto | StreamableFile> {
    const report = await this.tripReports.get(tripId, query.revision);
    if (!query.format) return report;
    const format = query.format;
    return reportFile(format, reportFileName('trip', { from: report.startsOn, to: report.endsOn, id: tripId }, format), (out) => writeTripReport(out, format, report));
  }
}
