import { Body, createParamDecorator, type INestApplication, Param, ParseUUIDPipe, type PipeTransform, Query } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { applyPipeToParameters } from './input-pipe-params';

const Caller = createParamDecorator(() => 'caller');

class ThingsController {
  create(@Body() _body: unknown, @Caller() _caller: string) {}
  find(@Query() _query: unknown, @Param('id', ParseUUIDPipe) _id: string) {}
}

const appWith = (...controllers: (new () => unknown)[]) =>
  ({ get: () => new Map([['m', { controllers: new Map(controllers.map((c) => [c, { metatype: c }])) }]]) as unknown as ModulesContainer }) as unknown as INestApplication;

const pipesOf = (method: string) =>
  Object.entries(Reflect.getMetadata(ROUTE_ARGS_METADATA, ThingsController, method) as Record<string, { pipes: unknown[] }>).map(
    ([key, arg]) => [key.includes('__customRouteArgs__') ? 'custom' : key, arg.pipes],
  );

describe('applyPipeToParameters', () => {
  const pipe: PipeTransform = { transform: (value) => value };

  it("puts the pipe first on body, query and path parameters, and not on a custom decorator's", () => {
    applyPipeToParameters(appWith(ThingsController), pipe);
    expect(Object.fromEntries(pipesOf('create'))).toEqual({ '3:0': [pipe], custom: [] });
    expect(Object.fromEntries(pipesOf('find'))).toEqual({ '4:0': [pipe], '5:1': [pipe, ParseUUIDPipe] });
  });

  it('adds it once however many apps of the process share the controllers', () => {
    applyPipeToParameters(appWith(ThingsController), pipe);
    applyPipeToParameters(appWith(ThingsController), pipe);
    expect(Object.fromEntries(pipesOf('find'))['5:1']).toEqual([pipe, ParseUUIDPipe]);
  });
});
