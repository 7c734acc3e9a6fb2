import { PartnerMeetingHeld } from '@globac/contracts';
import { eventually, queryDatabase } from '@globac/testing';
import { type CompaniesTestService, outboxEvents, startCompaniesService, UNKNOWN_ID } from './support/companies-service';

describe('partner meetings on trips move relationships on (PartnerMeetingHeld from trips, over real NATS)', () => {
  let t: CompaniesTestService;
  let serial = 0;

  beforeAll(async () => {
    t = await startCompaniesService();
  });
  afterAll(() => t?.close());

  const partner = async (name = `Meeting partner ${++serial} Sp. z o.o.`) =>
    (await t.as(t.staff).post('/api/partners', { name, countryCode: 'PL', targetRegion: 'poznan' }).expect(201)).body as { id: string; name: string };
  const meeting = (fields: Partial<PartnerMeetingHeld> & Pick<PartnerMeetingHeld, 'companyId'>): PartnerMeetingHeld => ({
    meetingId: crypto.randomUUID(),
    tripId: 'e3c1a5b6-7d8f-4091-8c1d-2e3f4a5b6c7d',
    partnerId: null,
    partnerName: null,
    partnerCountry: 'PL',
    heldAt: new Date(Date.now() - 3_600_000).toISOString(),
    outcome: 'follow-up',
    followUpOn: null,
    ...fields,
  });
  const relationshipsOf = async (companyId: string) =>
    (await t.as(t.staff).get(`/api/companies/${companyId}/relationships`).expect(200)).body.items as { id: string; stage: string; partner: { id: string } }[];
  const handled = (eventId: string) =>
    eventually(async () => expect(await queryDatabase(t.database, 'SELECT 1 FROM inbox WHERE event_id = $1', [eventId])).toHaveLength(1));

  it('opens a relationship at meeting when the company had none with the partner, citing the meeting', async () => {
    const company = await t.registerCompany();
    const { id: partnerId } = await partner();
    const held = meeting({ companyId: company.id, partnerId });
    await t.publish(PartnerMeetingHeld, held);
    const [relationship] = await eventually(async () => {
      const found = await relationshipsOf(company.id);
      expect(found).toHaveLength(1);
      return found;
    });
    const detail = await t.as(t.staff).get(`/api/relationships/${relationship.id}`).expect(200);
    expect(detail.body).toMatchObject({ stage: 'meeting', openedAt: held.heldAt, partner: { id: partnerId } });
    expect(detail.body.history).toEqual([
      expect.objectContaining({ fromStage: null, toStage: 'meeting', changedAt: held.heldAt, cause: { kind: 'partner-meeting', id: held.meetingId } }),
    ]);
    const [event] = await outboxEvents(t.database, 'RelationshipStageChanged', (d) => d.relationshipId === relationship.id);
    expect(event.data).toMatchObject({ cause: 'partner-meeting', causeId: held.meetingId, toStage: 'meeting', partnerCountry: 'PL', targetRegion: 'poznan' });
  });

  it('moves an earlier stage on, to agreement when that was the outcome, and never back', async () => {
    const company = await t.registerCompany();
    const { id: partnerId } = await partner();
    const opened = await t.as(t.staff).post(`/api/companies/${company.id}/relationships`, { partnerId, stage: 'contacted', at: new Date(Date.now() - 86_400_000).toISOString() }).expect(201);
    await handled(await t.publish(PartnerMeetingHeld, meeting({ companyId: company.id, partnerId, outcome: 'agreement' })));
    expect((await t.as(t.staff).get(`/api/relationships/${opened.body.id}`).expect(200)).body.stage).toBe('agreement');
    // A later meeting that only asked for a follow-up does not take an agreement back to meeting.
    await handled(await t.publish(PartnerMeetingHeld, meeting({ companyId: company.id, partnerId, heldAt: new Date().toISOString() })));
    const after = await t.as(t.staff).get(`/api/relationships/${opened.body.id}`).expect(200);
    expect(after.body.stage).toBe('agreement');
    expect(after.body.history.map((h: { toStage: string }) => h.toStage)).toEqual(['contacted', 'agreement']);
  });

  it('finds a partner named by name and country when the trip did not know its id', async () => {
    const company = await t.registerCompany();
    const known = await partner('Poznańska Hurtownia Drewna S.A.');
    await handled(await t.publish(PartnerMeetingHeld, meeting({ companyId: company.id, partnerName: 'POZNAŃSKA HURTOWNIA DREWNA S.A.' })));
    expect((await relationshipsOf(company.id)).map((r) => [r.partner.id, r.stage])).toEqual([[known.id, 'meeting']]);
  });

  it('follows a merge: a meeting of the merged company moves the survivor\'s relationship', async () => {
    const survivor = await t.registerCompany();
    const duplicate = await t.registerCompany();
    await t.as(t.staff).post(`/api/companies/${survivor.id}/merge`, { duplicateId: duplicate.id }).expect(200);
    const { id: partnerId } = await partner();
    await handled(await t.publish(PartnerMeetingHeld, meeting({ companyId: duplicate.id, partnerId })));
    expect((await relationshipsOf(survivor.id)).map((r) => r.stage)).toEqual(['meeting']);
  });

  it('moves nothing for a company or partner it does not know, and goes on', async () => {
    const company = await t.registerCompany();
    await handled(await t.publish(PartnerMeetingHeld, meeting({ companyId: UNKNOWN_ID, partnerId: (await partner()).id })));
    await handled(await t.publish(PartnerMeetingHeld, meeting({ companyId: company.id, partnerName: 'Nobody Known GmbH', partnerCountry: 'DE' })));
    expect(await relationshipsOf(company.id)).toEqual([]);
  });
});
