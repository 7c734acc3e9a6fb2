import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { lastValueFrom } from 'rxjs';
import { IntegrationEventRecord, IntegrationEventsClient } from '../src';
import { ledgerOf, metric, newPrefix, startMessagingApp, type TestApp } from './support/messaging-apps';
import { testCompany } from './support/test-companies.controller';
import { deleteTestStreams, eventually, testInfrastructure } from './support/testing';
import { CompanyMirrorController, CrmPublisher, startOutsideApp } from './outside-nest-app/outside-app.module';

jest.setTimeout(60_000);

const SUBJECT = 'companies.company.registered.v1';

describe('a Nest app outside the platform (ClientProxy and a durable JetStream consumer)', () => {
  const prefix = newPrefix();
  const outsideOptions = { natsUrl: testInfrastructure.natsUrl, subjectPrefix: prefix };
  let consumer: TestApp;
  let outside: INestMicroservice;

  beforeAll(async () => {
    // The platform service that handles CompanyRegistered (it also provisions the companies stream).
    consumer = await startMessagingApp('consumer', { prefix });
    await eventually(async () => expect(await metric(consumer, 'nats_connected')).toBe(1));
    await eventually(async () => {
      const text = (await consumer.http().get('/metrics').expect(200)).text;
      expect(text).toContain('messaging_consumer_lag{');
    });
    outside = await startOutsideApp(outsideOptions);
  });
  afterAll(async () => {
    await outside?.close();
    await consumer?.close();
    await deleteTestStreams(prefix);
  });

  it("has an event sent with ClientProxy.emit handled once by a platform service, not dead-lettered", async () => {
    const publisher = outside.get(CrmPublisher);
    const id = randomUUID();
    const first = await publisher.publish(SUBJECT, new IntegrationEventRecord(testCompany(randomUUID(), 'Emitted From Outside AB'), { id }));
    expect(first).toMatchObject({ id, duplicate: false, stream: expect.stringMatching(/_COMPANIES$/) });
    expect(first.seq).toBeGreaterThan(0);
    // The same event emitted again (a retry of the outside app): JetStream keeps one copy.
    const again = await publisher.publish(SUBJECT, new IntegrationEventRecord(testCompany(randomUUID(), 'Emitted From Outside AB'), { id }));
    expect(again).toMatchObject({ id, duplicate: true, seq: first.seq });

    await eventually(async () => expect(await ledgerOf(consumer, ['Emitted From Outside AB'])).toEqual({ rows: 1, events: 1 }));
    expect(await metric(consumer, 'messaging_consumed_total', { event_type: 'CompanyRegistered', outcome: 'handled' })).toBeGreaterThanOrEqual(1);
    expect(await metric(consumer, 'messaging_dead_lettered_total')).toBe(0);
  });

  it('refuses data its contract rejects before anything is published, and refuses send()', async () => {
    const publisher = outside.get(CrmPublisher);
    await expect(publisher.publish(SUBJECT, { ...testCompany(randomUUID(), 'Invalid From Outside AB'), sizeClass: 'huge' })).rejects.toThrow(/sizeClass/);
    await expect(publisher.publish('companies.company.renamed.v9', {})).rejects.toThrow(/no integration event has the subject/);
    const client = outside.get<{ send: (p: string, d: object) => { subscribe: (o: object) => void } }>('GLOBAC_EVENTS');
    const refused = await new Promise<Error>((resolve) => client.send(SUBJECT, {}).subscribe({ error: resolve }));
    expect(refused.message).toMatch(/one-way/);
  });

  it('receives whole envelopes durably: what was published while it was down, once each, a failure retried', async () => {
    const mirror = () => outside.get(CompanyMirrorController);
    const live = { companyId: randomUUID(), name: 'Mirrored Live AB' };
    await outside.get(CrmPublisher).publish(SUBJECT, testCompany(live.companyId, live.name));
    await eventually(async () => expect(mirror().companies.get(live.companyId)).toMatchObject({ name: live.name, source: 'partner-crm' }));

    await outside.close();
    // Published while the outside app is down (by a client of its own, outside any Nest app).
    const whileDown = ['fail-once While Down', ...Array.from({ length: 4 }, (_, i) => `Mirrored While Down ${i}`)].map((name) => ({ companyId: randomUUID(), name }));
    const client = new IntegrationEventsClient({ servers: outsideOptions.natsUrl, subjectPrefix: prefix, source: 'partner-crm' });
    try {
      for (const company of whileDown) await lastValueFrom(client.emit(SUBJECT, testCompany(company.companyId, company.name)));
    } finally {
      await client.close();
    }
    outside = await startOutsideApp(outsideOptions);
    await eventually(async () => expect(whileDown.filter((c) => mirror().companies.has(c.companyId))).toHaveLength(5));
    // Its durable consumer kept its place: the event handled before the stop is not delivered again.
    expect(mirror().companies.has(live.companyId)).toBe(false);
    expect(mirror().companies.get(whileDown[0].companyId)).toMatchObject({ name: 'fail-once While Down', deliveries: 2 });
  });
});
