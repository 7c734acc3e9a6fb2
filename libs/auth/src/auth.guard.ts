import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';
import { hasRole, type Principal, type Role } from './principal';
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

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException({ error: 'UNAUTHORIZED', message: 'A bearer token is required' });
    }
    const admit = (principal: Principal) => {
      request.principal = principal;
      if (!hasRole(principal, ...access.roles)) throw new ForbiddenException({ error: 'FORBIDDEN', message: access.refusal });
      return true;
    };
    // A token seen before is answered without a promise: every promise costs on this hot path.
    const remembered = this.verifier.remembered(token);
    if (remembered) return admit(remembered);
    return this.verifier.verify(token).then(admit, (error: unknown) => {
      if (!(error instanceof InvalidTokenError)) throw error;
      throw new UnauthorizedException({ error: 'UNAUTHORIZED', message: `The token is not valid: ${error.message}` });
    });
  }
}
