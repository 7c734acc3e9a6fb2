// The header on a phone: the burger opens the navigation (links, language, sign-out) and closes it,
// and following a link closes it. jsdom applies no CSS, so the desktop header is in the DOM too; the
// queries are scoped to the burger's menu (its aria-controls) to test the phone's part alone.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderSignedIn } from '../testing/render';
import { Layout } from './layout';

function renderLayout(language: 'sv' | 'en') {
  return renderSignedIn(
    <Routes>
      <Route element={<Layout />}>
        <Route path="/companies" element={<h1>Companies page</h1>} />
        <Route path="/events" element={<h1>Events page</h1>} />
      </Route>
    </Routes>,
    { language, route: '/companies' },
  );
}

const menuOf = (burger: HTMLElement) => document.getElementById(burger.getAttribute('aria-controls') ?? '')!;

describe('the header on a phone', () => {
  it('opens and closes the menu with the burger, and closes it when a link is followed', async () => {
    const user = userEvent.setup();
    await renderLayout('sv');
    const burger = screen.getByRole('button', { name: 'Meny' });
    expect(burger.getAttribute('aria-expanded')).toBe('false');
    const menu = menuOf(burger);
    expect(within(menu).queryByRole('navigation')).toBeNull();

    await user.click(burger);
    expect(burger.getAttribute('aria-expanded')).toBe('true');
    const nav = within(menu).getByRole('navigation', { name: 'Huvudmeny' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Företag', 'Evenemang', 'Resor', 'Exportringar', 'Indikatorer']);
    expect(within(menu).getByRole('radiogroup', { name: 'Språk' })).toBeTruthy();
    expect(within(menu).getByRole('button', { name: 'Logga ut' })).toBeTruthy();

    // The burger closes it again.
    await user.click(burger);
    expect(burger.getAttribute('aria-expanded')).toBe('false');
    expect(within(menu).queryByRole('navigation')).toBeNull();

    // A followed link shows its page and closes the menu; focus goes to the content, not <body>.
    await user.click(burger);
    await user.click(within(menu).getByRole('link', { name: 'Evenemang' }));
    expect(await screen.findByRole('heading', { name: 'Events page' })).toBeTruthy();
    expect(burger.getAttribute('aria-expanded')).toBe('false');
    expect(within(menu).queryByRole('navigation')).toBeNull();
    expect(document.activeElement).toBe(document.getElementById('main'));
  });

  it('closes on Escape with focus back on the burger, and names the burger in English', async () => {
    const user = userEvent.setup();
    await renderLayout('en');
    const burger = screen.getByRole('button', { name: 'Menu' });
    await user.click(burger);
    const menu = menuOf(burger);
    within(menu).getByRole('link', { name: 'Companies' }).focus();
    await user.keyboard('{Escape}');
    expect(burger.getAttribute('aria-expanded')).toBe('false');
    expect(within(menu).queryByRole('navigation')).toBeNull();
    expect(document.activeElement).toBe(burger);
  });
});
