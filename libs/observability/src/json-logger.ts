import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { RequestContext } from './request-context';

// Nest logs every module and route it sets up at "log" level: useful when debugging, noise otherwise.
const NEST_BOOT_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/**
 * Nest logger writing one JSON object per line (pino) with the request id of the current request or
 * message, so a line from a handler can be joined with the HTTP request that caused it.
 */
export class JsonLogger implements LoggerService {
  readonly pino: Logger;

  constructor(service: string, level: string, destination?: pino.DestinationStream) {
    this.pino = pino(
      {
        level,
        base: { service },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        mixin: () => {
          const ctx = RequestContext.current();
          return ctx ? { requestId: ctx.requestId, correlationId: ctx.correlationId } : {};
        },
      },
      destination ?? pino.destination({ sync: false }),
    );
  }

  log(message: unknown, ...rest: unknown[]) {
    const context = rest[rest.length - 1];
    this.write(typeof context === 'string' && NEST_BOOT_CONTEXTS.has(context) ? 'debug' : 'info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  flush() {
    this.pino.flush();
  }

  // Nest passes (message, context) or (message, stack, context) for errors.
  private write(level: pino.Level, message: unknown, rest: unknown[]) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    for (const extra of rest) {
      if (typeof extra === 'string' && extra.includes('\n    at ')) fields.stack = extra;
      else if (extra instanceof Error) fields.err = extra;
      else if (extra && typeof extra === 'object') Object.assign(fields, extra);
    }
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (message && typeof message === 'object') this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }
}
