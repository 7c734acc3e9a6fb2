import { randomUUID } from 'node:crypto';
import { CONTRACT_EXAMPLES, CompanyRegistered, TripCancelled } from '@globac/contracts';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { OutboxService, producerStreamName } from '../src';
import { natsClient, newPrefix, startMessagingApp, type TestApp } from './support/messaging-apps';
import { testCompany } from './support/test-companies.controller';
import { deleteTestStreams, eventually, queryDatabase } from './support/testing';

jest.setTimeout(60_000);

interface Row {
  published_at: Date | null;
  attempts: number;
  last_error: string | null;
}

/**
 * A stock NestJS app consuming with `Transport.NATS` subscribes to the subject in core NATS and answers
 * the publisher's reply inbox (`{"isDisposed":true,"id":…}`). Here it answers every message of the
 * test's subjects, at once, before JetStream can.
 */
function stockNestResponder(nc: NatsConnection, subjects: string): Subscription {
  return nc.subscribe(subjects, {
    callback: (_error, msg) => {
      if (msg.reply) msg.respond(JSON.stringify({ isDisposed: true, id: randomUUID() }));
    },
  });
}

describe('outbox relay: only a JetStream acknowledgement of the right stream counts (real Postgres and NATS)', () => {
  const prefix = newPrefix();
  let producer: TestApp;
  let nc: NatsConnection;
  let responder: Subscription;

  const row = async (id: string): Promise<Row> =>
    (await queryDatabase<Row>(producer.config.DATABASE_NAME, 'SELECT published_at, attempts, last_error FROM outbox WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    // Many attempts: this file is about what counts as published, not about setting rows aside.
    producer = await startMessagingApp('producer', { prefix, env: { OUTBOX_MAX_ATTEMPTS: '1000' } });
    nc = await natsClient();
    responder = stockNestResponder(nc, `${prefix}.>`);
    await nc.flush();
  });
  afterAll(async () => {
    responder?.unsubscribe();
    await nc?.close();
    await producer?.close();
    await deleteTestStreams(prefix);
  });

  it('does not mark published an event no stream stores when a core-NATS responder answers its publish; a stored event still gets through', async () => {
    // The producer provisions only its own stream (companies): nothing stores trip events under this prefix.
    const [unstored, stored] = await producer.app.get(DataSource).transaction(async (manager) => {
      const outbox = producer.app.get(OutboxService);
      const trip = await outbox.add(manager, TripCancelled, CONTRACT_EXAMPLES.get('TripCancelled@1') as TripCancelled);
      const company = await outbox.add(manager, CompanyRegistered, testCompany(randomUUID(), 'Stored Despite Responder AB'));
      return [trip, company];
    });

    // The stored event: published, and really in its stream, although the responder answered it too.
    await eventually(async () => expect((await row(stored.id)).published_at).not.toBeNull());
    const jsm = await jetstreamManager(nc);
    const kept = await jsm.streams.getMessage(producerStreamName(prefix, 'companies'), { last_by_subj: `${prefix}.companies.company.registered.v1` });
    expect(JSON.parse(kept!.string()).id).toBe(stored.id);

    // The unstored one: tried, refused for the foreign answer, never marked published.
    await eventually(async () => {
      const tried = await row(unstored.id);
      expect(tried.published_at).toBeNull();
      expect(tried.attempts).toBeGreaterThanOrEqual(2);
      expect(tried.last_error).toContain('isDisposed');
    });
  });

  // Why the relay does not use JetStreamClient.publish: what @nats-io/jetstream 3.4 does with answers
  // that are not acknowledgements. Should a later client refuse the first case, this test says so.
  it('JetStreamClient.publish takes a stock Nest answer for an acknowledgement; it throws only on non-JSON and on no responders', async () => {
    const js = jetstream(nc);
    const acked = await js.publish(`${prefix}.trips.trip.cancelled.v1`, '{}', { timeout: 2000 });
    expect(acked).toMatchObject({ isDisposed: true, duplicate: false });
    expect(acked.stream).toBeUndefined();
    expect(acked.seq).toBeUndefined();

    const plain = nc.subscribe(`${prefix}-plain.>`, {
      callback: (_error, msg) => {
        msg.respond('not json');
      },
    });
    await nc.flush();
    await expect(js.publish(`${prefix}-plain.anything`, '{}', { timeout: 2000 })).rejects.toThrow(SyntaxError);
    plain.unsubscribe();

    await expect(js.publish(`${prefix}-nobody.anything`, '{}', { timeout: 2000 })).rejects.toThrow('jetstream is not enabled');
  });
});
