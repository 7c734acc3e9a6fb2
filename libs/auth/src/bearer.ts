import type { Principal } from './principal';

/**
 * The token of an `Authorization: Bearer <token>` header (the scheme in any case, RFC 7235), else
 * undefined. One parser for the rate limiter and the auth guard, so that both mean the same token.
 */
export function bearerToken(header: string | undefined): string | undefined {
  if (typeof header !== 'string' || header.length < 8) return undefined;
  // The usual spelling first: no lower-cased copy or split on the hot path.
  if (header.startsWith('Bearer ') || (header.charCodeAt(6) === 32 && header.slice(0, 6).toLowerCase() === 'bearer')) return header.slice(7);
  return undefined;
}

/**
 * What the service's first request hook found for the request's bearer token in the verifier's memory
 * (the rate limiter needs it to know the client): kept on the request so that the auth guard, a few
 * microseconds later in the same request, does not parse the header and hash the token a second time.
 * Only ever a principal the verifier had verified (`TokenVerifier.remembered`), and only for the
 * exact header it was found for.
 */
export interface RememberedBearer {
  readonly header: string;
  readonly principal: Principal;
}

export const REMEMBERED_BEARER = Symbol('globac.rememberedBearer');

/** A request object that may carry a RememberedBearer. */
export type WithRememberedBearer = { [REMEMBERED_BEARER]?: RememberedBearer };
