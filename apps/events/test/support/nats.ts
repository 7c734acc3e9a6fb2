// Talking to NATS from the events service's tests: publishing the companies service's events on the
// test's subject prefix, and cleaning up the streams the test's services created.
import { randomUUID } from 'node:crypto';
import { contractOf, createEnvelope, type EventClass, type IntegrationEventEnvelope, subjectOf } from '@globac/contracts';
import { streamNamePrefix } from '@globac/messaging';
import { eventually, testInfrastructure } from '@globac/testing';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
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

  /**
   * Publishes an event as its producer's relay would (the event id as the message id). Retried until
   * the producer's stream exists: the service under test creates it when it starts consuming.
   */
  async publish<T extends object>(
    contract: EventClass<T>,
    data: T,
    options: { id?: string; source?: string; msgID?: string } = {},
  ): Promise<IntegrationEventEnvelope<T>> {
    const envelope = createEnvelope(contract, data, { id: options.id ?? randomUUID(), source: options.source ?? contractOf(contract).producer });
    const js = jetstream(this.nc);
    // A message id other than the event id gets past JetStream's deduplication, as a redelivery would.
    await eventually(() => js.publish(subjectOf(this.prefix, contractOf(contract)), JSON.stringify(envelope), { msgID: options.msgID ?? envelope.id }));
    return envelope;
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}

/** Deletes every stream of a subject prefix: the shared NATS server outlives the test that made them. */
export async function deleteStreams(prefix: string): Promise<void> {
  const nc = await connect({ servers: testInfrastructure.natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const start = `${streamNamePrefix(prefix)}_`;
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(start)) await jsm.streams.delete(name);
    }
  } finally {
    await nc.close();
  }
}
