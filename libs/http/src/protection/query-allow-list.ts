import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationFailedException } from '../errors/app.exception';
import { toErrorBody } from '../errors/error-shape.filter';

const join = (...parts: string[]) => `/${parts.join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

/**
 * The routes whose handler takes no `@Query()`, as Fastify names them (`GET /api/companies/:id`).
 * Those with a query DTO are left to the input pipe, which refuses unknown parameters itself.
 */
export function routesWithoutQuery(app: INestApplication, prefix: string, unprefixed: readonly string[]): Set<string> {
  const routes = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, metatype) ?? '/');
      for (let proto = metatype.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = name === 'constructor' ? undefined : Object.getOwnPropertyDescriptor(proto, name)?.value;
          const methodPaths = typeof handler === 'function' ? Reflect.getMetadata(PATH_METADATA, handler) : undefined;
          if (methodPaths === undefined) continue;
          const args: Record<string, unknown> = Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {};
          if (Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.QUERY))) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          for (const controllerPath of controllerPaths) {
            for (const methodPath of ([] as string[]).concat(methodPaths)) {
              const path = join(controllerPath, methodPath);
              // Probes and metrics (outside the prefix) are left alone: scrapers may add parameters.
              if (!unprefixed.includes(path.slice(1))) routes.add(`${method} ${join(prefix, path)}`);
            }
          }
        }
      }
    }
  }
  return routes;
}

/**
 * Refuses query parameters on a route whose handler takes none, with 400 VALIDATION_FAILED naming
 * them, as the input pipe does for an unknown parameter of a query DTO: ignored, a misspelt filter
 * would have looked like an answer. A step of the service's one request hook (create-service-app.ts;
 * the route is known by then): returns true when it answered. A request without a query string costs
 * one `includes`.
 */
export function queryAllowList(withoutQuery: ReadonlySet<string>): (request: FastifyRequest, reply: FastifyReply) => boolean {
  return (request, reply) => {
    if (!request.url.includes('?') || !withoutQuery.has(`${request.method} ${request.routeOptions.url}`)) return false;
    const names = Object.keys(request.query as object);
    if (!names.length) return false;
    const problems = names.map((field) => ({ field, rule: 'whitelistValidation', message: 'is not a parameter of this operation' }));
    void reply.status(400).send(toErrorBody(new ValidationFailedException(problems)));
    return true;
  };
}
