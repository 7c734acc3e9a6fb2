// The company user's forms against the real services (companies, events, trips, reporting), signed in
// with a development token of a company user, as the services read it.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { randomOrgNumber, renderSignedIn } from '../../../testing/render';
// @ts-expect-error a plain .mjs dev tool without types
import { signDevToken } from '../../../../tools/dev-auth.mjs';
import { MyCompanyHomeRoute } from '../routes/my-company-home';
import { OpenTripsRoute } from '../routes/open-trips';
import { ParticipationHistoryRoute } from '../routes/participation-history';

type Service = 'companies' | 'events' | 'trips' | 'reporting';

async function call<T>(service: Service, method: string, path: string, body?: unknown, token = inject('staffToken')): Promise<T> {
  const response = await fetch(`${inject('services')[service]}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function companyUser(name: string) {
  const orgNumber = randomOrgNumber();
  const company = await call<{ id: string; name: string }>('companies', 'POST', '/api/companies', { name: `${name} ${orgNumber}`, orgNumber, municipality: 'Vindeln' });
  const token = (await signDevToken({ role: 'company', companyId: company.id })) as string;
  return { company, token };
}

/** A day in Swedish time, `offset` days from today. */
function day(offset: number): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

async function openTrip(title: string, startsIn = 10) {
  const trip = await call<{ id: string }>('trips', 'POST', '/api/trips', {
    title,
    purpose: 'B2B-möten med grossister',
    destinations: [{ country: 'PL', targetRegion: 'poznan', city: 'Poznań' }],
    startsOn: day(startsIn),
    endsOn: day(startsIn + 2),
    capacity: 8,
    financiers: ['eu'],
    subsidyPerCompanySek: 15000,
  });
  await call('trips', 'POST', `/api/trips/${trip.id}/open`);
  return trip;
}

describe("the company user's own flows (against the real services)", () => {
  it('shows which years of export figures are missing and reports one, the service refusing a bad market on its field', async () => {
    const { company, token } = await companyUser('Siffror AB');
    await renderSignedIn(<MyCompanyHomeRoute />, { token });
    const user = userEvent.setup();
    const lastYear = new Date().getFullYear() - 1;
    expect(await screen.findByRole('heading', { level: 1, name: company.name })).toBeTruthy();
    // Registered today: the programme asks for last year (the baseline) only.
    expect(await screen.findByText(`Programmet saknar era siffror för ${lastYear}.`)).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Rapportera ett års siffror' });
    expect((within(form).getByRole('combobox', { name: /^År/ }) as HTMLSelectElement).value).toBe(String(lastYear));

    await user.click(within(form).getByRole('button', { name: 'Rapportera' }));
    const total = within(form).getByRole('textbox', { name: /Total omsättning/ });
    expect(total.getAttribute('aria-invalid')).toBe('true');
    await user.type(total, '8000000');
    await user.type(within(form).getByRole('textbox', { name: /Exportomsättning/ }), '2000000');
    const markets = within(form).getByRole('textbox', { name: /Exportländer/ });
    await user.type(markets, 'NO XX1');
    await user.click(within(form).getByRole('button', { name: 'Rapportera' }));
    await waitFor(() => expect(markets.getAttribute('aria-invalid')).toBe('true'));

    await user.clear(markets);
    await user.type(markets, 'no, de');
    await user.click(within(form).getByRole('button', { name: 'Rapportera' }));
    expect(await screen.findByText('Ni har rapporterat siffror för alla år programmet frågar efter. Tack!')).toBeTruthy();
    expect(screen.getByText(`Siffrorna för ${lastYear} är rapporterade.`)).toBeTruthy();
    const saved = await call<{ items: { year: number; exportTurnoverSek: number; exportMarkets: string[] }[] }>('companies', 'GET', `/api/companies/${company.id}/export-figures`);
    expect(saved.items).toEqual([expect.objectContaining({ year: lastYear, exportTurnoverSek: 2_000_000, exportMarkets: ['DE', 'NO'] })]);
  });

  it('applies for an open trip for its own company, the service refusing a bad e-mail address on its field', async () => {
    const { token } = await companyUser('Resa AB');
    const title = `Delegation till Poznań ${Date.now()}`;
    await openTrip(title);
    await renderSignedIn(<OpenTripsRoute />, { token });
    const user = userEvent.setup();
    const card = (await screen.findByRole('heading', { level: 2, name: title })).closest('section')!;
    expect(within(card).getByText('Poznań, PL')).toBeTruthy();
    await user.click(await within(card).findByRole('button', { name: 'Ansök' }));
    const form = within(card).getByRole('form', { name: `Ansök till ${title}` });
    await user.click(within(form).getByRole('button', { name: 'Skicka ansökan' }));
    const name = within(form).getByRole('textbox', { name: /^Namn/ });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await user.type(name, 'Sara Holm');
    const email = within(form).getByRole('textbox', { name: /E-post/ });
    await user.type(email, 'inte-en-adress');
    await user.click(within(form).getByRole('button', { name: 'Skicka ansökan' }));
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));

    await user.clear(email);
    await user.type(email, 'sara@resa.example');
    await user.selectOptions(within(form).getByRole('combobox', { name: /Kön/ }), 'woman');
    // The trips service learns of a new company from its integration event: until then it answers 422.
    await waitFor(
      async () => {
        if (within(card).queryByRole('button', { name: 'Skicka ansökan' })) await user.click(within(card).getByRole('button', { name: 'Skicka ansökan' }));
        expect(within(card).getByText('Ansökt, väntar på beslut')).toBeTruthy();
      },
      { timeout: 60_000, interval: 1000 },
    );
    expect(within(card).queryByRole('button', { name: 'Ansök' })).toBeNull();
  });

  it('lists its participation history from the reporting service: a completed trip, counted', async () => {
    const { company, token } = await companyUser('Historik AB');
    const title = `Resa till Novara ${Date.now()}`;
    const trip = await openTrip(title, 1);
    // Staff applies for the company (once the trips service knows it), accepts it, moves the trip to
    // today and completes it: the reporting service then records the company's place on it.
    const participant = await waitFor(() => call<{ id: string }>('trips', 'POST', `/api/trips/${trip.id}/participants`, { companyId: company.id, travellers: [{ name: 'Olof Ek' }] }), {
      timeout: 60_000,
      interval: 1000,
    });
    await call('trips', 'POST', `/api/trips/${trip.id}/participants/${participant.id}/accept`);
    await call('trips', 'PATCH', `/api/trips/${trip.id}`, { startsOn: day(0), endsOn: day(1), applicationClosesOn: day(0) });
    await call('trips', 'POST', `/api/trips/${trip.id}/complete`, {});
    await waitFor(async () => {
      const page = await call<{ total: number }>('reporting', 'GET', `/api/reports/companies/${company.id}/activities`, undefined, token);
      expect(page.total).toBe(1);
    }, { timeout: 60_000, interval: 500 });

    await renderSignedIn(<ParticipationHistoryRoute />, { token, language: 'en' });
    const row = (await screen.findByRole('cell', { name: title })).closest('tr')!;
    expect(within(row).getByText('Trip')).toBeTruthy();
    expect(within(row).getByText(/Attended/)).toBeTruthy();
    expect(within(row).getByText('Counted')).toBeTruthy();
  });
});
