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

  it('moves nothing for a company or partner id it does not know, and goes on', async () => {
    const company = await t.registerCompany();
    await handled(await t.publish(PartnerMeetingHeld, meeting({ companyId: UNKNOWN_ID, partnerId: (await partner()).id })));
    await handled(await t.publish(PartnerMeetingHeld, meeting({ companyId: company.id, partnerId: UNKNOWN_ID })));
    expect(await relationshipsOf(company.id)).toEqual([]);
  });

  it('registers a partner given by name that it does not know, in its target region, and opens the relationship with it', async () => {
    const company = await t.registerCompany();
    const name = `Nowy Partner ${++serial} Sp. z o.o.`;
    await handled(await t.publish(PartnerMeetingHeld, meeting({ companyId: company.id, partnerName: name, partnerTargetRegion: 'poznan' })));
    const [relationship] = await relationshipsOf(company.id);
    const registered = await t.as(t.staff).get(`/api/partners/${relationship.partner.id}`).expect(200);
    expect(registered.body).toMatchObject({ name, countryCode: 'PL', targetRegion: 'poznan' });
    // A second meeting with the same partner, named in another case, finds it: no second partner.
    await handled(await t.publish(PartnerMeetingHeld, meeting({ companyId: company.id, partnerName: name.toUpperCase(), outcome: 'agreement', heldAt: new Date().toISOString() })));
    expect((await relationshipsOf(company.id)).map((r) => [r.partner.id, r.stage])).toEqual([[relationship.partner.id, 'agreement']]);
    // A target region outside the partner's country is left out rather than refused.
    const elsewhere = await t.registerCompany();
    await handled(await t.publish(PartnerMeetingHeld, meeting({ companyId: elsewhere.id, partnerName: 'Lyon Bois SA', partnerCountry: 'FR', partnerTargetRegion: 'poznan' })));
    const [lyon] = await relationshipsOf(elsewhere.id);
    expect((await t.as(t.staff).get(`/api/partners/${lyon.partner.id}`).expect(200)).body).toMatchObject({ countryCode: 'FR', targetRegion: null });
  });

  it('applies a changed outcome of the same meeting (a higher revision) as a correction of its move, never as a second relationship', async () => {
    const company = await t.registerCompany();
    const { id: partnerId } = await partner();
    const opened = await t.as(t.staff).post(`/api/companies/${company.id}/relationships`, { partnerId, stage: 'contacted', at: new Date(Date.now() - 86_400_000).toISOString() }).expect(201);
    const first = meeting({ companyId: company.id, partnerId, outcome: 'agreement', revision: 1 });
    await handled(await t.publish(PartnerMeetingHeld, first));
    expect((await t.as(t.staff).get(`/api/relationships/${opened.body.id}`).expect(200)).body.stage).toBe('agreement');
    // The agreement was recorded by mistake: only a follow-up was agreed.
    await handled(await t.publish(PartnerMeetingHeld, { ...first, outcome: 'follow-up', revision: 2 }));
    const corrected = await t.as(t.staff).get(`/api/relationships/${opened.body.id}`).expect(200);
    expect(corrected.body.stage).toBe('meeting');
    expect(corrected.body.history.map((h: { toStage: string; cause: { id?: string } }) => [h.toStage, h.cause.id ?? null])).toEqual([
      ['contacted', null],
      ['agreement', first.meetingId],
      ['meeting', first.meetingId],
    ]);
    // The first recording, retried late, is stale; so is the same revision again.
    await handled(await t.publish(PartnerMeetingHeld, first));
    await handled(await t.publish(PartnerMeetingHeld, { ...first, outcome: 'no-interest', revision: 2 }));
    expect((await t.as(t.staff).get(`/api/relationships/${opened.body.id}`).expect(200)).body.stage).toBe('meeting');
    // And corrected again, to an agreement after all.
    await handled(await t.publish(PartnerMeetingHeld, { ...first, outcome: 'agreement', revision: 3 }));
    expect(await relationshipsOf(company.id)).toEqual([expect.objectContaining({ id: opened.body.id, stage: 'agreement' })]);
  });

  it('leaves a relationship that moved on since the meeting where staff put it, when the meeting\'s outcome changes', async () => {
    const company = await t.registerCompany();
    const { id: partnerId } = await partner();
    const first = meeting({ companyId: company.id, partnerId, outcome: 'follow-up', revision: 1 });
    await handled(await t.publish(PartnerMeetingHeld, first));
    const [relationship] = await relationshipsOf(company.id);
    await t.as(t.staff).patch(`/api/relationships/${relationship.id}`, { stage: 'negotiation' }).expect(200);
    await handled(await t.publish(PartnerMeetingHeld, { ...first, outcome: 'no-interest', revision: 2 }));
    expect((await relationshipsOf(company.id)).map((r) => r.stage)).toEqual(['negotiation']);
  });
});
