// Two projections writing at the same moment, as two replicas (or two streams' consumers) do: an
// attendance at an event and that event's cancellation, each in its own open transaction. The counted
// activities are derived at write time, so the one that commits second must see the other's facts.
import { randomUUID } from 'node:crypto';
import { EventCancelled, ParticipantAttended } from '@globac/contracts';
import { eventually } from '@globac/testing';
import { DataSource, type QueryRunner } from 'typeorm';
import { programmeEventsProjection } from '../src/read-models/programme-events.projection';
import { enterReadModels } from '../src/read-models/projection-support';
import { envelope, type ReportingApp, startReportingApp } from './support/reporting-app';

describe('counted activities under concurrent writers (real Postgres)', () => {
  let app: ReportingApp;
  beforeAll(async () => {
    app = await startReportingApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function openTransaction(): Promise<QueryRunner> {
    const runner = app.app.get(DataSource).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await enterReadModels(runner.manager);
    return runner;
  }

  it('never counts an attendance at an event cancelled while the attendance was being written', async () => {
    const eventId = randomUUID();
    const companyId = randomUUID();
    const attended = envelope(ParticipantAttended, {
      registrationId: randomUUID(),
      eventId,
      eventKind: 'seminar',
      topic: 'market-entry',
      eventDate: '2026-04-20',
      companyId,
      contactId: null,
      hours: 2,
      participantGender: 'woman',
      financierIds: ['eu'],
      attended: true,
    });
    const cancelled = envelope(EventCancelled, { eventId, affectedRegistrationIds: [], affectedCompanyIds: [companyId], cancelledAt: '2026-04-21T10:00:00Z' });

    // The cancellation is written and not yet committed when the attendance arrives.
    const cancelling = await openTransaction();
    const attending = await openTransaction();
    try {
      await programmeEventsProjection.cancelled([cancelled], cancelling.manager);
      const [{ pid }] = await attending.query('SELECT pg_backend_pid() AS pid');
      let written = false;
      const attendance = programmeEventsProjection.attendance([attended], attending.manager).then(() => (written = true));
      // The attendance either finishes its writes while the cancellation is open (what two replicas
      // could do before) or waits for it on a lock: only then does the cancellation commit.
      await eventually(async () => {
        const [{ waiting }] = await app.sql<{ waiting: boolean }>("SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1", [pid]);
        expect(written || waiting).toBe(true);
      });
      await cancelling.commitTransaction();
      await attendance;
      await attending.commitTransaction();
    } finally {
      for (const runner of [cancelling, attending]) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      }
    }

    expect(await app.sql('SELECT * FROM attendance_record WHERE event_id = $1', [eventId])).toHaveLength(1);
    expect(await app.sql('SELECT * FROM counted_activity WHERE company_id = $1', [companyId])).toEqual([]);
    expect(await app.sql('SELECT * FROM company_year_activity WHERE survivor_id = $1', [companyId])).toEqual([]);
  });
});
