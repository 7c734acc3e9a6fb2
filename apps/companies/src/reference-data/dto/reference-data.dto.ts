import { ApiProperty } from '@nestjs/swagger';

export class TargetRegionDto {
  @ApiProperty({ example: 'poznan', description: 'The code integration events and partners use' })
  code: string;

  @ApiProperty({ example: 'Poznań / Wielkopolska' })
  name: string;

  @ApiProperty({ example: 'PL' })
  countryCode: string;

  @ApiProperty()
  description: string;
}

export class PlacesDto {
  @ApiProperty({ type: [String], description: "Västerbotten's 15 municipalities" })
  municipalities: string[];

  @ApiProperty({ example: 'outside-county', description: 'The municipality value of a company outside Västerbotten' })
  outsideCounty: string;

  @ApiProperty({ type: [String], description: "Sweden's 21 counties, for companies outside Västerbotten" })
  counties: string[];
}
