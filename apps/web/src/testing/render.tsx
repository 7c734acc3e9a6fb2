// Renders a component as the app does (providers, router, i18n) against the real services that the
// global setup started, signed in with a development token.
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { inject } from 'vitest';
import { AppProvider, newQueryClient } from '../app/provider';
import { setApiBaseUrls } from '../lib/api-client';
import { i18n } from '../lib/i18n';
import { signIn } from '../lib/session';

declare module 'vitest' {
  export interface ProvidedContext {
    services: { companies: string; events: string; trips: string; reporting: string };
    staffToken: string;
    financierToken: string;
    /** POST `[{ subject, envelope }]` here to publish integration events (test/component-services.mjs). */
    publisherUrl: string;
  }
}

/** `role` picks the staff or financier token; `token`: another user's (a company user's) instead. */
export async function renderSignedIn(
  ui: ReactNode,
  { language = 'sv', route = '/', role = 'staff', token }: { language?: 'sv' | 'en'; route?: string; role?: 'staff' | 'financier'; token?: string } = {},
) {
  setApiBaseUrls(inject('services'));
  signIn(token ?? inject(role === 'financier' ? 'financierToken' : 'staffToken'));
  await i18n.changeLanguage(language);
  const client = newQueryClient();
  return render(
    <AppProvider queryClient={client}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </AppProvider>,
  );
}

/** The same services, for a test's own set-up (a company to register people for, ...). */
export async function callService<T>(service: 'companies' | 'events' | 'trips' | 'reporting', path: string, body?: unknown, method?: 'PATCH' | 'PUT' | 'DELETE'): Promise<T> {
  const response = await fetch(`${inject('services')[service]}${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${inject('staffToken')}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** A valid organisation number of a legal entity, different each call. */
export function randomOrgNumber(): string {
  const digits = [5, 5, 6 + Math.floor(Math.random() * 4), ...Array.from({ length: 6 }, () => Math.floor(Math.random() * 10))];
  let sum = 0;
  digits.forEach((d, i) => {
    const v = d * (i % 2 === 0 ? 2 : 1);
    sum += v > 9 ? v - 9 : v;
  });
  const s = [...digits, (10 - (sum % 10)) % 10].join('');
  return `${s.slice(0, 6)}-${s.slice(6)}`;
}
