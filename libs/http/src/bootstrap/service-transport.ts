import type { ExceptionFilter, INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { CustomTransportStrategy, MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';

/**
 * A microservice transport that a module of the service provides under `SERVICE_TRANSPORT` (the
 * messaging lib provides its JetStream consumers so): `createServiceApp` connects it and
 * `startServiceApp` starts it, so that every service gets it without wiring of its own.
 */
export interface ServiceTransport {
  readonly strategy: CustomTransportStrategy;
  /**
   * Global exception filters of the microservice. It does not inherit the app's global enhancers: those
   * are HTTP ones (the error shape, the bearer-token guard) and make no sense for a message.
   */
  readonly globalFilters?: ExceptionFilter[];
}

export const SERVICE_TRANSPORT = Symbol('SERVICE_TRANSPORT');

function findServiceTransport(app: INestApplication): ServiceTransport | undefined {
  // Not app.get(): for a token no module provides, Nest's factory proxy logs and exits the process.
  for (const module of app.get(ModulesContainer).values()) {
    const provider = module.providers.get(SERVICE_TRANSPORT);
    if (provider) return provider.instance as ServiceTransport;
  }
  return undefined;
}

/** Connects the service's transport, if a module provides one, as a hybrid-app microservice. */
export function connectServiceTransport(app: INestApplication): void {
  const transport = findServiceTransport(app);
  if (!transport) return;
  // Deferred, so that the filters are in place before Nest binds the handlers to them (at start).
  const microservice = app.connectMicroservice<MicroserviceOptions>({ strategy: transport.strategy }, { deferInitialization: true }) as unknown as NestMicroservice;
  microservice.useGlobalFilters(...(transport.globalFilters ?? []));
  // The app runs the lifecycle hooks; the microservice must not run them a second time when it starts.
  microservice.setIsInitHookCalled(true);
}

/**
 * Initialises the app (lifecycle hooks: migrations ran already, NATS starts connecting), starts its
 * microservices (the consumers; a handler Nest would never call fails the start here), then listens.
 */
export async function startServiceApp(app: NestFastifyApplication, address: { port: number; host: string }): Promise<void> {
  try {
    await app.init();
    await app.startAllMicroservices();
    await app.listen(address);
  } catch (error) {
    // Whatever started (NATS connecting, the pool) must not keep the process alive.
    await app.close().catch(() => undefined);
    throw error;
  }
}
