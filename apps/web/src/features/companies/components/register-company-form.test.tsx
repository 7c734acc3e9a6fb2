import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { randomOrgNumber, renderSignedIn } from '../../../testing/render';
import { RegisterCompanyForm } from './register-company-form';

const orgInput = () => screen.getByRole('textbox', { name: /Organisationsnummer/ });

describe('RegisterCompanyForm (against the companies service)', () => {
  it('checks the organisation number as one types', async () => {
    await renderSignedIn(<RegisterCompanyForm onRegistered={() => undefined} />);
    const user = userEvent.setup();
    await user.type(orgInput(), '556036-0794');
    expect(await screen.findByText(/Kontrollsiffran stämmer inte/)).toBeTruthy();
    expect(orgInput().getAttribute('aria-invalid')).toBe('true');
    await user.clear(orgInput());
    await user.type(orgInput(), '551036-0793');
    expect(await screen.findByText(/Tredje siffran måste vara 2 eller högre/)).toBeTruthy();
    await user.clear(orgInput());
    await user.type(orgInput(), randomOrgNumber());
    expect(await screen.findByText(/Giltigt organisationsnummer/)).toBeTruthy();
    expect(orgInput().getAttribute('aria-invalid')).not.toBe('true');
  });

  it("shows the service's validation on the field it names, then registers", async () => {
    const onRegistered = vi.fn();
    await renderSignedIn(<RegisterCompanyForm onRegistered={onRegistered} />);
    const user = userEvent.setup();
    const orgNumber = randomOrgNumber();
    await user.type(screen.getByRole('textbox', { name: /Namn/ }), 'Formtest AB');
    await user.type(orgInput(), orgNumber.replace('-', ''));
    await user.selectOptions(screen.getByRole('combobox', { name: /Kommun/ }), 'Skellefteå');
    const website = screen.getByRole('textbox', { name: /Webbplats/ });
    await user.type(website, 'inte en adress');
    await user.click(screen.getByRole('button', { name: 'Registrera företag' }));
    // The service refuses the address (rule isUrl): the message sits on the website field.
    await waitFor(() => expect(website.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Ange en webbadress som börjar med http:// eller https://')).toBeTruthy();
    expect(onRegistered).not.toHaveBeenCalled();

    await user.clear(website);
    await user.type(website, 'https://formtest.example');
    await user.click(screen.getByRole('button', { name: 'Registrera företag' }));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledTimes(1));
    expect(onRegistered.mock.calls[0][0]).toMatchObject({ orgNumber, name: 'Formtest AB', municipality: 'Skellefteå' });
  });

  it('says as one types that a number is already registered, with a link to that company', async () => {
    const first = vi.fn();
    const orgNumber = randomOrgNumber();
    const { unmount } = await renderSignedIn(<RegisterCompanyForm onRegistered={first} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /Namn/ }), 'Originalet AB');
    await user.type(orgInput(), orgNumber);
    await user.selectOptions(screen.getByRole('combobox', { name: /Kommun/ }), 'Umeå');
    await user.click(screen.getByRole('button', { name: 'Registrera företag' }));
    await waitFor(() => expect(first).toHaveBeenCalledTimes(1));
    unmount();

    const second = vi.fn();
    await renderSignedIn(<RegisterCompanyForm onRegistered={second} />);
    await user.type(screen.getByRole('textbox', { name: /Namn/ }), 'Dubbletten AB');
    await user.type(orgInput(), orgNumber);
    expect(await screen.findByText('Redan registrerat: Originalet AB')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Öppna företaget' }).getAttribute('href')).toBe(`/companies/${first.mock.calls[0][0].id}`);
  });

  it('speaks English too', async () => {
    await renderSignedIn(<RegisterCompanyForm onRegistered={() => undefined} />, { language: 'en' });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /Organisation number/ }), '556036-0794');
    expect(await screen.findByText(/The check digit is wrong/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Register a company' }));
    expect(await screen.findAllByText('Required')).toHaveLength(2); // name and municipality
  });
});
