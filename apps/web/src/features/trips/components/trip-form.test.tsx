import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderSignedIn } from '../../../testing/render';
import { TripForm } from './trip-form';

function swedishDay(offsetDays: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

describe('TripForm (against the trips service)', () => {
  it('names what is missing, puts the service refusal on the destination it names, then plans the trip', async () => {
    const onSaved = vi.fn();
    await renderSignedIn(<TripForm onSaved={onSaved} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Planera resa' }));
    expect(await screen.findAllByText('Obligatoriskt')).toHaveLength(5); // title, purpose, first day, last day, country

    await user.type(screen.getByRole('textbox', { name: /Rubrik/ }), 'Delegationsresa Poznań');
    await user.type(screen.getByRole('textbox', { name: /Syfte/ }), 'Möta underleverantörer inom trä');
    await user.type(screen.getByLabelText(/Första dag/), swedishDay(20));
    await user.type(screen.getByLabelText(/Sista dag/), swedishDay(23));
    // A second destination whose region lies in another country: the service names that destination's region.
    await user.type(screen.getByRole('textbox', { name: /Land/ }), 'pl');
    await user.click(screen.getByRole('button', { name: 'Lägg till resmål' }));
    const countries = screen.getAllByRole('textbox', { name: /Land/ });
    await user.type(countries[1], 'FR');
    const regions = screen.getAllByRole('combobox', { name: /Målregion/ });
    await user.selectOptions(regions[1], 'novara');
    await user.click(screen.getByRole('button', { name: 'Planera resa' }));
    await waitFor(() => expect(regions[1].getAttribute('aria-invalid')).toBe('true'), { timeout: 10_000 });
    expect(regions[0].getAttribute('aria-invalid')).not.toBe('true');
    expect(onSaved).not.toHaveBeenCalled();

    await user.selectOptions(regions[1], 'ile-de-france');
    await user.selectOptions(regions[0], 'poznan');
    await user.type(screen.getByRole('textbox', { name: /Antal företag/ }), '8');
    await user.type(screen.getByRole('textbox', { name: /Stöd per företag/ }), '15000');
    await user.click(screen.getByRole('checkbox', { name: 'EU' }));
    await user.click(screen.getByRole('button', { name: 'Planera resa' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(onSaved.mock.calls[0][0]).toMatchObject({
      title: 'Delegationsresa Poznań',
      status: 'planned',
      capacity: 8,
      subsidyPerCompanySek: 15000,
      financiers: ['eu'],
      startsOn: swedishDay(20),
      endsOn: swedishDay(23),
      destinations: [
        { country: 'PL', targetRegion: 'poznan' },
        { country: 'FR', targetRegion: 'ile-de-france' },
      ],
    });
  });

  it('shows the last day before the first on its field, in English', async () => {
    await renderSignedIn(<TripForm onSaved={vi.fn()} />, { language: 'en' });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /Title/ }), 'Backwards');
    await user.type(screen.getByRole('textbox', { name: /Purpose/ }), 'Dates the wrong way round');
    await user.type(screen.getByRole('textbox', { name: /Country/ }), 'IN');
    await user.type(screen.getByLabelText(/First day/), swedishDay(30));
    await user.type(screen.getByLabelText(/^Last day(?! to)/), swedishDay(28));
    await user.click(screen.getByRole('button', { name: 'Plan a trip' }));
    await waitFor(() => expect(screen.getByLabelText(/^Last day(?! to)/).getAttribute('aria-invalid')).toBe('true'), { timeout: 10_000 });
    expect(screen.getByLabelText(/First day/).getAttribute('aria-invalid')).not.toBe('true');
  });
});
