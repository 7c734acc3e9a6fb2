import { ServiceConfig } from '@globac/config';

/** The companies service's environment: the common variables, with this service's defaults. */
export class CompaniesConfig extends ServiceConfig {
  override PORT = 3001;
  override DATABASE_NAME = 'globac_companies';
}
