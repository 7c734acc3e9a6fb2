import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { bearerToken, REMEMBERED_BEARER } from './bearer';
import { Roles } from './decorators';
import { signDevToken, TokenVerifier } from './token-verifier';

const SECRET = 'a-test-key-of-at-least-thirty-two-characters';

class Controller {
  @Roles('staff')
  forStaff() {}
}

function contextFor(request: object): ExecutionContext {
  return {
    getHandler: () => Controller.prototype.forStaff,
    getClass: () => Controller,
    getArgByIndex: (index: number) => (index === 0 ? request : undefined),
  } as unknown as ExecutionContext;
}

describe('AuthGuard', () => {
  const verifier = new TokenVerifier({ mode: 'dev', devSecret: SECRET, issuer: '', audience: '', jwksUrl: '' });
  const guard = new AuthGuard(new Reflector(), verifier);

  it("admits the principal the request hook remembered for the request's own header", async () => {
    const principal = { subject: 'anna', roles: ['staff'] as const };
    const header = 'Bearer whatever-the-hook-saw';
    const request = { headers: { authorization: header }, [REMEMBERED_BEARER]: { header, principal } };
    expect(guard.canActivate(contextFor(request))).toBe(true);
    expect(request).toMatchObject({ principal });
  });

  it('does not take a remembered principal for another header than the one it was found for', async () => {
    const staff = await signDevToken({ role: 'staff' }, SECRET);
    const remembered = { header: `Bearer ${staff}`, principal: { subject: 'dev-staff', roles: ['staff'] as const } };
    const request = { headers: { authorization: 'Bearer forged.token.here' }, [REMEMBERED_BEARER]: remembered };
    await expect(Promise.resolve().then(() => guard.canActivate(contextFor(request)))).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it("still checks the route's roles for a remembered principal", () => {
    const header = 'Bearer t';
    const request = { headers: { authorization: header }, [REMEMBERED_BEARER]: { header, principal: { subject: 'f', roles: ['financier'] as const } } };
    expect(() => guard.canActivate(contextFor(request))).toThrow(ForbiddenException);
  });

  it('verifies a token it has not seen, then answers it from memory without a promise', async () => {
    const token = await signDevToken({ role: 'staff', subject: 'bo' }, SECRET);
    const first = guard.canActivate(contextFor({ headers: { authorization: `Bearer ${token}` } }));
    expect(first).toBeInstanceOf(Promise);
    await expect(first).resolves.toBe(true);
    expect(guard.canActivate(contextFor({ headers: { authorization: `bearer ${token}` } }))).toBe(true);
  });

  it('refuses a request without a bearer token', () => {
    for (const authorization of [undefined, '', 'Bearer', 'Basic dXNlcjpwYXNz', 'Bearertoken'])
      expect(() => guard.canActivate(contextFor({ headers: { authorization } }))).toThrow(UnauthorizedException);
  });
});

describe('bearerToken', () => {
  it('reads the token of the Bearer scheme, in any case of the scheme, and nothing else', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('BEARER abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('Basic abc.def.ghi')).toBeUndefined();
    expect(bearerToken('Bearer ')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
