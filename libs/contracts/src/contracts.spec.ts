import {
  allContracts,
  CompanyRegistered,
  CONTRACT_EXAMPLES,
  contractOf,
  createEnvelope,
  decodeIntegrationEvent,
  EventRejectedError,
  findContract,
  IntegrationEvent,
  isOrgNumber,
  PartnerMeetingHeld,
  TripCompleted,
  CompanyUpdated,
  validateEventData,
} from './index';

// The events of the event map (docs: /work/shared/brief/event-map.md), by producer.
const EXPECTED = {
  companies: ['CompanyRegistered', 'CompanyUpdated', 'CompaniesMerged', 'ExportFiguresReported', 'RelationshipStageChanged', 'ContactErased'],
  events: [
    'EventScheduled',
    'EventUpdated',
    'EventCancelled',
    'ParticipantRegistered',
    'ParticipantCancelled',
    'ParticipantPromoted',
    'ParticipantAttended',
    'AttendanceCorrected',
    'ExportRingMembershipChanged',
    'ExhibitorAdded',
  ],
  trips: [
    'TripPlanned',
    'TripCancelled',
    'TripParticipantAccepted',
    'TripParticipantWithdrawn',
    'PartnerMeetingHeld',
    'TripCompleted',
    'TripCompletionCorrected',
  ],
};

const rejection = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof EventRejectedError) return { reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error('expected a rejection');
};

const example = (type: string) => structuredClone(CONTRACT_EXAMPLES.get(`${type}@1`)) as Record<string, unknown>;
const envelopeOf = (type: string, data: object, version = 1) =>
  JSON.stringify({
    id: '0b8e8f7e-3c1e-4f2a-9a53-5b0c6f1d2e3f',
    type,
    version,
    occurredOn: '2026-01-01T00:00:00.000Z',
    source: 'companies',
    correlationId: 'req-1',
    data,
  });

describe('integration-event contracts', () => {
  it('declares every event of the event map under its producer, as version 1', () => {
    for (const [producer, types] of Object.entries(EXPECTED)) {
      const declared = allContracts()
        .filter((c) => c.producer === producer)
        .map((c) => c.type);
      expect(declared.sort()).toEqual([...types].sort());
    }
    expect(allContracts()).toHaveLength(23);
  });

  it('names subjects <producer>.<aggregate>.<event>.v<N> and types after the class', () => {
    for (const contract of allContracts()) {
      expect(contract.subject).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+\.v\d+$/);
      expect(contract.subject.startsWith(`${contract.producer}.`)).toBe(true);
      expect(contract.type).toBe(contract.target.name.replace(/V\d+$/, ''));
      expect(contract.description.length).toBeGreaterThan(20);
    }
    expect(contractOf(CompanyRegistered).subject).toBe('companies.company.registered.v1');
  });

  it('has a valid example for every contract', () => {
    for (const contract of allContracts()) {
      const data = CONTRACT_EXAMPLES.get(`${contract.type}@${contract.version}`);
      expect(data).toBeDefined();
      expect(() => validateEventData(contract, data)).not.toThrow();
    }
  });

  it('checks organisation numbers with the Luhn digit and the legal-entity rule', () => {
    expect(isOrgNumber('556036-0793')).toBe(true);
    expect(isOrgNumber('556036-0794')).toBe(false); // check digit
    expect(isOrgNumber('5560360793')).toBe(false); // no hyphen
    expect(isOrgNumber('811218-9876')).toBe(false); // third digit 1: a personal identity number
  });

  it('refuses data that breaks a rule, naming the field', () => {
    const data = example('CompanyRegistered');
    data.orgNumber = '556036-0794';
    data.municipality = 'Stockholm';
    const { reason, message } = rejection(() => validateEventData(contractOf(CompanyRegistered), data));
    expect(reason).toBe('invalid-data');
    expect(message).toContain('orgNumber');
    expect(message).toContain('municipality');
  });

  it('requires nullable fields to be present, and accepts them null', () => {
    const data = example('CompanyRegistered');
    data.orgNumber = null;
    expect(() => validateEventData(CompanyRegistered, data)).not.toThrow();
    delete data.orgNumber;
    expect(rejection(() => validateEventData(CompanyRegistered, data)).message).toContain('orgNumber');
  });

  it('lets a change set leave a field out or say it has no value now (null), and checks any other value', () => {
    const update = example('CompanyUpdated');
    update.changes = { municipality: null, county: 'Skåne' };
    expect(validateEventData(CompanyUpdated, update).changes).toEqual({ municipality: null, county: 'Skåne' });
    update.changes = { name: 'Norrskog Trä Holding AB' };
    expect(() => validateEventData(CompanyUpdated, update)).not.toThrow();
    update.changes = { municipality: 'Oslo' };
    expect(rejection(() => validateEventData(CompanyUpdated, update)).message).toContain('changes.municipality');
  });

  it('validates nested objects and conditional rules', () => {
    const trip = example('TripCompleted');
    (trip.travellingCompanies as Record<string, unknown>[])[1].daysAbroad = -1;
    expect(rejection(() => validateEventData(TripCompleted, trip)).message).toContain('travellingCompanies.1.daysAbroad');

    const meeting = example('PartnerMeetingHeld');
    meeting.partnerName = null;
    expect(rejection(() => validateEventData(PartnerMeetingHeld, meeting)).message).toContain('partnerName');
    meeting.partnerId = 'a5e3c7d8-9fab-42b3-8e3f-4a5b6c7d8e9f';
    expect(() => validateEventData(PartnerMeetingHeld, meeting)).not.toThrow();
  });

  it('strips fields a contract does not know, so an older consumer tolerates an added field', () => {
    const data = { ...example('CompanyRegistered'), addedLater: 'x' };
    const valid = validateEventData(CompanyRegistered, data);
    expect(valid).toBeInstanceOf(CompanyRegistered);
    expect(valid).not.toHaveProperty('addedLater');
  });

  it('decodes a valid message into the contract class', () => {
    const { envelope, contract } = decodeIntegrationEvent(envelopeOf('CompanyRegistered', example('CompanyRegistered')));
    expect(contract.target).toBe(CompanyRegistered);
    expect(envelope.data).toBeInstanceOf(CompanyRegistered);
    expect(envelope).toMatchObject({ type: 'CompanyRegistered', version: 1, correlationId: 'req-1' });
  });

  it('tells why a message can never be handled', () => {
    expect(rejection(() => decodeIntegrationEvent('{not json')).reason).toBe('invalid-json');
    expect(rejection(() => decodeIntegrationEvent('[1]')).reason).toBe('invalid-envelope');
    expect(rejection(() => decodeIntegrationEvent(JSON.stringify({ type: 'CompanyRegistered' }))).reason).toBe('invalid-envelope');
    expect(rejection(() => decodeIntegrationEvent(envelopeOf('CompanyRegistered', {}, 99))).reason).toBe('unknown-version');
    expect(rejection(() => decodeIntegrationEvent(envelopeOf('CompanyDissolved', {}))).reason).toBe('unknown-type');
    expect(rejection(() => decodeIntegrationEvent(envelopeOf('CompanyRegistered', { companyId: 'x' }))).reason).toBe('invalid-data');
  });

  it('wraps validated data in an envelope with a new id, refusing invalid data', () => {
    const envelope = createEnvelope(CompanyRegistered, example('CompanyRegistered') as unknown as CompanyRegistered, { source: 'companies' });
    expect(envelope.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(envelope.correlationId).toBe(envelope.id);
    expect(decodeIntegrationEvent(JSON.stringify(envelope)).envelope.id).toBe(envelope.id);
    const bad = { ...example('CompanyRegistered'), sizeClass: 'huge' } as unknown as CompanyRegistered;
    expect(rejection(() => createEnvelope(CompanyRegistered, bad, { source: 'companies' })).reason).toBe('invalid-data');
  });

  // Last: it adds a contract to this file's registry.
  it('keeps the type of a later version and refuses a second declaration of the same version', () => {
    @IntegrationEvent({ producer: 'companies', aggregate: 'company', event: 'registered', version: 7, description: 'A test-only later version.' })
    class CompanyRegisteredV7 {}
    expect(contractOf(CompanyRegisteredV7)).toMatchObject({ type: 'CompanyRegistered', version: 7, subject: 'companies.company.registered.v7' });
    expect(findContract('CompanyRegistered', 7)?.target).toBe(CompanyRegisteredV7);

    expect(() => {
      @IntegrationEvent({ producer: 'companies', aggregate: 'company', event: 'registered', version: 1, description: 'A duplicate.' })
      class CompanyRegistered {}
      return CompanyRegistered;
    }).toThrow(/already declared/);
  });
});
