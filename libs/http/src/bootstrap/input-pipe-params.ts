import type { INestApplication, PipeTransform } from '@nestjs/common';
import { CUSTOM_ROUTE_ARGS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';

/** The parameters Nest runs pipes over (its RouterExecutionContext.isPipeable), custom decorators aside. */
const PIPEABLE = new Set<number>([
  RouteParamtypes.BODY,
  RouteParamtypes.RAW_BODY,
  RouteParamtypes.QUERY,
  RouteParamtypes.PARAM,
  RouteParamtypes.FILE,
  RouteParamtypes.FILES,
  RouteParamtypes.COOKIES,
  RouteParamtypes.SIGNED_COOKIES,
]);

interface RouteArg {
  index: number;
  data?: unknown;
  pipes: unknown[];
  [other: string]: unknown;
}

/**
 * Puts `pipe` first among the pipes of every body, query, path and other pipeable parameter of every
 * controller of the app, which is what `app.useGlobalPipes(pipe)` does, except for the parameters of
 * custom decorators such as `@CurrentPrincipal()`.
 *
 * Why: Nest puts a custom parameter through the global pipes too, and does so through a chain of
 * async functions (five promises and as many microtask turns per parameter) even when, as with the
 * InputPipe, the pipe hands the value back untouched. That chain was a measurable part of every
 * authenticated request (docs/architecture.md, "The HTTP hot path"). A parameter-level pipe runs in
 * the same place in the order (global, controller, method, parameter pipes: the services declare no
 * controller or method pipes), so the pipe still runs before a parameter's own pipes (ParseUUIDPipe).
 *
 * Idempotent: the metadata belongs to the controller classes, which several apps of one process (tests)
 * share.
 */
export function applyPipeToParameters(app: INestApplication, pipe: PipeTransform): void {
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      for (let proto = metatype.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const name of Object.getOwnPropertyNames(proto)) {
          if (name === 'constructor') continue;
          const args: Record<string, RouteArg> | undefined = Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name);
          if (!args) continue;
          let changed = false;
          const updated: Record<string, RouteArg> = {};
          for (const [key, arg] of Object.entries(args)) {
            const pipeable = !key.includes(CUSTOM_ROUTE_ARGS_METADATA) && PIPEABLE.has(Number(key.split(':')[0]));
            if (pipeable && !arg.pipes.includes(pipe)) {
              updated[key] = { ...arg, pipes: [pipe, ...arg.pipes] };
              changed = true;
            } else updated[key] = arg;
          }
          if (changed) Reflect.defineMetadata(ROUTE_ARGS_METADATA, updated, metatype, name);
        }
      }
    }
  }
}
