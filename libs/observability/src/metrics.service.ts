import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { RouteLatencyHistogram } from './route-latency-histogram';

/**
 * The service's Prometheus registry. One per application instance (not prom-client's global one),
 * so that tests can run several apps in one process.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  /** HTTP request durations by method, route template and status (see RouteLatencyHistogram for why not prom-client's). */
  readonly httpDuration = new RouteLatencyHistogram(
    'http_server_request_duration_seconds',
    'Duration of HTTP requests, by method, route template and status code.',
    [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    this.registry,
  );

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Records one answered HTTP request; `route` is the route's template, never the URL. */
  observeHttpRequest(method: string, route: string, statusCode: number, seconds: number) {
    this.httpDuration.observe(method, route, statusCode, seconds);
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
