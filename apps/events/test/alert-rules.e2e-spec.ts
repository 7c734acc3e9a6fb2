import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestService, type TestService } from '@globac/testing';
import { parser } from '@prometheus-io/lezer-promql';
import { parse } from 'yaml';
import { AppModule } from '../src/app.module';
import { EventsConfig } from '../src/events.config';

const RULES = path.resolve(__dirname, '../../../k8s/base/monitoring/globac-alerts.rules.yaml');
// Metrics of others: kube-state-metrics (kube_*) and Prometheus' own `up`.
const NOT_OURS = /^(kube_|up$)/;

/** The metric names an expression selects, read with the PromQL grammar tools/packaging/alert-rules.mjs uses. */
function metricNames(expr: string): string[] {
  const names: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      const identifier = node.type.name === 'VectorSelector' ? node.node.getChild('Identifier') : null;
      if (identifier) names.push(expr.slice(identifier.from, identifier.to));
    },
  });
  return names;
}

function ruleExpressions(file: string): { name: string; expr: string }[] {
  const rules = (parse(readFileSync(file, 'utf8')) as { groups: { rules: { alert?: string; record?: string; expr: string }[] }[] }).groups;
  return rules.flatMap((g) => g.rules.map((r) => ({ name: r.alert ?? r.record ?? '?', expr: r.expr })));
}

// The events service has every kind of messaging metric: an outbox, consumers and dead letters.
describe('the alerting rules read metrics the services expose', () => {
  let app: TestService<EventsConfig>;
  beforeAll(async () => {
    app = await startTestService({ service: 'events', configClass: EventsConfig, createModule: (config) => AppModule.forRoot(config) });
  });
  afterAll(() => app?.close());

  it('names no metric that /metrics does not declare (a renamed metric would silence its alert)', async () => {
    const exposed = new Set([...(await app.http().get('/metrics').expect(200)).text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]));
    const rules = ruleExpressions(RULES);
    const missing = rules.flatMap(({ name, expr }) =>
      metricNames(expr).filter((metric) => !NOT_OURS.test(metric) && !exposed.has(metric)).map((metric) => `${name}: ${metric}`),
    );
    expect(rules.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});
