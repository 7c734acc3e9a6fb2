import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { isoToLocalInput } from '../../../lib/format';
import { renderSignedIn } from '../../../testing/render';
import { ScheduleEventForm } from './schedule-event-form';

describe('ScheduleEventForm (against the events service)', () => {
  it('names what is missing, shows the service validation on its field, then schedules', async () => {
    const onScheduled = vi.fn();
    await renderSignedIn(<ScheduleEventForm onScheduled={onScheduled} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Planera evenemang' }));
    expect(await screen.findAllByText('Obligatoriskt')).toHaveLength(4); // title, start, end, city

    const start = new Date(Date.now() + 7 * 24 * 3600_000);
    await user.type(screen.getByRole('textbox', { name: /Rubrik/ }), 'Tullregler i Indien');
    await user.selectOptions(screen.getByRole('combobox', { name: /Ämne/ }), 'legal');
    // datetime-local inputs take their value as typed text in jsdom.
    await user.type(screen.getByLabelText(/Börjar/), isoToLocalInput(start));
    await user.type(screen.getByLabelText(/Slutar/), isoToLocalInput(new Date(start.getTime() + 2 * 3600_000)));
    await user.type(screen.getByRole('textbox', { name: /^Ort/ }), 'Skellefteå');
    const country = screen.getByRole('textbox', { name: /Land/ });
    await user.clear(country);
    await user.type(country, 'XX');
    await user.click(screen.getByRole('button', { name: 'Planera evenemang' }));
    await waitFor(() => expect(country.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText(/Ange en landskod med två bokstäver/)).toBeTruthy();
    expect(onScheduled).not.toHaveBeenCalled();

    await user.clear(country);
    await user.type(country, 'se');
    await user.click(screen.getByRole('checkbox', { name: 'Region Västerbotten' }));
    await user.type(screen.getByRole('textbox', { name: /Antal platser/ }), '25');
    await user.click(screen.getByRole('button', { name: 'Planera evenemang' }));
    await waitFor(() => expect(onScheduled).toHaveBeenCalledTimes(1));
    expect(onScheduled.mock.calls[0][0]).toMatchObject({
      title: 'Tullregler i Indien',
      topic: 'legal',
      capacity: 25,
      location: { city: 'Skellefteå', country: 'SE' },
      financiers: ['region-vasterbotten'],
      startsAt: new Date(Math.floor(start.getTime() / 60_000) * 60_000).toISOString(),
    });
  });
});
