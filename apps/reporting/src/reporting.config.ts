import { ServiceConfig } from '@globac/config';

/** The reporting service's environment: the common variables, with this service's defaults. */
export class ReportingConfig extends ServiceConfig {
  override PORT = 3004;
  override DATABASE_NAME = 'globac_reporting';
}
