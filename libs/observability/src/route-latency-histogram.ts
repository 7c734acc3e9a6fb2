import type { Registry } from 'prom-client';

/** One series: the counts of its buckets (not cumulative; the last is +Inf), their sum and count. */
interface Series {
  readonly method: string;
  readonly route: string;
  readonly statusCode: string;
  readonly buckets: Float64Array;
  sum: number;
  count: number;
}

/** What prom-client's registry reads from a metric (the shape its own Histogram's `get()` gives). */
interface MetricValue {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}

/**
 * A Prometheus histogram of HTTP request durations labelled by method, route template and status code,
 * registered in a prom-client registry and exposed in the same text format as prom-client's own.
 *
 * Why not prom-client's Histogram: every observation there validates the label set, hashes it into a
 * string key and looks that key up, even through a child from `labels()`; that was a tenth of what the
 * service added over bare Nest to a trivial request (docs/architecture.md, "The HTTP hot path"). Here an
 * observation is three Map lookups keyed by values that are the same objects on every request (the
 * route template and method strings, the status number), a bucket search and three additions; the
 * series is turned into Prometheus' cumulative form only when scraped.
 */
export class RouteLatencyHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly upperBounds: readonly number[];
  private readonly series = new Map<string, Map<string, Map<number, Series>>>();

  constructor(
    readonly name: string,
    readonly help: string,
    buckets: readonly number[],
    registry: Registry,
  ) {
    this.upperBounds = [...buckets].sort((a, b) => a - b);
    // prom-client's Registry takes any object with a name and `get()`; its types want its own classes.
    registry.registerMetric(this as never);
  }

  /** Counts one answered request; `route` is the route's template, never the URL (bounded label set). */
  observe(method: string, route: string, statusCode: number, seconds: number): void {
    // A bad clock reading must not poison the sum that every rate() over it uses.
    if (!Number.isFinite(seconds)) return;
    let byMethod = this.series.get(route);
    if (byMethod === undefined) this.series.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (byStatus === undefined) byMethod.set(method, (byStatus = new Map()));
    let s = byStatus.get(statusCode);
    if (s === undefined) {
      s = { method, route, statusCode: String(statusCode), buckets: new Float64Array(this.upperBounds.length + 1), sum: 0, count: 0 };
      byStatus.set(statusCode, s);
    }
    const bounds = this.upperBounds;
    let i = 0;
    while (i < bounds.length && seconds > bounds[i]!) i++;
    s.buckets[i]!++;
    s.sum += seconds;
    s.count++;
  }

  /** The series as prom-client's registry formats them: cumulative `_bucket`s with `le`, `_sum`, `_count`. */
  get(): { name: string; help: string; type: string; aggregator: string; values: MetricValue[] } {
    const values: MetricValue[] = [];
    for (const byMethod of this.series.values()) {
      for (const byStatus of byMethod.values()) {
        for (const s of byStatus.values()) {
          const labels = { method: s.method, route: s.route, status_code: s.statusCode };
          let cumulative = 0;
          for (let i = 0; i <= this.upperBounds.length; i++) {
            cumulative += s.buckets[i]!;
            const le = i < this.upperBounds.length ? this.upperBounds[i]! : '+Inf';
            values.push({ labels: { le, ...labels }, value: cumulative, metricName: `${this.name}_bucket` });
          }
          values.push({ labels, value: s.sum, metricName: `${this.name}_sum` });
          values.push({ labels, value: s.count, metricName: `${this.name}_count` });
        }
      }
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  /** Registry.resetMetrics() calls this. */
  reset(): void {
    this.series.clear();
  }
}
