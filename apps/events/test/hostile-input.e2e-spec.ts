import { randomUUID } from 'node:crypto';
import { describeHostileInput, queryDatabase } from '@globac/testing';
import { AppModule } from '../src/app.module';
import { EventsConfig } from '../src/events.config';

describeHostileInput({
  service: 'events',
  configClass: EventsConfig,
  createModule: (config) => AppModule.forRoot(config),
  // Company A (in the company copy, as its CompanyRegistered event would put it) with a participant
  // registered for a seminar: another company's representative must see neither.
  seedCompanyData: async (app, staff) => {
    const marker = `Secret-${randomUUID()}`;
    const companyId = randomUUID();
    await queryDatabase(
      app.config.DATABASE_NAME,
      `INSERT INTO company_copy (id, org_number, name, municipality, size_class, revision) VALUES ($1, NULL, $2, 'Umeå', 'small', 1)`,
      [companyId, `${marker} AB`],
    );
    const week = 7 * 24 * 3_600_000;
    const event = await app
      .http()
      .post('/api/events')
      .set('Authorization', `Bearer ${staff}`)
      .send({
        kind: 'seminar',
        title: 'Transport and logistics to Poland',
        topic: 'transport-logistics',
        startsAt: new Date(Date.now() + week).toISOString(),
        endsAt: new Date(Date.now() + week + 3 * 3_600_000).toISOString(),
        location: { city: 'Umeå', country: 'SE' },
        capacity: 40,
        targetCountry: 'PL',
        financiers: ['eu'],
      })
      .expect(201);
    const registration = await app
      .http()
      .post(`/api/events/${event.body.id}/registrations`)
      .set('Authorization', `Bearer ${staff}`)
      .send({ companyId, participant: { name: `${marker} Person`, email: `${randomUUID().slice(0, 8)}@example.se`, gender: 'woman' } })
      .expect(201);
    return { companyId, marker, params: { companyId, registrationId: registration.body.id }, shared: { eventId: event.body.id, 'events.id': event.body.id } };
  },
});
