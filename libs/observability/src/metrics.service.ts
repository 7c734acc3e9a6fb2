import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The service's Prometheus registry. One per application instance (not prom-client's global one),
 * so that tests can run several apps in one process.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Duration of HTTP requests, by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  /**
   * The histogram's series by route template, method and status: prom-client hashes a label set on
   * every observation, which showed in the profile of a trivial request. Nested maps rather than one
   * joined key, since the route and method strings are the same objects every time and keep their
   * hashes. Bounded by the routes.
   */
  private readonly httpSeries = new Map<string, Map<string, Map<number, { observe(seconds: number): void }>>>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Records one answered HTTP request; `route` is the route's template, never the URL. */
  observeHttpRequest(method: string, route: string, statusCode: number, seconds: number) {
    let byMethod = this.httpSeries.get(route);
    if (!byMethod) this.httpSeries.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map()));
    let series = byStatus.get(statusCode);
    if (!series) {
      series = this.httpDuration.labels({ method, route, status_code: String(statusCode) });
      byStatus.set(statusCode, series);
    }
    series.observe(seconds);
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    const existing = this.registry.getSingleMetric(name);
    return (existing as Counter<L>) ?? new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[] = [],
    collect?: (this: Gauge<L>) => void | Promise<void>,
  ): Gauge<L> {
    const existing = this.registry.getSingleMetric(name);
    return (existing as Gauge<L>) ?? new Gauge({ name, help, labelNames, registers: [this.registry], collect });
  }

  histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]): Histogram<L> {
    const existing = this.registry.getSingleMetric(name);
    return (existing as Histogram<L>) ?? new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
  }
}
