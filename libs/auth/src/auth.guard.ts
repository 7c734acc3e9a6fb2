import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';
import { hasRole, type Principal, type Role } from './principal';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/** Global guard: a valid bearer token on every route not marked `@Public()`, and one of the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException({ error: 'UNAUTHORIZED', message: 'A bearer token is required' });
    }
    const admit = (principal: Principal) => {
      request.principal = principal;
      const roles = this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets) ?? [];
      if (!hasRole(principal, 'admin', ...roles)) {
        throw new ForbiddenException({ error: 'FORBIDDEN', message: `This needs one of the roles: ${['admin', ...roles].join(', ')}` });
      }
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
