import { describe, expect, it } from 'vitest';
import { canManage, currentSession, sessionEndedByChoice, sessionFromToken, signIn, signOut } from './session';

function token(claims: Record<string, unknown>): string {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'none' })}.${part(claims)}.signature`;
}

describe('the session read from a token, as the services read it', () => {
  it('takes roles from `roles` or `role`, keeps only known ones, and the company from `company_id`', () => {
    expect(sessionFromToken(token({ sub: 'u1', roles: ['staff', 'auditor'], exp: 2_000_000_000 }))).toMatchObject({ subject: 'u1', roles: ['staff'], expiresAt: 2_000_000_000_000 });
    expect(sessionFromToken(token({ sub: 'u2', role: 'company', company_id: 'c-1' }))).toMatchObject({ roles: ['company'], companyId: 'c-1' });
    expect(sessionFromToken(token({ sub: 'u3' })).roles).toEqual([]);
  });

  it('lets staff and admin manage, not financiers or company users', () => {
    expect(canManage(sessionFromToken(token({ sub: 'a', roles: ['admin'] })))).toBe(true);
    expect(canManage(sessionFromToken(token({ sub: 'f', roles: ['financier'] })))).toBe(false);
    expect(canManage(sessionFromToken(token({ sub: 'c', roles: ['company'], company_id: 'x' })))).toBe(false);
    expect(canManage(null)).toBe(false);
  });

  it('ends an expired session, and tells a chosen sign-out from an expiry', () => {
    signIn(token({ sub: 'old', roles: ['staff'], exp: Math.floor(Date.now() / 1000) - 1 }));
    expect(currentSession()).toBeNull();
    expect(sessionEndedByChoice()).toBe(false);
    signIn(token({ sub: 'now', roles: ['staff'], exp: Math.floor(Date.now() / 1000) + 60 }));
    expect(currentSession()?.subject).toBe('now');
    signOut('chosen');
    expect(currentSession()).toBeNull();
    expect(sessionEndedByChoice()).toBe(true);
  });
});
