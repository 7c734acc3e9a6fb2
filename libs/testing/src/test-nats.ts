import { randomUUID } from 'node:crypto';
import { contractOf, createEnvelope, type EventClass, type IntegrationEventEnvelope, subjectOf } from '@globac/contracts';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eventually } from './eventually';
import { testInfrastructure } from './test-names';

/**
 * Deletes every stream that holds subjects of a test's prefix (its producers' streams and its dead
 * letters): the shared NATS server outlives the test that made them. Found by subject, so this lib
 * needs no knowledge of how messaging names streams.
 */
export async function deleteTestStreams(subjectPrefix: string, url = testInfrastructure.natsUrl): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    const names: string[] = [];
    for await (const info of jsm.streams.list(`${subjectPrefix}.>`)) names.push(info.config.name);
    await Promise.all(names.map((name) => jsm.streams.delete(name)));
  } finally {
    await nc.close();
  }
}

export interface TestPublishOptions {
  /** The event id; a new UUID by default. */
  id?: string;
  /** The producing service; the contract's producer by default. */
  source?: string;
  /** The JetStream message id; the event id by default. Another id gets past deduplication, as a redelivery would. */
  msgID?: string;
}

/**
 * Publishes an integration event on a test's subject prefix as its producer's outbox relay would (the
 * event id as the message id). Retried until the stream exists: the service under test creates the
 * streams of the events it handles as it starts.
 */
export async function publishTestEvent<T extends object>(
  subjectPrefix: string,
  contract: EventClass<T>,
  data: T,
  options: TestPublishOptions = {},
  url = testInfrastructure.natsUrl,
): Promise<IntegrationEventEnvelope<T>> {
  const envelope = createEnvelope(contract, data, { id: options.id ?? randomUUID(), source: options.source ?? contractOf(contract).producer });
  const nc = await connect({ servers: url });
  try {
    const js = jetstream(nc);
    await eventually(() => js.publish(subjectOf(subjectPrefix, contractOf(contract)), JSON.stringify(envelope), { msgID: options.msgID ?? envelope.id }));
  } finally {
    await nc.close();
  }
  return envelope;
}
