// Talking to NATS from the events service's tests: publishing the companies service's events on the
// test's subject prefix.
import type { EventClass, IntegrationEventEnvelope } from '@globac/contracts';
import { publishTestEvent, type TestPublishOptions, testInfrastructure } from '@globac/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';

/** Fast retries and outbox polling, so that tests of asynchronous effects finish in seconds. */
export const FAST_MESSAGING = {
  MESSAGING_RETRY_DELAY_MS: '50',
  MESSAGING_RETRY_MAX_DELAY_MS: '200',
  OUTBOX_POLL_INTERVAL_MS: '200',
};

export class TestNats {
  private constructor(
    readonly nc: NatsConnection,
    readonly prefix: string,
  ) {}

  static async connect(prefix: string): Promise<TestNats> {
    return new TestNats(await connect({ servers: testInfrastructure.natsUrl }), prefix);
  }

  /** Publishes an event as its producer's relay would (see publishTestEvent). */
  publish<T extends object>(contract: EventClass<T>, data: T, options: TestPublishOptions = {}): Promise<IntegrationEventEnvelope<T>> {
    return publishTestEvent(this.prefix, contract, data, options);
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
