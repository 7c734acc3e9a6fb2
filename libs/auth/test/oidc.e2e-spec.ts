// The production path: tokens from an OIDC issuer, verified against its JWKS found by discovery.
// The issuer is outside the system, so a local HTTP server with a generated key stands in for it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { signDevToken, TokenVerifier } from '../src';

describe('TokenVerifier in OIDC mode', () => {
  let server: Server;
  let issuer: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let discoveryHits = 0;

  beforeAll(async () => {
    const keys = await generateKeyPair('RS256', { extractable: true });
    privateKey = keys.privateKey;
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/realms/globac/.well-known/openid-configuration') {
        discoveryHits++;
        res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }));
      } else if (req.url === '/realms/globac/protocol/openid-connect/certs') {
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/globac`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const verifier = () => new TokenVerifier({ mode: 'oidc', issuer, audience: 'globac-api', jwksUrl: '', devSecret: 'unused-in-oidc-mode-unused-in-oidc-mode' });
  const sign = (claims: Record<string, unknown>, options: { audience?: string; issuer?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('user-1')
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? 'globac-api')
      .setExpirationTime('5m')
      .sign(privateKey);

  it('accepts a token from the issuer and maps roles and company', async () => {
    const v = verifier();
    const principal = await v.verify(await sign({ roles: ['company', 'unknown-role'], company_id: 'c-1' }));
    expect(principal).toEqual({ subject: 'user-1', roles: ['company'], companyId: 'c-1' });
    await v.verify(await sign({ roles: ['staff'] }));
    expect(discoveryHits).toBe(1); // discovery once, then cached
  });

  it('refuses a token for another audience or from another issuer', async () => {
    await expect(verifier().verify(await sign({ roles: ['staff'] }, { audience: 'someone-else' }))).rejects.toThrow(/aud/);
    await expect(verifier().verify(await sign({ roles: ['staff'] }, { issuer: 'https://evil.example' }))).rejects.toThrow(/iss/);
  });

  it('refuses a development (HS256) token in OIDC mode', async () => {
    await expect(verifier().verify(await signDevToken({ role: 'admin' }))).rejects.toThrow();
  });

  it('refuses a company token that does not name its company', async () => {
    await expect(verifier().verify(await sign({ roles: ['company'] }))).rejects.toThrow(/company_id/);
  });
});
