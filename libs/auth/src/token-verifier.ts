import { createSecretKey, type KeyObject } from 'node:crypto';
import { DEFAULT_DEV_SECRET } from '@globac/config';
import { createRemoteJWKSet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { type Principal, type Role, ROLES } from './principal';

export const DEV_TOKEN_ISSUER = 'globac-dev';
export const DEV_TOKEN_AUDIENCE = 'globac';
/** Re-exported where it was: the CLI and tests sign with it through @globac/auth. */
export { DEFAULT_DEV_SECRET };

export interface AuthOptions {
  mode: 'dev' | 'oidc';
  devSecret: string;
  issuer: string;
  audience: string;
  /** Optional; discovered from the issuer when empty. */
  jwksUrl: string;
}

export class InvalidTokenError extends Error {}

/** A verified token's principal, good until `until` (epoch ms): its expiry, or the memory's limit. */
export interface RememberedToken {
  readonly principal: Principal;
  readonly until: number;
}

// A client sends the same token with every request until it expires, and verifying a signature costs
// more than the rest of a request. Verified tokens are remembered, keyed by the whole token (signature
// included), until they expire, or for at most CACHE_TTL_MS so that a rotated signing key is noticed.
const CACHE_MAX_ENTRIES = 10_000;
const CACHE_TTL_MS = 5 * 60_000;

/** Verifies bearer tokens: against the OIDC issuer's JWKS, or the local development key. */
export class TokenVerifier {
  private jwks?: Promise<ReturnType<typeof createRemoteJWKSet>>;
  private readonly devKey: KeyObject;
  private readonly verified = new Map<string, RememberedToken>();

  constructor(private readonly options: AuthOptions) {
    // A KeyObject made once: given raw bytes, jose would import the key again on every call.
    this.devKey = createSecretKey(Buffer.from(options.devSecret, 'utf8'));
  }

  /** The principal of a token verified before and not yet expired, if any. */
  remembered(token: string): Principal | undefined {
    return this.rememberedToken(token)?.principal;
  }

  /** What is remembered of a token verified before and not yet expired (with how long it holds), if any. */
  rememberedToken(token: string): RememberedToken | undefined {
    const cached = this.verified.get(token);
    if (cached && cached.until > Date.now()) return cached;
    if (cached) this.verified.delete(token);
    return undefined;
  }

  async verify(token: string): Promise<Principal> {
    const remembered = this.remembered(token);
    if (remembered) return remembered;
    const { principal, expiresAt } = await this.verifySignature(token);
    if (this.verified.size >= CACHE_MAX_ENTRIES) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, until: Math.min(expiresAt, Date.now() + CACHE_TTL_MS) });
    return principal;
  }

  private async verifySignature(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      payload =
        this.options.mode === 'dev'
          ? (await jwtVerify(token, this.devKey, { issuer: DEV_TOKEN_ISSUER, audience: DEV_TOKEN_AUDIENCE, algorithms: ['HS256'] }))
              .payload
          : (
              await jwtVerify(token, await this.keySet(), {
                issuer: this.options.issuer,
                audience: this.options.audience,
                // Asymmetric algorithms only: an HS256 token signed with a public key must not pass.
                algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'],
              })
            ).payload;
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    // A token without an expiry is verified every time rather than remembered.
    return { principal: toPrincipal(payload), expiresAt: payload.exp ? payload.exp * 1000 : 0 };
  }

  private keySet() {
    this.jwks ??= this.discoverJwks().catch((error) => {
      this.jwks = undefined; // try discovery again on the next request
      throw error;
    });
    return this.jwks;
  }

  private async discoverJwks() {
    if (this.options.jwksUrl) return createRemoteJWKSet(new URL(this.options.jwksUrl));
    const url = new URL('.well-known/openid-configuration', this.options.issuer.replace(/\/?$/, '/'));
    const response = await fetch(url);
    if (!response.ok) throw new Error(`OIDC discovery at ${url} answered ${response.status}`);
    const { jwks_uri } = (await response.json()) as { jwks_uri?: string };
    if (!jwks_uri) throw new Error(`OIDC discovery at ${url} has no jwks_uri`);
    return createRemoteJWKSet(new URL(jwks_uri));
  }
}

function toPrincipal(payload: JWTPayload): Principal {
  const claimed = payload['roles'] ?? payload['role'];
  const list = Array.isArray(claimed) ? claimed : typeof claimed === 'string' ? [claimed] : [];
  const roles = list.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const companyId = typeof payload['company_id'] === 'string' ? payload['company_id'] : undefined;
  if (!payload.sub) throw new InvalidTokenError('the token has no subject');
  if (roles.includes('company') && !companyId) throw new InvalidTokenError('a company token must name its company_id');
  return { subject: payload.sub, roles, companyId };
}

export interface DevTokenClaims {
  role: Role;
  companyId?: string;
  subject?: string;
  /** Lifetime, e.g. '8h'. */
  expiresIn?: string;
}

/** Signs a token with the local development key (for `npm run token` and tests). */
export function signDevToken(claims: DevTokenClaims, secret = DEFAULT_DEV_SECRET): Promise<string> {
  return new SignJWT({ roles: [claims.role], ...(claims.companyId ? { company_id: claims.companyId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.subject ?? `dev-${claims.role}`)
    .setIssuer(DEV_TOKEN_ISSUER)
    .setAudience(DEV_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '8h')
    .sign(createSecretKey(Buffer.from(secret, 'utf8')));
}
