import { Histogram, Registry } from 'prom-client';
import { RouteLatencyHistogram } from './route-latency-histogram';

const BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const NAME = 'http_server_request_duration_seconds';
const HELP = 'Duration of HTTP requests.';

describe('RouteLatencyHistogram', () => {
  it("exposes exactly what prom-client's Histogram exposes for the same observations", async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const histogram = new RouteLatencyHistogram(NAME, HELP, BUCKETS, ours);
    const reference = new Histogram({ name: NAME, help: HELP, labelNames: ['method', 'route', 'status_code'], buckets: BUCKETS, registers: [theirs] });
    const observations: [string, string, number, number][] = [
      ['GET', '/api/whoami', 200, 0.0004],
      ['GET', '/api/whoami', 200, 0.002], // on a bound: counted in that bucket (le is "less or equal")
      ['GET', '/api/whoami', 200, 0.0031],
      ['GET', '/api/whoami', 401, 0.0007],
      ['POST', '/api/companies', 201, 0.04],
      ['GET', '/api/companies/:id', 404, 7.5], // beyond the last bound: only +Inf
      ['GET', '/api/companies/:id', 404, 0.3],
    ];
    for (const [method, route, status, seconds] of observations) {
      histogram.observe(method, route, status, seconds);
      reference.observe({ method, route, status_code: String(status) }, seconds);
    }
    const lines = (text: string) => text.split('\n').sort();
    expect(lines(await ours.metrics())).toEqual(lines(await theirs.metrics()));
    expect(await ours.metrics()).toContain(`${NAME}_count{method="GET",route="/api/whoami",status_code="200"} 3`);
  });

  it('ignores a duration that is not a finite number rather than spoiling the sum', async () => {
    const registry = new Registry();
    const histogram = new RouteLatencyHistogram(NAME, HELP, BUCKETS, registry);
    histogram.observe('GET', '/x', 200, 0.01);
    histogram.observe('GET', '/x', 200, Number.NaN);
    histogram.observe('GET', '/x', 200, Number.POSITIVE_INFINITY);
    const text = await registry.metrics();
    expect(text).toContain(`${NAME}_count{method="GET",route="/x",status_code="200"} 1`);
    expect(text).toContain(`${NAME}_sum{method="GET",route="/x",status_code="200"} 0.01`);
  });

  it('is found by name in its registry and emptied by resetMetrics()', async () => {
    const registry = new Registry();
    const histogram = new RouteLatencyHistogram(NAME, HELP, BUCKETS, registry);
    expect(registry.getSingleMetric(NAME)).toBe(histogram);
    histogram.observe('GET', '/x', 200, 0.01);
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain(`${NAME}_count`);
  });
});
