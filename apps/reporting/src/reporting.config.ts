import { ServiceConfig } from '@globac/config';

/** The reporting service's environment: the common variables, with this service's defaults. */
export class ReportingConfig extends ServiceConfig {
  override PORT = 3004;
  override DATABASE_NAME = 'globac_reporting';
  // Larger batches than the platform's default: each batch is a few multi-row statements plus their
  // locks, so fewer, larger transactions ingest a burst faster (bench:reporting).
  override MESSAGING_BATCH_SIZE = 500;
}
