// Steps every browser test takes: axe-core on a page in both languages, the language switch, a
// screenshot, and a company registered through the app's own origin. Shared so that the staff, trips
// and company-user tests check accessibility by the same rules.
/* global document, window */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { randomOrgNumber, root } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const shots = path.join(root, '.data/screenshots');

/**
 * axe-core on the page as it is, then in English (with a `.en.png` screenshot), then back in Swedish;
 * asserts no serious or critical violation. axe goes in through DevTools, not a <script> tag, which a
 * Content-Security-Policy of `script-src 'self'` (the web image's) rightly refuses.
 */
export async function checkAccessibility(page, name) {
  const failures = [];
  for (const language of ['sv', 'en']) {
    await setLanguage(page, language);
    await page.evaluate(axeSource);
    const results = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
    );
    for (const v of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
      failures.push(`${name} (${language}): ${v.id} [${v.impact}] ${v.help}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n').slice(1).join(' ').trim()})`).slice(0, 3).join(', ')}`);
    if (language === 'en') await page.screenshot({ path: path.join(shots, `${name}.en.png`), fullPage: true });
  }
  await setLanguage(page, 'sv');
  assert.deepEqual(failures, [], failures.join('\n'));
}

export async function setLanguage(page, language) {
  if ((await page.evaluate(() => document.documentElement.lang)) === language) return;
  const label = page.locator('label', { hasText: language === 'en' ? 'English' : 'Svenska' }).filter({ visible: true });
  // On a phone the language switch is in the burger's menu: opened for the switch, closed again after.
  const burger = page.getByRole('button', { name: /^(Meny|Menu)$/, expanded: false });
  const throughMenu = (await label.count()) === 0 && (await burger.count()) > 0;
  if (throughMenu) await burger.click();
  await label.click();
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
  if (throughMenu) await page.getByRole('button', { name: /^(Meny|Menu)$/, expanded: true }).click();
}

export const shot = (page, name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

/** A company registered by staff through `webUrl`'s `/api` (as the browser calls it), with a development token. */
export async function registerCompanyThroughApi(webUrl, name) {
  const { token } = await (await fetch(`${webUrl}/dev-auth/token`, { method: 'POST', body: JSON.stringify({ role: 'staff' }) })).json();
  const orgNumber = randomOrgNumber();
  const response = await fetch(`${webUrl}/api/companies`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `${name} ${orgNumber}`, orgNumber, municipality: 'Skellefteå' }),
  });
  assert.equal(response.status, 201);
  return { ...(await response.json()), orgNumber };
}
