import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextData {
  /** Id of the HTTP request or of the integration event being handled; logged on every line. */
  readonly requestId: string;
  /** Carried from the request that started a chain of work onto every integration event it causes. */
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/** The request (or message) context of the current async call chain. */
export const RequestContext = {
  /** Runs `fn(...args)` in the context; the arguments spare a hot caller a closure per call. */
  run<A extends unknown[], T>(data: RequestContextData, fn: (...args: A) => T, ...args: A): T {
    return storage.run(data, fn, ...args);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
};
