import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { isoToLocalInput } from '../../../lib/format';
import { callService, randomOrgNumber, renderSignedIn } from '../../../testing/render';
import type { Participant, Trip } from '../api/trips';
import { ApplicationsSection } from './applications-section';
import { CompletionSection } from './completion-section';
import { MeetingsSection } from './meetings-section';

const staff = { manage: true };

function swedishDay(offsetDays: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

async function registerCompany(name: string) {
  const orgNumber = randomOrgNumber();
  const company = await callService<{ id: string; name: string }>('companies', '/api/companies', { name: `${name} ${orgNumber}`, orgNumber, municipality: 'Skellefteå' });
  return { ...company, orgNumber };
}

/** An open trip starting tomorrow (applications are taken before the first day), for one company. */
async function openTrip(): Promise<Trip> {
  const trip = await callService<Trip>('trips', '/api/trips', {
    title: 'Besöksresa Poznań',
    purpose: 'Träffa byggföretag',
    destinations: [{ country: 'PL', targetRegion: 'poznan', city: 'Poznań' }],
    startsOn: swedishDay(1),
    endsOn: swedishDay(3),
    capacity: 1,
    subsidyPerCompanySek: 12000,
  });
  return callService<Trip>('trips', `/api/trips/${trip.id}/open`, {});
}

/** Applies through the API once the trips service has the company (it learns of it from CompanyRegistered). */
async function applyByApi(tripId: string, companyId: string): Promise<Participant> {
  return waitFor(() => callService<Participant>('trips', `/api/trips/${tripId}/participants`, { companyId, travellers: [{ name: 'Anna Berg', gender: 'woman' }] }), { timeout: 30_000, interval: 500 });
}

describe('trip sections (against the companies and trips services)', () => {
  it('applies a company, accepts it, refuses a second one with TRIP_FULL, and declines it', async () => {
    const [first, second] = [await registerCompany('Resande AB'), await registerCompany('Tvåan AB')];
    const trip = await openTrip();
    await renderSignedIn(<ApplicationsSection trip={trip} viewer={staff} />);
    const user = userEvent.setup();

    await user.type(screen.getByRole('searchbox', { name: /Sök företag/ }), first.orgNumber);
    const companySelect = screen.getByRole('combobox', { name: /^Företag/ });
    await waitFor(() => expect(companySelect.querySelectorAll('option')).toHaveLength(2), { timeout: 10_000 });
    await user.selectOptions(companySelect, first.id);
    await user.click(screen.getByRole('button', { name: 'Ansök med företaget' }));
    expect(await screen.findAllByText('Obligatoriskt', undefined, { timeout: 10_000 })).toHaveLength(1); // the traveller's name
    await user.type(screen.getByRole('textbox', { name: /^Namn/ }), 'Per Holm');
    await user.type(screen.getByRole('textbox', { name: /E-post/ }), 'inte-en-adress');
    await user.click(screen.getByRole('button', { name: 'Ansök med företaget' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /E-post/ }).getAttribute('aria-invalid')).toBe('true'), { timeout: 10_000 });

    await user.clear(screen.getByRole('textbox', { name: /E-post/ }));
    await user.type(screen.getByRole('textbox', { name: /E-post/ }), 'per@resande.example');
    // Until the trips service has the company it answers 422 UNKNOWN_COMPANY, shown in words; then it applies.
    await user.click(screen.getByRole('button', { name: 'Ansök med företaget' }));
    await waitFor(
      async () => {
        if (screen.queryByText(/känner inte till företaget/)) await user.click(screen.getByRole('button', { name: 'Ansök med företaget' }));
        expect(screen.getByText('Ansökan är inskickad.')).toBeTruthy();
      },
      { timeout: 30_000, interval: 500 },
    );
    const table = await screen.findByRole('table', { name: /Ansökningar/ }, { timeout: 10_000 });
    await waitFor(() => expect(within(table).getByText(/Per Holm/)).toBeTruthy(), { timeout: 10_000 });
    await user.click(await within(table).findByRole('button', { name: `Anta: ${first.name}` }, { timeout: 10_000 }));
    await waitFor(() => expect(within(table).getByText('Antagen')).toBeTruthy(), { timeout: 10_000 });

    // The second company through the form too (the list shows what this screen changed).
    await user.clear(screen.getByRole('searchbox', { name: /Sök företag/ }));
    await user.type(screen.getByRole('searchbox', { name: /Sök företag/ }), second.orgNumber);
    await waitFor(() => expect(within(companySelect).getByRole('option', { name: new RegExp(second.orgNumber) })).toBeTruthy(), { timeout: 10_000 });
    await user.selectOptions(companySelect, second.id);
    await user.type(screen.getByRole('textbox', { name: /^Namn/ }), 'Lena Holm');
    await user.click(screen.getByRole('button', { name: 'Ansök med företaget' }));
    await waitFor(
      async () => {
        if (screen.queryByText(/känner inte till företaget/)) await user.click(screen.getByRole('button', { name: 'Ansök med företaget' }));
        expect(within(table).getByText(/Lena Holm/)).toBeTruthy();
      },
      { timeout: 30_000, interval: 500 },
    );
    await user.click(await within(table).findByRole('button', { name: `Anta: ${second.name}` }, { timeout: 10_000 }));
    expect((await screen.findByRole('alert', undefined, { timeout: 10_000 })).textContent).toContain('Resan är full');
    await user.click(within(table).getByRole('button', { name: `Avböj: ${second.name}` }));
    await waitFor(() => expect(within(table).getByText('Avböjd')).toBeTruthy(), { timeout: 10_000 });
    expect(within(table).queryByRole('button', { name: `Anta: ${second.name}` })).toBeNull();
  });

  it('books a meeting (the partner abroad refused as SE on its field), records and changes its outcome, then completes the trip', async () => {
    const company = await registerCompany('Mötande AB');
    const opened = await openTrip();
    const participant = await applyByApi(opened.id, company.id);
    await callService('trips', `/api/trips/${opened.id}/participants/${participant.id}/accept`, {});
    // The trip's days arrive: moved to start today, so a meeting an hour ago has been held.
    const trip = await callService<Trip>('trips', `/api/trips/${opened.id}`, { startsOn: swedishDay(0) }, 'PATCH');

    const view = await renderSignedIn(<MeetingsSection trip={trip} viewer={staff} />);
    const user = userEvent.setup();
    const companySelect = await screen.findByRole('combobox', { name: /Företag \(antaget\)/ }, { timeout: 10_000 });
    await waitFor(() => expect(within(companySelect).getByRole('option', { name: company.name })).toBeTruthy(), { timeout: 10_000 });
    await user.type(screen.getByRole('textbox', { name: /Partner \(organisation\)/ }), 'Drewno Sp. z o.o.');
    const country = screen.getByRole('textbox', { name: /Partnerns land/ });
    await user.clear(country);
    await user.type(country, 'SE');
    await user.selectOptions(screen.getByRole('combobox', { name: /Partnerns målregion/ }), '');
    await user.type(screen.getByLabelText(/^Tid/), isoToLocalInput(new Date(Date.now() - 3600_000)));
    await user.click(screen.getByRole('button', { name: 'Boka partnermöte' }));
    await waitFor(() => expect(country.getAttribute('aria-invalid')).toBe('true'), { timeout: 10_000 });
    expect(screen.getByText('En partner finns utomlands: landet kan inte vara SE')).toBeTruthy();

    await user.clear(country);
    await user.type(country, 'PL');
    await user.click(screen.getByRole('button', { name: 'Boka partnermöte' }));
    const table = await screen.findByRole('table', { name: /Partnermöten/ }, { timeout: 10_000 });
    expect(within(table).getByText('Inte registrerat')).toBeTruthy();

    await user.click(within(table).getByRole('button', { name: 'Registrera utfall: Drewno Sp. z o.o.' }));
    const dialog = await screen.findByRole('dialog', undefined, { timeout: 10_000 });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Utfall/ }), 'offer-requested');
    await user.type(within(dialog).getByRole('textbox', { name: /Anteckningar/ }), 'Vill ha pris på limträ');
    await user.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(within(table).getByText('Offert efterfrågad')).toBeTruthy(), { timeout: 10_000 });
    expect(within(table).getByText('Vill ha pris på limträ')).toBeTruthy();

    await user.click(within(table).getByRole('button', { name: 'Ändra utfall: Drewno Sp. z o.o.' }));
    const again = await screen.findByRole('dialog', undefined, { timeout: 10_000 });
    await user.selectOptions(within(again).getByRole('combobox', { name: /Utfall/ }), 'agreement');
    await user.click(within(again).getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(within(table).getByText('Avtal')).toBeTruthy(), { timeout: 10_000 });
    const meetings = await callService<{ items: { outcome: string; outcomeRevision: number }[] }>('trips', `/api/trips/${trip.id}/meetings`);
    expect(meetings.items).toMatchObject([{ outcome: 'agreement', outcomeRevision: 2 }]);
    view.unmount();

    // Completion: more days abroad than the trip has are refused on that company's field.
    await renderSignedIn(<CompletionSection trip={trip} viewer={staff} />);
    await user.click(screen.getByRole('button', { name: 'Slutför resan' }));
    const completion = await screen.findByRole('dialog', undefined, { timeout: 10_000 });
    expect(await within(completion).findByRole('checkbox', { name: `Reste: ${company.name}` }, { timeout: 10_000 })).toBeTruthy();
    const days = within(completion).getByRole('textbox', { name: `Dagar utomlands: ${company.name}` });
    await user.clear(days);
    await user.type(days, '9');
    await user.click(within(completion).getByRole('button', { name: 'Slutför resan' }));
    await waitFor(() => expect(days.getAttribute('aria-invalid')).toBe('true'), { timeout: 10_000 });
    expect(within(completion).getByText('Högst lika många dagar som resan är lång')).toBeTruthy();
    await user.clear(days);
    await user.type(days, '2');
    await user.click(within(completion).getByRole('button', { name: 'Slutför resan' }));
    expect(await screen.findByText('Resan är genomförd.', undefined, { timeout: 10_000 })).toBeTruthy();
    const completed = await callService<Trip>('trips', `/api/trips/${trip.id}`);
    expect(completed).toMatchObject({ status: 'completed', travelled: [{ companyId: company.id, daysAbroad: 2, subsidySek: 12000 }] });
  });
});
