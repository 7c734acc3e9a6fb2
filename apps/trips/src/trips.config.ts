import { ServiceConfig } from '@globac/config';

/** The trips service's environment: the common variables, with this service's defaults. */
export class TripsConfig extends ServiceConfig {
  override PORT = 3003;
  override DATABASE_NAME = 'globac_trips';
}
