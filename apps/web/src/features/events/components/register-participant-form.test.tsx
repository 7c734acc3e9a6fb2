import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { callService, randomOrgNumber, renderSignedIn } from '../../../testing/render';
import { RegisterParticipantForm } from './register-participant-form';

describe('RegisterParticipantForm (against the companies and events services)', () => {
  it('registers while seats remain, then puts people on the waitlist, and refuses a second registration of one address', async () => {
    const orgNumber = randomOrgNumber();
    const company = await callService<{ id: string; name: string }>('companies', '/api/companies', { name: `Anmälan AB ${orgNumber}`, orgNumber, municipality: 'Vännäs' });
    const startsAt = new Date(Date.now() + 3 * 24 * 3600_000);
    const event = await callService<{ id: string }>('events', '/api/events', {
      kind: 'seminar',
      title: 'Ett säte',
      topic: 'culture',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      location: { city: 'Vännäs', country: 'SE' },
      capacity: 1,
    });
    await renderSignedIn(<RegisterParticipantForm eventId={event.id} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: /Sök företag/ }), orgNumber);
    const companySelect = screen.getByRole('combobox', { name: /^Företag/ });
    await waitFor(() => expect(companySelect.querySelectorAll('option')).toHaveLength(2), { timeout: 10_000 });
    await user.selectOptions(companySelect, company.id);

    const register = async (name: string, email: string) => {
      await user.type(screen.getByRole('textbox', { name: /^Namn/ }), name);
      await user.type(screen.getByRole('textbox', { name: /E-post/ }), email);
      await user.click(screen.getByRole('button', { name: 'Anmäl deltagare' }));
    };

    // The events service learns of the company from CompanyRegistered; until then it answers 422.
    await register('Sara Ek', 'sara@anmalan.example');
    await waitFor(
      async () => {
        if (screen.queryByRole('alert')) await user.click(screen.getByRole('button', { name: 'Anmäl deltagare' }));
        expect(screen.getByText('Sara Ek är anmäld.')).toBeTruthy();
      },
      { timeout: 30_000, interval: 500 },
    );
    await register('Olle Ek', 'olle@anmalan.example');
    expect(await screen.findByText('Olle Ek står på väntelistan (plats 1).')).toBeTruthy();

    await register('Sara Ek', 'SARA@anmalan.example');
    expect((await screen.findByRole('alert')).textContent).toMatch(/already|redan/i);
  });
});
