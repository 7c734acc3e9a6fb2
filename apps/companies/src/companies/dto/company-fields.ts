import { CASE_INSENSITIVE } from '@globac/http';
import { ApiProperty } from '@nestjs/swagger';
import { MUNICIPALITY_INPUTS, OUTSIDE_COUNTY, SWEDISH_COUNTIES } from '../../reference-data/municipality.rules';

/** What create and update share about the fields of a company: their OpenAPI descriptions and limits. */
export const COMPANY_FIELD_DOCS = {
  orgNumber: {
    description: "Swedish organisation number of a legal entity, as NNNNNN-NNNN or NNNNNNNNNN; stored and returned as NNNNNN-NNNN",
    example: '556036-0793',
  },
  name: { description: 'Registered company name', example: 'Norrskog Trä AB', minLength: 1, maxLength: 200 },
  municipality: {
    description:
      `One of Västerbotten's 15 municipalities, or \`${OUTSIDE_COUNTY}\` (then \`county\` is required). Any letter case is ` +
      'accepted (`umeå`, `UMEÅ`); answers always spell it as listed here.',
    enum: MUNICIPALITY_INPUTS,
    ...CASE_INSENSITIVE,
    example: 'Skellefteå',
  },
  county: {
    description:
      'The Swedish county of a company outside Västerbotten; for a company in the county, Västerbotten or left out. Any letter ' +
      'case is accepted; answers spell it as listed here.',
    enum: SWEDISH_COUNTIES,
    ...CASE_INSENSITIVE,
    example: 'Norrbotten',
  },
  sniCode: { description: 'Main industry as an SNI 2007 code (2 to 5 digits, dotted after the division)', example: '16.100' },
  employees: { description: 'Number of employees; decides the EU SME size class', minimum: 0, maximum: 1_000_000, example: 24 },
  website: { description: 'http(s) URL of the company website', example: 'https://norrskog.example', maxLength: 300 },
  description: { description: 'What the company does, in a few sentences (kept in this service; never published in events)', maxLength: 4000 },
} satisfies Record<string, Parameters<typeof ApiProperty>[0]>;

export const SNI_CODE = /^\d{2}(\.\d{1,3})?$/;
export const SNI_CODE_MESSAGE = 'must be an SNI 2007 code like 46 or 46.690 (2 to 5 digits, a dot after the first two)';
export const WEBSITE_OPTIONS = { require_protocol: true, protocols: ['http', 'https'] };
