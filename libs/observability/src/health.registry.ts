import { Injectable } from '@nestjs/common';

export interface HealthStatus {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

export interface HealthIndicator {
  /** A critical indicator that is down makes the service not ready; a non-critical one is only reported. */
  readonly critical: boolean;
  check(): Promise<HealthStatus>;
}

/** Where the database, messaging and other modules register what readiness reports. */
@Injectable()
export class HealthRegistry {
  private readonly indicators = new Map<string, HealthIndicator>();

  register(name: string, indicator: HealthIndicator) {
    this.indicators.set(name, indicator);
  }

  async check(timeoutMs = 2000): Promise<{ ready: boolean; details: Record<string, HealthStatus> }> {
    const entries = await Promise.all(
      [...this.indicators].map(async ([name, indicator]) => {
        let status: HealthStatus;
        try {
          status = await withTimeout(indicator.check(), timeoutMs);
        } catch (error) {
          status = { status: 'down', error: (error as Error).message };
        }
        return [name, status, indicator.critical] as const;
      }),
    );
    return {
      ready: entries.every(([, status, critical]) => !critical || status.status === 'up'),
      details: Object.fromEntries(entries.map(([name, status]) => [name, status])),
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
