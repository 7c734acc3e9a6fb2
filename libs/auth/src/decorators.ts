import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Role } from './principal';

export const IS_PUBLIC = 'globac:public';
export const REQUIRED_ROLES = 'globac:roles';

/** The route needs no token (health, metrics). Everything else does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Roles allowed on a route or controller (admin is always allowed). A route without `@Roles`
 * admits admin only, so that forgetting it closes a route rather than opening it.
 */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The verified caller of the current request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  // The HTTP request is the context's first argument (switchToHttp() makes three closures per call).
  return ctx.getArgByIndex<{ principal: Principal }>(0).principal;
});
