// The browser test: the real services started as `npm start` starts them, the built app, Debian's
// Chromium driven by playwright-core. A project manager signs in, registers a company (seeing the
// service's validation on the right field first), schedules an event starting soon, registers two
// people, and takes attendance on a phone-sized screen; then sees companiesSupported on the indicators
// dashboard go up by one, drills down to the company's org number, downloads the Excel file and freezes
// a period. Every page is checked with axe-core in Swedish and English (no serious or critical
// violation); screenshots go to .data/screenshots/.
//   node --test apps/web/test/browser.test.mjs
/* global document */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { chromiumPath, cleanUp, eventually, isolatedEnv, launchChromium, randomOrgNumber, startAsNpmStart } from './harness.mjs';
import { checkAccessibility, registerCompanyThroughApi, shot, shots } from './browser-steps.mjs';

const SERVICES = ['companies', 'events', 'trips', 'reporting'];
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let app;
let isolation;
let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  const executablePath = chromiumPath();
  assert.ok(executablePath, "Debian's chromium is not installed: apt-get install -y chromium (.ci/run does it)");
  isolation = await isolatedEnv(SERVICES);
  app = await startAsNpmStart({ ...isolation.env, WEB_PORT: '0' });
  // Swedish browser widgets (date inputs) and the flags that keep it off the network: harness.mjs.
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.stop();
  if (isolation) await cleanUp(isolation);
});

async function signInAsStaff(page) {
  await page.goto(`${app.webUrl}/sign-in`);
  await page.getByRole('heading', { name: 'Logga in' }).waitFor();
  await page.getByRole('radio', { name: 'projektledare' }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('heading', { name: 'Företag', level: 1 }).waitFor();
}

/** A `datetime-local` value in Swedish time (the browser's zone here) at least `leadSeconds` from now, on a whole minute. */
function soon(leadSeconds, plusMinutes = 0) {
  const at = new Date(Math.ceil((Date.now() + leadSeconds * 1000) / 60_000) * 60_000 + plusMinutes * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { value: `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`, at };
}

/** Every rendered element of the page's header that sticks out of the header's box (by bounding boxes). */
function headerOverflow(page) {
  return page.evaluate(() => {
    const header = document.querySelector('header');
    const box = header.getBoundingClientRect();
    const out = [];
    for (const el of header.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered (the desktop header on a phone)
      // Half a pixel for sub-pixel rounding at deviceScaleFactor 2.
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
        out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 30)}" ${JSON.stringify(r)}`);
    }
    return { height: box.height, width: box.width, overflow: out, scrolls: header.scrollWidth > header.clientWidth };
  });
}

/**
 * The header on a 390 px phone: one line (app name and burger) with nothing outside its box; the
 * burger (reached by keyboard after the skip link) opens the links, the language switch and sign-out
 * on the screen, Escape closes it, and a followed link closes it.
 */
async function checkPhoneHeader(mobile) {
  const header = await headerOverflow(mobile);
  assert.ok(header.height <= 60, `header ${header.height} px high on a phone`);
  assert.deepEqual(header.overflow, [], 'header content outside the header');
  assert.equal(header.scrolls, false);
  // The desktop header's controls are not rendered here: sign-out only through the burger.
  assert.equal(await mobile.getByRole('button', { name: 'Logga ut' }).count(), 0);
  assert.equal(await mobile.getByRole('navigation', { name: 'Huvudmeny' }).count(), 0);

  // Keyboard: the skip link first, then the burger; Enter opens the menu, Tab goes into its links.
  await mobile.reload();
  await mobile.getByRole('heading', { name: /Närvaro/ }).waitFor();
  await mobile.keyboard.press('Tab');
  assert.equal(await mobile.evaluate(() => document.activeElement.textContent), 'Hoppa till innehållet');
  await mobile.keyboard.press('Tab');
  const burger = mobile.getByRole('button', { name: 'Meny' });
  assert.equal(await burger.evaluate((b) => b === document.activeElement), true, 'the burger follows the skip link');
  assert.equal(await burger.getAttribute('aria-expanded'), 'false');
  await mobile.keyboard.press('Enter');
  assert.equal(await burger.getAttribute('aria-expanded'), 'true');
  await mobile.keyboard.press('Tab');
  assert.equal(await mobile.evaluate(() => document.activeElement.textContent), 'Företag');
  await mobile.keyboard.press('Escape');
  assert.equal(await burger.getAttribute('aria-expanded'), 'false');
  assert.equal(await burger.evaluate((b) => b === document.activeElement), true, 'Escape gives focus back to the burger');

  // Open: links, language and sign-out visible inside the screen; the header still one clean line.
  await burger.click();
  const signOut = mobile.getByRole('button', { name: 'Logga ut' });
  await signOut.waitFor();
  // The navbar slides in (a CSS transition): polled until in place, asserted with the last box seen.
  for (const control of [signOut, mobile.getByRole('radiogroup', { name: 'Språk' }), mobile.getByRole('link', { name: 'Indikatorer' })]) {
    const onScreen = (box) => box && box.x >= 0 && box.x + box.width <= 390 && box.y >= header.height && box.y + box.height <= 844;
    let box;
    await eventually(async () => onScreen((box = await control.boundingBox())), { timeoutMs: 5000, intervalMs: 100 }).catch(() => {});
    assert.ok(onScreen(box), `${JSON.stringify(box)} on the screen below the header`);
  }
  assert.deepEqual((await headerOverflow(mobile)).overflow, [], 'header content outside the header (menu open)');
  await shot(mobile, '09b-phone-menu');
  await checkAccessibility(mobile, '09b-phone-menu');
  // A followed link closes the menu.
  await mobile.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Evenemang' }).click();
  await mobile.getByRole('heading', { name: 'Evenemang', level: 1 }).waitFor();
  assert.equal(await burger.getAttribute('aria-expanded'), 'false');
  assert.equal(await signOut.count(), 0);
  // The navbar slides out (a CSS transition): the screenshot once it is off the screen.
  await eventually(async () => {
    const box = await mobile.locator('#mobile-menu').boundingBox();
    return !box || box.x + box.width <= 0;
  });
  await shot(mobile, '09c-phone-events');
}

test('a project manager registers a company, schedules an event, registers two people and takes attendance on a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(e.message));

  // Sign in (development mode: a role, and a token the dev server signs).
  await page.goto(app.webUrl);
  await page.getByRole('heading', { name: 'Logga in' }).waitFor();
  await shot(page, '01-sign-in');
  await checkAccessibility(page, '01-sign-in');
  // By keyboard alone: Tab to the chosen role, Tab to the button, Enter.
  const focused = () => page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent || document.activeElement?.getAttribute('value')}`);
  for (let i = 0; i < 10 && (await focused()) !== 'INPUT:staff'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'INPUT:staff');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'BUTTON:Logga in');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Företag', level: 1 }).waitFor();
  // The first Tab stop of a page is the skip link, which takes focus to the content.
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'A:Hoppa till innehållet');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await shot(page, '02-companies');
  await checkAccessibility(page, '02-companies');

  // The indicators before anything happens here: the figure the attendance below must raise by one.
  await page.getByRole('link', { name: 'Indikatorer' }).click();
  await page.getByRole('heading', { name: 'Indikatorer', level: 1 }).waitFor();
  const supportedBefore = await readFigure(page, 'companiesSupported');
  await page.getByRole('link', { name: 'Företag', exact: true }).click();
  await page.getByRole('heading', { name: 'Företag', level: 1 }).waitFor();

  // Register a company: the org-number check as one types, then the service's own validation.
  await page.getByRole('link', { name: 'Registrera företag' }).click();
  await page.getByRole('heading', { name: 'Registrera företag' }).waitFor();
  const orgNumber = randomOrgNumber();
  const name = `Webbtest Trä AB ${orgNumber}`;
  await page.getByLabel('Namn').fill(name);
  const org = page.getByRole('textbox', { name: 'Organisationsnummer' });
  await org.fill(`${orgNumber.slice(0, -1)}${(Number(orgNumber.at(-1)) + 1) % 10}`);
  await page.getByText('Kontrollsiffran stämmer inte').waitFor();
  await org.fill(orgNumber);
  await page.getByText('Giltigt organisationsnummer').waitFor();
  await page.getByLabel('Kommun').selectOption('Umeå');
  await page.getByLabel('Antal anställda').fill('12');
  await page.getByLabel('Webbplats').fill('inte en adress');
  await page.getByRole('button', { name: 'Registrera företag' }).click();
  const website = page.getByLabel('Webbplats');
  await eventually(async () => (await website.getAttribute('aria-invalid')) === 'true');
  await shot(page, '03-register-company-validation');
  await checkAccessibility(page, '03-register-company');
  await website.fill('https://webbtest.example');
  await page.getByRole('button', { name: 'Registrera företag' }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await page.getByText(orgNumber).first().waitFor();
  await page.getByText('Inga kontaktpersoner.').waitFor();
  await page.getByText('Inga exportsiffror rapporterade.').waitFor();
  await shot(page, '04-company-page');
  await checkAccessibility(page, '04-company-page');

  // Schedule an event starting soon (attendance can be taken once it has started).
  await page.getByRole('link', { name: 'Evenemang' }).click();
  await page.getByRole('heading', { name: 'Evenemang', level: 1 }).waitFor();
  await checkAccessibility(page, '05-events');
  await page.getByRole('link', { name: 'Planera evenemang' }).click();
  await page.getByRole('heading', { name: 'Planera evenemang', level: 1 }).waitFor();
  // Far enough ahead for the registrations on a loaded machine (registration closes at the start).
  const starts = soon(70);
  const ends = soon(70, 120);
  await page.getByRole('combobox', { name: /^Typ/ }).selectOption('seminar');
  await page.getByRole('combobox', { name: /^Ämne/ }).selectOption('market-entry');
  await page.getByRole('textbox', { name: /^Rubrik/ }).fill('Exportseminarium: Polen');
  await page.getByLabel(/^Börjar/).fill(starts.value);
  await page.getByLabel(/^Slutar/).fill(ends.value);
  await page.getByRole('textbox', { name: /^Ort/ }).fill('Umeå');
  await page.getByLabel('Antal platser').fill('2');
  await page.getByLabel('EU').check();
  await shot(page, '06-schedule-event');
  await checkAccessibility(page, '06-schedule-event');
  await page.getByRole('button', { name: 'Planera evenemang' }).click();
  await page.getByRole('heading', { name: 'Exportseminarium: Polen', level: 1 }).waitFor();
  const eventUrl = page.url();

  // Register two people. The events service learns of the new company from its integration event, so
  // the first attempt may come before it has: try again until it is known.
  for (const person of [{ name: 'Anna Lind', email: 'anna.lind@webbtest.example' }, { name: 'Erik Berg', email: 'erik.berg@webbtest.example' }]) {
    await page.getByLabel('Sök företag att anmäla').fill(orgNumber);
    await eventually(async () => (await page.getByRole('combobox', { name: /^Företag/ }).locator('option').count()) > 1);
    await page.getByRole('combobox', { name: /^Företag/ }).selectOption({ label: `${name} (${orgNumber})` });
    await page.getByRole('textbox', { name: /^Namn/ }).fill(person.name);
    await page.getByLabel('E-post').fill(person.email);
    await eventually(
      async () => {
        await page.getByRole('button', { name: 'Anmäl deltagare' }).click();
        await page.getByText(`${person.name} är anmäld.`).waitFor({ timeout: 3000 });
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  }
  await page.getByRole('cell', { name: 'Erik Berg', exact: true }).waitFor();
  await page.getByText('2 anmälda, 0 på väntelistan').waitFor();
  await shot(page, '07-event-registrations');
  await checkAccessibility(page, '07-event-page');
  await context.close();

  // At the door, on a phone: sign in again there and wait for the event to start.
  const phone = await browser.newContext({ ...PHONE, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const mobile = await phone.newPage();
  mobile.on('pageerror', (e) => consoleErrors.push(e.message));
  await signInAsStaff(mobile);
  await mobile.goto(`${eventUrl}/attendance`);
  await mobile.getByRole('heading', { name: /Närvaro/ }).waitFor();
  await shot(mobile, '08-attendance-before-start');
  await eventually(
    async () => {
      await mobile.reload();
      const anna = mobile.getByRole('switch', { name: 'Anna Lind' });
      await anna.waitFor();
      return !(await anna.isDisabled());
    },
    { timeoutMs: Math.max(30_000, starts.at.getTime() - Date.now() + 30_000), intervalMs: 2000 },
  );
  for (const who of ['Anna Lind', 'Erik Berg']) {
    await mobile.getByRole('switch', { name: who }).check({ force: true });
  }
  await mobile.getByText('2 av 2 närvarande').waitFor();
  await shot(mobile, '09-attendance-phone');
  await checkAccessibility(mobile, '09-attendance-phone');
  await checkPhoneHeader(mobile);
  await phone.close();

  // Back at the desk: the indicators count the company once the reporting service has the attendance
  // (the page is reloaded until it shows; the test never waits a fixed time).
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', acceptDownloads: true });
  const reports = await desk.newPage();
  reports.on('pageerror', (e) => consoleErrors.push(e.message));
  await signInAsStaff(reports);
  await reports.getByRole('link', { name: 'Indikatorer' }).click();
  await reports.getByRole('heading', { name: 'Indikatorer', level: 1 }).waitFor();
  await eventually(
    async () => {
      if ((await readFigure(reports, 'companiesSupported')) === supportedBefore + 1) return true;
      await reports.reload();
      return false;
    },
    { timeoutMs: 60_000, intervalMs: 1000 },
  );
  await reports.getByRole('table', { name: 'Per kommun' }).getByRole('rowheader', { name: 'Umeå' }).waitFor();
  await shot(reports, '13-dashboard');
  await checkAccessibility(reports, '13-dashboard');

  // Drill down: the figure opens the companies behind it, the new company among them.
  await reports.getByRole('link', { name: /Visa företagen bakom Stödda företag/ }).click();
  await reports.getByRole('heading', { name: 'Företagen bakom siffran', level: 1 }).waitFor();
  await reports.getByRole('cell', { name: orgNumber, exact: true }).waitFor();
  await reports.getByRole('link', { name }).waitFor();
  await shot(reports, '14-dashboard-companies');
  await checkAccessibility(reports, '14-dashboard-companies');

  // The list as Excel: fetched with the token, saved under the service's file name.
  const [download] = await Promise.all([reports.waitForEvent('download'), reports.getByRole('button', { name: 'Ladda ner företagslistan som Excel' }).click()]);
  assert.match(download.suggestedFilename(), /^globac-[a-z-]+-\d{4}-01-01_\d{4}-12-31\.xlsx$/);
  const xlsx = readFileSync(await download.path());
  assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK', 'an xlsx file is a zip archive');
  await reports.getByText(`Hämtat: ${download.suggestedFilename()}`).waitFor();
  await shot(reports, '15-dashboard-companies-downloaded');

  // Freeze this year: the frozen period opens with the company counted.
  await reports.getByRole('link', { name: 'Tillbaka till indikatorerna' }).click();
  await reports.getByRole('link', { name: 'Frysta perioder' }).click();
  await reports.getByRole('heading', { name: 'Frysta perioder', level: 1 }).waitFor();
  await checkAccessibility(reports, '16-periods');
  await reports.getByRole('button', { name: 'Frys period' }).click();
  await reports.getByRole('heading', { name: /^Fryst period/, level: 1 }).waitFor();
  assert.equal(await readFigure(reports, 'companiesSupported'), supportedBefore + 1);
  await shot(reports, '17-period');
  await checkAccessibility(reports, '17-period');
  await reports.getByRole('link', { name: 'Till frysta perioder' }).click();
  await reports.getByRole('table', { name: 'Frysta perioder' }).waitFor();
  await shot(reports, '16-periods');
  await desk.close();
  assert.deepEqual(consoleErrors, []);
});

/** A figure of the dashboard as a number (sv-SE digits, spaces grouping thousands). */
async function readFigure(page, id) {
  const text = await page.getByTestId(`figure-${id}`).textContent();
  return Number(text.replace(/\s/g, ''));
}

/** A trip the company travelled on, planned, applied for, accepted and completed through the API (for its report). */
async function completeTripThroughApi(company) {
  const { token } = await (await fetch(`${app.webUrl}/dev-auth/token`, { method: 'POST', body: JSON.stringify({ role: 'staff' }) })).json();
  const call = async (method, url, body) => {
    const headers = { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) };
    const response = await fetch(`${app.webUrl}${url}`, { method, headers, body: body && JSON.stringify(body) });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const day = (offset) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + offset * 86_400_000));
  const title = `Delegation till Poznań ${company.orgNumber}`;
  const trip = await call('POST', '/api/trips', {
    title,
    purpose: 'B2B-möten med grossister',
    destinations: [{ country: 'PL', targetRegion: 'poznan', city: 'Poznań' }],
    startsOn: day(1),
    endsOn: day(3),
    financiers: ['eu'],
    subsidyPerCompanySek: 8000,
  });
  await call('POST', `/api/trips/${trip.id}/open`);
  // The trips service learns of the company from its integration event: apply until it knows it.
  const participant = await eventually(() => call('POST', `/api/trips/${trip.id}/participants`, { companyId: company.id, travellers: [{ name: 'Karin Ek' }] }), { timeoutMs: 60_000, intervalMs: 500 });
  await call('POST', `/api/trips/${trip.id}/participants/${participant.id}/accept`);
  await call('POST', `/api/trips/${trip.id}/close`);
  // Moved to have started (only creation refuses past days), so that it can be completed now.
  await call('PATCH', `/api/trips/${trip.id}`, { startsOn: day(-2), endsOn: day(0) });
  await call('POST', `/api/trips/${trip.id}/complete`, {});
  return { id: trip.id, title };
}

test("a company user sees its own company and not another's; a financier sees no write buttons and is refused companies", async () => {
  const own = await registerCompanyThroughApi(app.webUrl, 'Egen AB');
  const other = await registerCompanyThroughApi(app.webUrl, 'Annan AB');
  const traveller = await registerCompanyThroughApi(app.webUrl, 'Resande AB');
  const trip = await completeTripThroughApi(traveller);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();

  await page.goto(`${app.webUrl}/sign-in`);
  await page.getByRole('radio', { name: 'företagsanvändare' }).check();
  await page.getByRole('combobox', { name: /^Företag/ }).selectOption(own.id);
  await checkAccessibility(page, '10-sign-in-company');
  await page.getByRole('button', { name: 'Logga in' }).click();
  // The company user's home (features/my-company; its own test is browser-company.test.mjs), then its company page.
  await page.getByRole('heading', { name: own.name, level: 1 }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Mitt företag' }).count(), 1);
  await page.getByRole('link', { name: 'Mitt företag' }).click();
  await page.getByRole('heading', { name: 'Exportsiffror', level: 2 }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Slå ihop dubbletter' }).count(), 0, 'merging is for staff');
  await shot(page, '10-company-user-own-page');
  await checkAccessibility(page, '10-company-user-own-page');
  await page.goto(`${app.webUrl}/companies/${other.id}`);
  await page.getByText('Du har inte behörighet till det här.').waitFor();
  assert.equal(await page.getByText(other.name).count(), 0);
  await shot(page, '11-company-user-other-page');
  await checkAccessibility(page, '11-company-user-other-page');
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await page.getByRole('heading', { name: 'Logga in' }).waitFor();
  assert.equal(new URL(page.url()).search, '', 'a chosen sign-out does not come back to the page it left');

  await page.getByRole('radio', { name: 'finansiär' }).check();
  await page.getByRole('button', { name: 'Logga in' }).click();
  // A financier lands on the indicators, reads the frozen periods without the freeze form, and a trip's report.
  await page.getByRole('heading', { name: 'Indikatorer', level: 1 }).waitFor();
  // The completed trip counts once the reporting service has its TripCompleted.
  await eventually(
    async () => {
      if ((await readFigure(page, 'tripsCompleted')) >= 1) return true;
      await page.reload();
      return false;
    },
    { timeoutMs: 60_000, intervalMs: 1000 },
  );
  await shot(page, '12-financier-dashboard');
  // The top of the page as the README shows it (docs/images/dashboard.png is a copy).
  await page.screenshot({ path: path.join(shots, '12-financier-dashboard-top.png') });
  await page.getByRole('link', { name: 'Frysta perioder' }).click();
  await page.getByRole('heading', { name: 'Frysta perioder', level: 1 }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Frys period' }).count(), 0, 'freezing is for staff');
  await page.goto(`${app.webUrl}/reports/trips/${trip.id}`);
  await page.getByRole('heading', { name: `Reserapport: ${trip.title}`, level: 1 }).waitFor({ timeout: 60_000 });
  await page.getByRole('cell', { name: traveller.orgNumber, exact: true }).waitFor();
  await shot(page, '12-financier-trip-report');
  await checkAccessibility(page, '12-financier-trip-report');
  await page.getByRole('link', { name: 'Evenemang' }).click();
  await page.getByRole('heading', { name: 'Evenemang', level: 1 }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Planera evenemang' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Företag' }).count(), 0);
  await shot(page, '12-financier-events');
  await page.goto(`${app.webUrl}/companies`);
  await page.getByText('Du har inte behörighet till det här.').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Registrera företag' }).count(), 0);
  await checkAccessibility(page, '12-financier-companies');
  await context.close();
});
