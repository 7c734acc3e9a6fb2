import { ServiceConfig } from '@globac/config';

/** The events service's environment: the common variables, with this service's defaults. */
export class EventsConfig extends ServiceConfig {
  override PORT = 3002;
  override DATABASE_NAME = 'globac_events';
}
