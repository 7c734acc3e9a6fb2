import { Roles } from '@globac/auth';
import { ApiErrorResponse, ApiTag, UuidParam } from '@globac/http';
import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { TRIP_REPORT_NOT_FOUND } from '../api-errors';
import { ApiReportOkResponse, reportFile } from '../report-download';
import { reportFileName, writeTripReport } from '../report-files';
import { TripReportDto, TripReportQueryDto } from './dto/trip-report.dto';
import { TripReportsService } from './trip-reports.service';

@ApiTag('trip reports', "Each completed trip's report (and one per correction): destinations, travelling companies with their subsidy, meetings; as JSON or a file")
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
  @ApiReportOkResponse(TripReportDto, 'The trip report')
  @ApiErrorResponse(TRIP_REPORT_NOT_FOUND)
  async get(@UuidParam('tripId') tripId: string, @Query() query: TripReportQueryDto): Promise<TripReportDto | StreamableFile> {
    const report = await this.tripReports.get(tripId, query.revision);
    if (!query.format) return report;
    const format = query.format;
    return reportFile(format, reportFileName('trip', { from: report.startsOn, to: report.endsOn, id: tripId }, format), (out) => writeTripReport(out, format, report));
  }
}
