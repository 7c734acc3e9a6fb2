// The dashboard's figures against the real reporting service (started by the global setup), fed with
// real integration events: companies registered through the real companies service (its
// CompanyRegistered), attendances and a completed trip published as the events and trips services
// publish them. Nothing of the API is mocked; jsdom lacks URL.createObjectURL, so the download's blob
// is caught there.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { randomUUID } from 'node:crypto';
import { Route, Routes } from 'react-router';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { callService, randomOrgNumber, renderSignedIn } from '../../../testing/render';
import { DashboardRoute } from './dashboard';
import { IndicatorCompaniesRoute } from './indicator-companies';
import { PeriodRoute } from './period';
import { PeriodsRoute } from './periods';

// A past year no other test writes to, so the figures are exactly what this file published.
const PERIOD = 'from=2025-01-01&to=2025-12-31';

interface Registered {
  id: string;
  name: string;
  orgNumber: string;
}

/** Publishes integration events as their producers do (through the global setup's publisher). */
async function publish(events: { subject: string; type: string; source: string; data: Record<string, unknown> }[]) {
  const body = events.map((e) => ({
    subject: e.subject,
    envelope: { id: randomUUID(), type: e.type, version: 1, occurredOn: new Date().toISOString(), source: e.source, correlationId: 'web-dashboard-test', data: e.data },
  }));
  const response = await fetch(inject('publisherUrl'), { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`publishing failed: ${response.status} ${await response.text()}`);
}

function attended(companyId: string, gender: string, hours: number, eventKind: string, eventDate: string) {
  return {
    subject: 'events.participant.attended.v1',
    type: 'ParticipantAttended',
    source: 'events',
    data: {
      registrationId: randomUUID(),
      eventId: randomUUID(),
      eventKind,
      topic: 'market-entry',
      eventDate,
      companyId,
      contactId: null,
      hours,
      participantGender: gender,
      financierIds: ['eu'],
      attended: true,
    },
  };
}

let umea: Registered;
let skelleftea: Registered;

beforeAll(async () => {
  const register = (name: string, municipality: string, employees: number) => {
    const orgNumber = randomOrgNumber();
    return callService<Registered>('companies', '/api/companies', { name: `${name} ${orgNumber}`, orgNumber, municipality, employees });
  };
  umea = await register('Indikator Trä AB', 'Umeå', 12);
  skelleftea = await register('Indikator Metall AB', 'Skellefteå', 3);
  const tripId = randomUUID();
  await publish([
    attended(umea.id, 'woman', 2, 'seminar', '2025-03-12'),
    attended(umea.id, 'man', 2.5, 'seminar', '2025-03-12'),
    attended(skelleftea.id, 'woman', 3, 'trade-fair', '2025-05-20'),
    {
      subject: 'trips.trip.completed.v1',
      type: 'TripCompleted',
      source: 'trips',
      data: {
        tripId,
        destinationCountries: ['PL'],
        targetRegions: ['poznan'],
        startsOn: '2025-06-02',
        endsOn: '2025-06-05',
        financierIds: ['region-vasterbotten'],
        travellingCompanies: [{ companyId: skelleftea.id, daysAbroad: 4, subsidySek: 12500 }],
        completedAt: '2025-06-06T10:00:00Z',
      },
    },
  ]);
  // The figures are read once the reporting service has applied every event (and knows both
  // companies' municipalities from their CompanyRegistered).
  await waitFor(
    async () => {
      const report = await callService<{ companiesSupported: { total: number; byMunicipality: Record<string, number> }; trips: { completed: number } }>(
        'reporting',
        `/api/reports/indicators?${PERIOD}`,
      );
      expect(report.companiesSupported.total).toBe(2);
      expect(report.companiesSupported.byMunicipality).toEqual({ Umeå: 1, Skellefteå: 1 });
      expect(report.trips.completed).toBe(1);
    },
    { timeout: 60_000, interval: 250 },
  );
});

function routes() {
  return (
    <Routes>
      <Route path="/reports" element={<DashboardRoute />} />
      <Route path="/reports/companies" element={<IndicatorCompaniesRoute />} />
      <Route path="/reports/periods" element={<PeriodsRoute />} />
      <Route path="/reports/periods/:periodId" element={<PeriodRoute />} />
    </Routes>
  );
}

describe('the indicators dashboard', () => {
  it('shows every figure of the period with its rule, in Swedish formats', async () => {
    await renderSignedIn(routes(), { route: `/reports?${PERIOD}` });
    const companies = await screen.findByTestId('figure-companiesSupported', {}, { timeout: 30_000 });
    expect(companies.textContent).toBe('2');
    expect(screen.getByTestId('figure-participations').textContent).toBe('3');
    expect(screen.getByTestId('figure-hours').textContent).toBe('7,5');
    expect(screen.getByTestId('figure-tripsCompleted').textContent).toBe('1');
    expect(screen.getByTestId('figure-travellingCompanies').textContent).toBe('1');
    // sv-SE currency: a no-break space groups thousands.
    expect(screen.getByTestId('figure-subsidySek').textContent?.replace(/\s/g, ' ')).toBe('12 500 kr');
    // Each figure says how it is counted.
    expect(screen.getByText(/Varje företag en gång/)).toBeTruthy();
    // The charts' text alternatives: the breakdowns as tables (municipalities, genders in Swedish, financiers).
    const byMunicipality = screen.getByRole('table', { name: 'Per kommun' });
    expect(within(byMunicipality).getByRole('rowheader', { name: 'Umeå' })).toBeTruthy();
    expect(within(byMunicipality).getByRole('rowheader', { name: 'Skellefteå' })).toBeTruthy();
    const byGender = screen.getByRole('table', { name: 'Per kön' });
    expect(within(byGender).getByRole('row', { name: 'Kvinna 2' })).toBeTruthy();
    expect(within(byGender).getByRole('row', { name: 'Man 1' })).toBeTruthy();
    const byFinancier = screen.getByRole('table', { name: 'Per finansiär' });
    expect(within(byFinancier).getByRole('row', { name: 'EU 2' })).toBeTruthy();
    expect(within(byFinancier).getByRole('row', { name: 'Region Västerbotten 1' })).toBeTruthy();
    const byKind = screen.getByRole('table', { name: 'Per aktivitet' });
    expect(within(byKind).getByRole('row', { name: 'Affärsresa 1' })).toBeTruthy();
  });

  it('narrows every figure by a filter from the address', async () => {
    await renderSignedIn(routes(), { route: `/reports?${PERIOD}&municipality=Ume%C3%A5` });
    await waitFor(() => expect(screen.getByTestId('figure-companiesSupported').textContent).toBe('1'), { timeout: 30_000 });
    expect(screen.getByTestId('figure-participations').textContent).toBe('2');
    expect((screen.getByRole('combobox', { name: 'Kommun' }) as HTMLSelectElement).value).toBe('Umeå');
  });

  it("drills down from a municipality's row to its companies, in English, and downloads the list as Excel", async () => {
    await renderSignedIn(routes(), { route: `/reports?${PERIOD}`, language: 'en' });
    await screen.findByTestId('figure-companiesSupported', {}, { timeout: 30_000 });
    const section = screen.getByRole('region', { name: 'By municipality' });
    fireEvent.click(within(section).getByRole('button', { name: 'Show as table' }));
    fireEvent.click(within(section).getByRole('link', { name: 'Show the companies for Skellefteå (1)' }));
    await screen.findByRole('heading', { name: 'The companies behind the figure' });
    await screen.findByRole('cell', { name: skelleftea.orgNumber }, { timeout: 30_000 });
    expect(screen.queryByRole('cell', { name: umea.orgNumber })).toBeNull();
    expect(screen.getByRole('link', { name: skelleftea.name }).getAttribute('href')).toBe(`/companies/${skelleftea.id}`);
    expect(screen.getByRole('cell', { name: 'Micro enterprise' })).toBeTruthy();

    let saved: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved = blob as Blob;
      return 'blob:report';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Download the company list as Excel' }));
    await screen.findByText('Downloaded: globac-companies-2025-01-01_2025-12-31.xlsx', {}, { timeout: 30_000 });
    const bytes = new Uint8Array(await saved!.arrayBuffer());
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
  });

  it('shows a financier the figures and the freshness of each stream', async () => {
    await renderSignedIn(routes(), { route: `/reports?${PERIOD}`, role: 'financier' });
    await screen.findByTestId('figure-companiesSupported', {}, { timeout: 30_000 });
    const freshness = await screen.findByRole('table', { name: 'Hur färska är siffrorna?' }, { timeout: 30_000 });
    // Other test files publish to the events stream too: its last event is one of theirs or ours.
    expect(within(freshness).getByRole('row', { name: /^Evenemang/ }).textContent).not.toContain('Inga händelser ännu');
    expect(within(freshness).getByRole('row', { name: /^Resor/ }).textContent).toContain('TripCompleted');
  });

  it('freezes a period through the form (an inverted one is refused on its field) and opens it with the figures as frozen', async () => {
    await renderSignedIn(routes(), { route: '/reports/periods' });
    const from = await screen.findByLabelText(/^Från och med/);
    const to = screen.getByLabelText(/^Till och med/);
    fireEvent.change(from, { target: { value: '2025-12-31' } });
    fireEvent.change(to, { target: { value: '2025-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Frys period' }));
    await waitFor(() => expect(to.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Slutdagen får inte vara före startdagen')).toBeTruthy();
    fireEvent.change(from, { target: { value: '2025-01-01' } });
    fireEvent.change(to, { target: { value: '2025-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Frys period' }));
    await screen.findByRole('heading', { name: /^Fryst period/, level: 1 }, { timeout: 30_000 });
    expect(screen.getByTestId('figure-companiesSupported').textContent).toBe('2');
    expect(screen.getByTestId('figure-participations').textContent).toBe('3');
    // A frozen period has no drill-down to the live list.
    expect(screen.queryByRole('link', { name: /Visa företagen bakom/ })).toBeNull();
  });

  it('shows a financier the frozen periods without the freeze form', async () => {
    await renderSignedIn(routes(), { route: '/reports/periods', role: 'financier' });
    await screen.findByRole('heading', { name: 'Frysta perioder', level: 1 });
    await waitFor(() => expect(screen.queryByText('Laddar …')).toBeNull(), { timeout: 30_000 });
    expect(screen.queryByRole('button', { name: 'Frys period' })).toBeNull();
  });
});
