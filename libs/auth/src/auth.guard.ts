import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';
import { bearerToken, REMEMBERED_BEARER, type WithRememberedBearer } from './bearer';
import type { Principal, Role } from './principal';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/** What a route admits: decided by its decorators, so the same for every request to it. */
interface RouteAccess {
  readonly isPublic: boolean;
  /** admin and the route's `@Roles`. */
  readonly roles: readonly Role[];
  readonly refusal: string;
}

/** Global guard: a valid bearer token on every route not marked `@Public()`, and one of the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  /** By route handler: the metadata lookups cost more than the rest of a remembered token's check. */
  private readonly access = new WeakMap<object, RouteAccess>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  private routeAccess(context: ExecutionContext): RouteAccess {
    const handler = context.getHandler();
    let access = this.access.get(handler);
    if (!access) {
      const targets = [handler, context.getClass()];
      const roles: Role[] = ['admin', ...(this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets) ?? [])];
      access = {
        isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false,
        roles,
        refusal: `This needs one of the roles: ${roles.join(', ')}`,
      };
      this.access.set(handler, access);
    }
    return access;
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const access = this.routeAccess(context);
    if (access.isPublic) return true;

    // The request is the HTTP context's first argument; switchToHttp() would make three closures and
    // reshape the context object on every call to hand it over.
    const request = context.getArgByIndex<GuardedRequest>(0);
    const header = request.headers.authorization;
    // Found by the service's request hook for this very header (REMEMBERED_BEARER): no second lookup.
    const memo = request[REMEMBERED_BEARER];
    if (memo && memo.header === header) return admit(request, memo.principal, access);
    const token = bearerToken(header);
    if (!token) throw new UnauthorizedException({ error: 'UNAUTHORIZED', message: 'A bearer token is required' });
    // A token seen before is answered without a promise: every promise costs on this hot path.
    const remembered = this.verifier.remembered(token);
    if (remembered) return admit(request, remembered, access);
    return this.verifier.verify(token).then(
      (principal) => admit(request, principal, access),
      (error: unknown) => {
        if (!(error instanceof InvalidTokenError)) throw error;
        throw new UnauthorizedException({ error: 'UNAUTHORIZED', message: `The token is not valid: ${error.message}` });
      },
    );
  }
}

type GuardedRequest = { headers: Record<string, string | undefined>; principal?: Principal } & WithRememberedBearer;

function admit(request: GuardedRequest, principal: Principal, access: RouteAccess): true {
  request.principal = principal;
  // A plain loop rather than hasRole(principal, ...roles): no array spread per request.
  for (const role of principal.roles) if (access.roles.includes(role)) return true;
  throw new ForbiddenException({ error: 'FORBIDDEN', message: access.refusal });
}
