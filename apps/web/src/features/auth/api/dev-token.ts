// Development sign-in (AUTH_MODE=dev): the dev server of `npm start` / `vite` signs a token with the
// development key (apps/web/tools/dev-auth.mjs). No production server answers this path.
import type { Role } from '../../../lib/session';

export async function fetchDevToken(role: Role, companyId?: string): Promise<string> {
  const response = await fetch('/dev-auth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, companyId }),
  });
  const body = (await response.json()) as { token?: string; message?: string };
  if (!response.ok || !body.token) throw new Error(body.message ?? `HTTP ${response.status}`);
  return body.token;
}
