// Who is signed in: the bearer token and what the services will read from it (roles, company).
// Kept in sessionStorage so a reload keeps the user signed in while closing the tab signs out.
import { useSyncExternalStore } from 'react';

export const ROLES = ['admin', 'staff', 'financier', 'company'] as const;
export type Role = (typeof ROLES)[number];

export interface Session {
  token: string;
  roles: Role[];
  companyId?: string;
  subject: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const KEY = 'globac.session';
const listeners = new Set<() => void>();
let cached: Session | null | undefined;
let endedByChoice = false;

/** Reads the claims the services read (libs/auth token-verifier: `roles` or `role`, `company_id`). */
export function sessionFromToken(token: string): Session {
  const [, payload] = token.split('.');
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  const claimed = claims['roles'] ?? claims['role'];
  const list = Array.isArray(claimed) ? claimed : typeof claimed === 'string' ? [claimed] : [];
  return {
    token,
    roles: list.filter((r): r is Role => (ROLES as readonly string[]).includes(r as string)),
    companyId: typeof claims['company_id'] === 'string' ? claims['company_id'] : undefined,
    subject: String(claims['sub'] ?? ''),
    expiresAt: typeof claims['exp'] === 'number' ? claims['exp'] * 1000 : Number.MAX_SAFE_INTEGER,
  };
}

export function currentSession(): Session | null {
  if (cached === undefined) {
    const raw = sessionStorage.getItem(KEY);
    cached = raw ? (JSON.parse(raw) as Session) : null;
  }
  if (cached && cached.expiresAt <= Date.now()) signOut('expired');
  return cached;
}

export function signIn(token: string): Session {
  endedByChoice = false;
  cached = sessionFromToken(token);
  sessionStorage.setItem(KEY, JSON.stringify(cached));
  listeners.forEach((l) => l());
  return cached;
}

/** 'chosen': the user signed out (start afresh); 'expired': the token ran out or was refused (come back here). */
export function signOut(reason: 'chosen' | 'expired' = 'chosen'): void {
  endedByChoice = reason === 'chosen';
  cached = null;
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

/** Whether the last session ended because the user chose to sign out. */
export function sessionEndedByChoice(): boolean {
  return endedByChoice;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, currentSession);
}

/** Staff and admin may change things; financiers only read; a company user acts for its own company. */
export function canManage(session: Session | null): boolean {
  return !!session?.roles.some((r) => r === 'staff' || r === 'admin');
}
