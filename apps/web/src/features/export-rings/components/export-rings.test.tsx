import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { callService, randomOrgNumber, renderSignedIn } from '../../../testing/render';
import type { ExportRing } from '../api/export-rings';
import { MembersSection } from './members-section';
import { RingForm } from './ring-form';

describe('export rings (against the companies and events services)', () => {
  it('names what is missing, then forms a circle', async () => {
    const onSaved = vi.fn();
    await renderSignedIn(<RingForm onSaved={onSaved} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Bilda ring eller cirkel' }));
    expect(await screen.findAllByText('Obligatoriskt')).toHaveLength(3);
    await user.selectOptions(screen.getByRole('combobox', { name: /Typ/ }), 'export-circle');
    await user.type(screen.getByRole('textbox', { name: /Namn/ }), 'Exportcirkel Lycksele');
    await user.type(screen.getByRole('textbox', { name: /Ort/ }), 'Lycksele');
    await user.type(screen.getByRole('textbox', { name: /Samtalsledare/ }), 'Jonas Ek');
    await user.click(screen.getByRole('button', { name: 'Bilda ring eller cirkel' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(onSaved.mock.calls[0][0]).toMatchObject({ kind: 'export-circle', name: 'Exportcirkel Lycksele', city: 'Lycksele', facilitator: 'Jonas Ek' });
  });

  it('adds a member, refuses an overlapping second membership in words, and ends the membership', async () => {
    const orgNumber = randomOrgNumber();
    const company = await callService<{ id: string; name: string }>('companies', '/api/companies', { name: `Ringmedlem AB ${orgNumber}`, orgNumber, municipality: 'Umeå' });
    const ring = await callService<ExportRing>('events', '/api/export-rings', { kind: 'export-ring', name: `Ring ${orgNumber}`, city: 'Umeå', facilitator: 'Eva Ny' });
    await renderSignedIn(<MembersSection ringId={ring.id} manage />);
    const user = userEvent.setup();
    expect(await screen.findByText('Inga medlemmar.', undefined, { timeout: 10_000 })).toBeTruthy();
    await user.type(screen.getByRole('searchbox', { name: /Sök företag/ }), orgNumber);
    const select = screen.getByRole('combobox', { name: /^Företag/ });
    await waitFor(() => expect(select.querySelectorAll('option')).toHaveLength(2), { timeout: 10_000 });
    await user.selectOptions(select, company.id);
    const joinedOn = screen.getByLabelText(/^Gick med/);
    await user.clear(joinedOn);
    await user.type(joinedOn, '2026-01-15');
    // The events service learns of the company from CompanyRegistered; until then it answers 422, in words.
    await user.click(screen.getByRole('button', { name: 'Lägg till medlem' }));
    await waitFor(
      async () => {
        if (screen.queryByText(/känner inte till företaget/)) await user.click(screen.getByRole('button', { name: 'Lägg till medlem' }));
        expect(screen.getByText('Företaget är medlem.')).toBeTruthy();
      },
      { timeout: 30_000, interval: 500 },
    );
    const table = await screen.findByRole('table', { name: /Medlemmar/ }, { timeout: 10_000 });
    // The name comes from the companies service, after the membership.
    expect(await within(table).findByText(company.name, undefined, { timeout: 10_000 })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Lägg till medlem' }));
    expect((await screen.findByRole('alert', undefined, { timeout: 10_000 })).textContent).toContain('redan medlem');

    await user.click(await within(table).findByRole('button', { name: `Avsluta medlemskap: ${company.name}` }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog', undefined, { timeout: 10_000 });
    const leftOn = within(dialog).getByLabelText(/^Lämnade/);
    await user.clear(leftOn);
    await user.type(leftOn, '2026-06-30');
    await user.click(within(dialog).getByRole('button', { name: 'Avsluta medlemskap' }));
    await waitFor(() => expect(within(table).getByText('30 juni 2026')).toBeTruthy(), { timeout: 10_000 });
  });
});
