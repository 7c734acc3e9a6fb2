// The trips browser test: the real services started as `npm start` starts them, the built app,
// Debian's Chromium driven by playwright-core. A project manager plans a trip, opens it, applies a
// company (registered through the API), accepts it, moves the trip to start today (as its days
// arrive), books a partner meeting and records its outcome, and completes the trip; then forms an
// export ring with the company as a member. A financier then reads the trip without write buttons or
// traveller names. Every page is checked with axe-core in Swedish and English; screenshots go to
// .data/screenshots/trips-*.png.
//   node --test apps/web/test/browser-trips.test.mjs
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { cleanUp, eventually, isolatedEnv, launchChromium, startAsNpmStart } from './harness.mjs';
import { checkAccessibility, registerCompanyThroughApi, shot, shots } from './browser-steps.mjs';

const SERVICES = ['companies', 'events', 'trips', 'reporting'];

let app;
let isolation;
let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  isolation = await isolatedEnv(SERVICES);
  app = await startAsNpmStart({ ...isolation.env, WEB_PORT: '0' });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  if (isolation) await cleanUp(isolation);
});

/** A Swedish calendar day, `offset` days from today. */
function swedishDay(offset) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));
}

/** A `datetime-local` value in Swedish time (the browser context's zone). */
function swedishLocalTime(date) {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** Clicks `button` until `success` shows: the services learn of a new company from its event, and refuse it until then. */
async function untilKnown(page, button, success) {
  await eventually(
    async () => {
      await button.click();
      await page.getByText(success).waitFor({ timeout: 3000 });
      return true;
    },
    { timeoutMs: 60_000, intervalMs: 500 },
  );
}

test('a project manager plans a trip, accepts a company, records a partner meeting and completes the trip; a financier reads it', async () => {
  const company = await registerCompanyThroughApi(app.webUrl, 'Resetest AB');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await page.goto(`${app.webUrl}/sign-in`);
  await page.getByRole('radio', { name: 'projektledare' }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { name: 'Företag', level: 1 }).waitFor();

  // The list, then plan a trip starting tomorrow (applications are taken until the day before).
  await page.getByRole('link', { name: 'Resor' }).click();
  await page.getByRole('heading', { name: 'Resor', level: 1 }).waitFor();
  await checkAccessibility(page, 'trips-01-list');
  await page.getByRole('link', { name: 'Planera resa' }).click();
  await page.getByRole('heading', { name: 'Planera resa', level: 1 }).waitFor();
  const title = `Delegationsresa Poznań ${company.orgNumber}`;
  await page.getByRole('textbox', { name: /^Rubrik/ }).fill(title);
  await page.getByRole('textbox', { name: /^Syfte/ }).fill('Möta byggföretag och underleverantörer inom trä');
  await page.getByRole('combobox', { name: /^Målregion/ }).selectOption('poznan');
  await page.getByRole('textbox', { name: /^Ort/ }).fill('Poznań');
  await page.getByLabel(/^Första dag/).fill(swedishDay(1));
  await page.getByLabel(/^Sista dag/).fill(swedishDay(4));
  await page.getByLabel(/^Antal företag/).fill('5');
  await page.getByLabel(/^Stöd per företag/).fill('15000');
  await page.getByLabel('EU').check();
  assert.equal(await page.getByRole('textbox', { name: /^Land/ }).inputValue(), 'PL', 'the region fills in its country');
  await shot(page, 'trips-02-plan');
  await checkAccessibility(page, 'trips-02-plan');
  await page.getByRole('button', { name: 'Planera resa' }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  await page.getByText('Resan är planerad.').waitFor();
  const tripUrl = page.url();
  const tripId = tripUrl.split('/').pop();

  // Open it, apply the company, accept it.
  await page.getByRole('button', { name: 'Öppna för ansökan' }).click();
  await page.getByText('Öppen för ansökan', { exact: true }).waitFor();
  await page.getByRole('searchbox', { name: 'Sök företag' }).fill(company.orgNumber);
  await eventually(async () => (await page.getByRole('combobox', { name: /^Företag/ }).locator('option').count()) > 1);
  await page.getByRole('combobox', { name: /^Företag/ }).selectOption(company.id);
  await page.getByRole('textbox', { name: /^Namn/ }).fill('Karin Ström');
  await page.getByRole('textbox', { name: /^E-post/ }).fill('karin@resetest.example');
  await page.getByRole('combobox', { name: /^Kön/ }).selectOption('woman');
  await untilKnown(page, page.getByRole('button', { name: 'Ansök med företaget' }), 'Ansökan är inskickad.');
  await page.getByRole('button', { name: `Anta: ${company.name}` }).click();
  await page.getByRole('table', { name: 'Ansökningar (1)' }).getByText('Antagen').waitFor();
  await page.getByText('Antagna företag: 1 · 4 lediga').waitFor();
  await shot(page, 'trips-03-accepted');
  await checkAccessibility(page, 'trips-03-trip-open');

  // The trip's days arrive: moved to start today (completion is possible from the first day).
  await page.getByRole('link', { name: 'Ändra resan' }).click();
  await page.getByRole('heading', { name: `Ändra ${title}`, level: 1 }).waitFor();
  await checkAccessibility(page, 'trips-04-edit');
  await page.getByLabel(/^Första dag/).fill(swedishDay(0));
  await page.getByRole('button', { name: 'Spara' }).click();
  await page.getByText('Resan är sparad.').waitFor();

  // A partner meeting an hour ago, and its outcome.
  await page.getByRole('textbox', { name: /^Partner \(organisation\)/ }).fill('Drewno Poznań Sp. z o.o.');
  await page.getByLabel(/^Tid/).fill(swedishLocalTime(new Date(Date.now() - 3600_000)));
  await page.getByRole('textbox', { name: /^Plats/ }).fill('Poznań, mässhallen');
  await page.getByRole('button', { name: 'Boka partnermöte' }).click();
  await page.getByText('Mötet är bokat.').waitFor();
  await page.getByRole('button', { name: 'Registrera utfall: Drewno Poznań Sp. z o.o.' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: /^Utfall/ }).selectOption('agreement');
  await dialog.getByLabel(/^Anteckningar/).fill('Ramavtal om limträ');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('table', { name: /Partnermöten/ }).getByText('Avtal', { exact: true }).waitFor();
  await shot(page, 'trips-05-meeting');
  await checkAccessibility(page, 'trips-05-meeting');

  // Complete: the accepted company travelled the whole trip, with the trip's subsidy.
  await page.getByRole('button', { name: 'Slutför resan' }).click();
  await page.getByRole('dialog').getByRole('checkbox', { name: `Reste: ${company.name}` }).waitFor();
  await shot(page, 'trips-06-complete-dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Slutför resan' }).click();
  await page.getByText('Resan är genomförd.').waitFor();
  await page.getByText('Genomförd', { exact: true }).waitFor();
  const report = page.getByRole('link', { name: 'Resans rapport' });
  assert.equal(await report.getAttribute('href'), `/reports/trips/${tripId}`);
  await page.getByRole('table', { name: /Vilka reste/ }).getByText(/15\s000\skr/).waitFor();
  assert.equal(await page.getByRole('button', { name: `Anta: ${company.name}` }).count(), 0);
  await shot(page, 'trips-07-completed');
  await checkAccessibility(page, 'trips-07-completed');

  // An export ring with the company as a member.
  await page.getByRole('link', { name: 'Exportringar' }).click();
  await page.getByRole('heading', { name: 'Exportringar och exportcirklar', level: 1 }).waitFor();
  const ringName = `Exportring Skellefteå ${company.orgNumber}`;
  const ringForm = page.getByRole('form', { name: 'Bilda ring eller cirkel' });
  await ringForm.getByRole('textbox', { name: /^Namn/ }).fill(ringName);
  await ringForm.getByRole('textbox', { name: /^Ort/ }).fill('Skellefteå');
  await ringForm.getByRole('textbox', { name: /^Samtalsledare/ }).fill('Maria Nilsson');
  await ringForm.getByRole('button', { name: 'Bilda ring eller cirkel' }).click();
  await page.getByRole('link', { name: ringName }).first().waitFor();
  await shot(page, 'trips-08-rings');
  await checkAccessibility(page, 'trips-08-rings');
  await page.getByRole('link', { name: ringName }).first().click();
  await page.getByRole('heading', { name: ringName, level: 1 }).waitFor();
  await page.getByRole('searchbox', { name: 'Sök företag' }).fill(company.orgNumber);
  await eventually(async () => (await page.getByRole('combobox', { name: /^Företag/ }).locator('option').count()) > 1);
  await page.getByRole('combobox', { name: /^Företag/ }).selectOption(company.id);
  await untilKnown(page, page.getByRole('button', { name: 'Lägg till medlem' }), 'Företaget är medlem.');
  await page.getByRole('table', { name: /Medlemmar/ }).getByText(company.name).waitFor();
  await shot(page, 'trips-09-ring');
  await checkAccessibility(page, 'trips-09-ring');

  // A financier reads the trip: no write buttons, travellers without names.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByRole('radio', { name: 'finansiär' }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();
  // Financiers land on the indicators dashboard.
  await page.getByRole('heading', { name: 'Indikatorer', level: 1 }).waitFor();
  await page.goto(tripUrl);
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  await page.getByRole('table', { name: /Ansökningar/ }).getByText('Dold · Kvinna').waitFor();
  assert.equal(await page.getByText('Karin Ström').count(), 0, 'a financier sees no traveller names');
  for (const write of ['Ändra resan', 'Rätta vilka som reste', 'Boka partnermöte', 'Ställ in resan'])
    assert.equal(await page.getByRole('button', { name: write }).or(page.getByRole('link', { name: write })).count(), 0, `no "${write}" for a financier`);
  await shot(page, 'trips-10-financier-trip');
  await checkAccessibility(page, 'trips-10-financier-trip');
  await context.close();
  assert.deepEqual(pageErrors, []);
});
