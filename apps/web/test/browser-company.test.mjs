// The company user's flows in the browser: the real services started as `npm start` starts them, the
// built app served by the web image's own server (tools/web-server.mjs, so its Content-Security-Policy
// is enforced on the real app), Debian's Chromium in Swedish. A company user signs in, sees its home
// (the missing year of export figures), reports that year, reads its participation history (a completed
// trip), applies for an open trip, and is refused another company's page. Every page is checked with
// axe-core in Swedish and English; screenshots go to .data/screenshots/company-*.png.
//   node --test apps/web/test/browser-company.test.mjs
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ingressRoutes } from '../tools/serve.mjs';
import { signDevToken } from '../tools/dev-auth.mjs';
import { configFromEnv, createWebServer } from '../tools/web-server.mjs';
import { cleanUp, eventually, isolatedEnv, launchChromium, randomOrgNumber, root, startAsNpmStart } from './harness.mjs';
import { checkAccessibility, shot, shots } from './browser-steps.mjs';

const SERVICES = ['companies', 'events', 'trips', 'reporting'];

let app;
let isolation;
let browser;
let web;
let webUrl;

before(async () => {
  mkdirSync(shots, { recursive: true });
  isolation = await isolatedEnv(SERVICES);
  // Generous: seven other test runs share this 2-core machine.
  app = await startAsNpmStart({ ...isolation.env, WEB_PORT: '0' }, { timeoutMs: 400_000 });
  // The production server in its development mode (as docker compose runs it): /api/... forwarded to
  // the services by the Ingress's prefixes, the development sign-in, and the production CSP.
  const upstreams = (await ingressRoutes()).map((r) => `${r.prefix}=${app.services[r.service]}`).join(',');
  web = await createWebServer(configFromEnv({ NODE_ENV: 'development', AUTH_MODE: 'dev', API_UPSTREAMS: upstreams, WEB_ROOT: path.join(root, 'dist/apps/web') }));
  await new Promise((resolve) => web.listen(0, '127.0.0.1', resolve));
  webUrl = `http://127.0.0.1:${web.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (web ? web.close(resolve) : resolve()));
  await app?.stop();
  if (isolation) await cleanUp(isolation);
});

async function call(service, method, urlPath, body) {
  const token = await signDevToken({ role: 'staff' });
  const response = await fetch(`${app.services[service]}${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${urlPath}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

const day = (offset) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));

async function plannedTrip(title, startsIn) {
  const trip = await call('trips', 'POST', '/api/trips', {
    title,
    purpose: 'Möten med grossister och mässbesök',
    destinations: [{ country: 'PL', targetRegion: 'poznan', city: 'Poznań' }],
    startsOn: day(startsIn),
    endsOn: day(startsIn + 3),
    capacity: 6,
    financiers: ['eu'],
    subsidyPerCompanySek: 12000,
  });
  await call('trips', 'POST', `/api/trips/${trip.id}/open`);
  return trip;
}

test('a company user sees its home, reports a year of export figures, reads its history, applies for a trip, and is refused another company', async () => {
  const register = (name) => {
    const orgNumber = randomOrgNumber();
    return call('companies', 'POST', '/api/companies', { name: `${name} ${orgNumber}`, orgNumber, municipality: 'Skellefteå' });
  };
  const own = await register('Norrskog Export AB');
  const other = await register('Grannföretaget AB');
  // History: a trip the company travelled on (staff applied for it, accepted it and completed it).
  const travelled = await plannedTrip('Resa till Poznańmässan', 1);
  const place = await eventually(() => call('trips', 'POST', `/api/trips/${travelled.id}/participants`, { companyId: own.id, travellers: [{ name: 'Lena Holm' }] }), { timeoutMs: 60_000, intervalMs: 500 });
  await call('trips', 'POST', `/api/trips/${travelled.id}/participants/${place.id}/accept`);
  await call('trips', 'PATCH', `/api/trips/${travelled.id}`, { startsOn: day(0), endsOn: day(2), applicationClosesOn: day(0) });
  await call('trips', 'POST', `/api/trips/${travelled.id}/complete`, {});
  const open = await plannedTrip('Delegation till Novara', 20);
  await eventually(async () => (await call('reporting', 'GET', `/api/reports/companies/${own.id}/activities`)).total === 1, { timeoutMs: 60_000, intervalMs: 500 });

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  // A loaded machine: waits are for the app and the services, never a measure of speed.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // A CSP that blocks anything of the app shows up as a console error.
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()) && problems.push(m.text()));

  await page.goto(`${webUrl}/sign-in`);
  await page.getByRole('radio', { name: 'företagsanvändare' }).check();
  await page.getByRole('combobox', { name: /^Företag/ }).selectOption(own.id);
  await page.getByRole('button', { name: 'Logga in' }).click();

  // Home: what the programme asks for, open events and trips, latest activities.
  await page.getByRole('heading', { name: own.name, level: 1 }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/my-company');
  const lastYear = new Date().getFullYear() - 1;
  await page.getByText(`Programmet saknar era siffror för ${lastYear}.`).waitFor();
  await page.getByRole('cell', { name: 'Resa till Poznańmässan' }).waitFor();
  await page.getByText('Delegation till Novara').waitFor();
  await shot(page, 'company-01-home');
  await checkAccessibility(page, 'company-01-home');

  // Report last year's figures.
  const form = page.getByRole('form', { name: 'Rapportera ett års siffror' });
  assert.equal(await form.getByRole('combobox', { name: /^År/ }).inputValue(), String(lastYear));
  await form.getByRole('textbox', { name: /Total omsättning/ }).fill('12000000');
  await form.getByRole('textbox', { name: /Exportomsättning/ }).fill('3500000');
  await form.getByRole('textbox', { name: /Exportländer/ }).fill('NO, FI');
  await form.getByRole('button', { name: 'Rapportera' }).click();
  await page.getByText('Ni har rapporterat siffror för alla år programmet frågar efter. Tack!').waitFor();
  await page.getByText(`Siffrorna för ${lastYear} är rapporterade.`).waitFor();
  await shot(page, 'company-02-figures-reported');
  const figures = await call('companies', 'GET', `/api/companies/${own.id}/export-figures`);
  assert.deepEqual(
    figures.items.map((f) => [f.year, f.exportTurnoverSek]),
    [[lastYear, 3_500_000]],
  );

  // Participation history, with its period filter (Swedish date inputs).
  await page.getByRole('link', { name: 'Vår historik' }).click();
  await page.getByRole('heading', { name: 'Vår deltagarhistorik', level: 1 }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Resa till Poznańmässan' });
  await row.getByText('Räknas', { exact: true }).waitFor();
  await page.getByLabel('Från och med').fill(day(-30));
  await row.waitFor();
  await shot(page, 'company-03-history');
  await checkAccessibility(page, 'company-03-history');

  // Apply for the open trip.
  await page.getByRole('link', { name: 'Öppna resor' }).click();
  await page.getByRole('heading', { name: 'Öppna resor', level: 1 }).waitFor();
  const card = page.getByRole('region', { name: 'Delegation till Novara' });
  await card.getByRole('button', { name: 'Ansök' }).click();
  await card.getByRole('textbox', { name: /^Namn/ }).fill('Per Lund');
  await card.getByRole('textbox', { name: /E-post/ }).fill('per.lund@norrskog.example');
  await card.getByRole('combobox', { name: /Kön/ }).selectOption('man');
  await shot(page, 'company-04-trip-application');
  await checkAccessibility(page, 'company-04-trip-application');
  await card.getByRole('button', { name: 'Skicka ansökan' }).click();
  await card.getByText('Ansökt, väntar på beslut').waitFor();
  const applications = await call('trips', 'GET', `/api/trips/${open.id}/participants`);
  assert.deepEqual(
    applications.items.map((p) => [p.companyId, p.status]),
    [[own.id, 'applied']],
  );
  await shot(page, 'company-05-trip-applied');

  // Another company's page: refused by the service, nothing of it shown.
  await page.goto(`${webUrl}/companies/${other.id}`);
  await page.getByText('Du har inte behörighet till det här.').waitFor();
  assert.equal(await page.getByText(other.name).count(), 0);
  await shot(page, 'company-06-other-company-refused');
  await checkAccessibility(page, 'company-06-other-company-refused');
  await context.close();
  assert.deepEqual(problems, []);
});
