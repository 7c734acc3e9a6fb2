import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { callService, randomOrgNumber, renderSignedIn } from '../../../testing/render';
import { ContactsSection } from './contacts-section';
import { ExportFiguresSection } from './export-figures-section';
import { MergeSection } from './merge-section';

async function registerCompany(name: string) {
  const orgNumber = randomOrgNumber();
  return callService<{ id: string; name: string; orgNumber: string; municipalityHistory: [] }>('companies', '/api/companies', { name: `${name} ${orgNumber}`, orgNumber, municipality: 'Lycksele' });
}

describe('the company page sections (against the companies service)', () => {
  it('adds a contact (the service refuses a bad address on its field), exports what is held and erases the person', async () => {
    const company = await registerCompany('Kontakt AB');
    await renderSignedIn(<ContactsSection companyId={company.id} />);
    const user = userEvent.setup();
    expect(await screen.findByText('Inga kontaktpersoner.')).toBeTruthy();

    await user.type(screen.getByRole('textbox', { name: /^Namn/ }), 'Maja Nilsson');
    const email = screen.getByRole('textbox', { name: /E-post/ });
    await user.type(email, 'inte-en-adress');
    await user.click(screen.getByRole('button', { name: 'Lägg till kontaktperson' }));
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Ange en giltig e-postadress')).toBeTruthy();

    await user.clear(email);
    await user.type(email, 'maja@kontakt.example');
    await user.click(screen.getByRole('checkbox', { name: /Samtycker/ }));
    await user.click(screen.getByRole('button', { name: 'Lägg till kontaktperson' }));
    const row = (await screen.findByRole('cell', { name: 'Maja Nilsson' })).closest('tr')!;
    expect(within(row).getByText('maja@kontakt.example')).toBeTruthy();

    // Art. 15: the file handed to the browser holds what the service answered about the person.
    let exported: Blob | undefined;
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => ((exported = blob as Blob), 'blob:contact'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await user.click(within(row).getByRole('button', { name: /Exportera uppgifter.*Maja Nilsson/ }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    const held = JSON.parse(
      await new Promise<string>((resolve) => {
        const reader = new FileReader(); // jsdom's Blob has no text()
        reader.onload = () => resolve(reader.result as string);
        reader.readAsText(exported!);
      }),
    );
    expect(JSON.stringify(held)).toContain('maja@kontakt.example');
    expect(JSON.stringify(held)).toContain(company.id);

    // Art. 17, after a confirmation.
    await user.click(within(row).getByRole('button', { name: /Radera.*Maja Nilsson/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Radera Maja Nilsson?' });
    await user.click(within(dialog).getByRole('button', { name: /Radera/ }));
    expect(await screen.findByText('Kontaktpersonen är raderad.')).toBeTruthy();
    expect(await screen.findByText('Inga kontaktpersoner.')).toBeTruthy();
    const left = await callService<{ total: number }>('companies', `/api/contacts?companyId=${company.id}`);
    expect(left.total).toBe(0);
  });

  it('reports a year of export figures, with the service refusing a bad market on the markets field', async () => {
    const company = await registerCompany('Export AB');
    await renderSignedIn(<ExportFiguresSection companyId={company.id} />);
    const user = userEvent.setup();
    expect(await screen.findByText('Inga exportsiffror rapporterade.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /Total omsättning/ }), '5000000');
    await user.type(screen.getByRole('textbox', { name: /Exportomsättning/ }), '1250000');
    const markets = screen.getByRole('textbox', { name: /Exportmarknader/ });
    await user.type(markets, 'NO, XX1');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(markets.getAttribute('aria-invalid')).toBe('true'));

    await user.clear(markets);
    await user.type(markets, 'no, pl');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText('Exportsiffrorna är sparade.')).toBeTruthy();
    // sv-SE: a narrow no-break space groups thousands; the markets come back sorted and upper-cased.
    const row = (await screen.findByRole('cell', { name: 'NO, PL' })).closest('tr')!;
    expect(within(row).getByText(/1\s250\s000\skr/)).toBeTruthy();
  });

  it('merges a duplicate into the company after a confirmation', async () => {
    const survivor = await registerCompany('Kvar AB');
    const duplicate = await registerCompany('Dubblett AB');
    await renderSignedIn(<MergeSection survivor={{ ...survivor, municipalityHistory: [] } as never} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: /Sök dubblett/ }), duplicate.orgNumber);
    const pick = screen.getByRole('combobox', { name: /Välj dubblett/ });
    await waitFor(() => expect(pick.querySelectorAll('option')).toHaveLength(2), { timeout: 10_000 });
    await user.selectOptions(pick, duplicate.id);
    await user.click(screen.getByRole('button', { name: 'Slå ihop med det här företaget' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(new RegExp(`Slå ihop ${duplicate.name} med ${survivor.name}`))).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Slå ihop med det här företaget' }));
    expect(await screen.findByText('Företagen är sammanslagna.')).toBeTruthy();
    await expect(callService('companies', `/api/companies/${duplicate.id}`)).rejects.toThrow(/410.*COMPANY_MERGED/);
  });
});
