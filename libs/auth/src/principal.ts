export const ROLES = ['admin', 'staff', 'financier', 'company'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: taken from a verified bearer token. */
export interface Principal {
  /** The token's subject (the user id at the identity provider). */
  readonly subject: string;
  readonly roles: readonly Role[];
  /** For the `company` role: the one company this user may see and act for. */
  readonly companyId?: string;
}

export function hasRole(principal: Principal, ...roles: readonly Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}
