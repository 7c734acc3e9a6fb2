// Production sign-in: OpenID Connect authorization code flow with PKCE (oidc-client-ts), against the
// issuer /config.json names. Loaded only when the deployment is configured for OIDC.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { RuntimeConfig } from '../../../lib/config';

type OidcConfig = Extract<RuntimeConfig, { authMode: 'oidc' }>;

let manager: UserManager | undefined;

export function userManager(cfg: OidcConfig): UserManager {
  manager ??= new UserManager({
    authority: cfg.issuer,
    client_id: cfg.clientId,
    redirect_uri: `${window.location.origin}/auth/callback`,
    post_logout_redirect_uri: `${window.location.origin}/sign-in`,
    response_type: 'code', // with PKCE, which oidc-client-ts always uses for the code flow
    scope: cfg.scope ?? 'openid profile',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  return manager;
}

/** Starts the redirect to the issuer; `next` is where to go after the callback. */
export function startOidcSignIn(cfg: OidcConfig, next: string): Promise<void> {
  return userManager(cfg).signinRedirect({ state: { next } });
}

/** Completes the callback; the access token is what the services verify (roles and company_id claims). */
export async function completeOidcSignIn(cfg: OidcConfig): Promise<{ accessToken: string; next: string }> {
  const user = await userManager(cfg).signinRedirectCallback();
  const next = (user.state as { next?: string } | undefined)?.next ?? '/';
  return { accessToken: user.access_token, next };
}
