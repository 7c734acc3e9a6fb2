// Proves the alert-rule check passes on the shipped rules and fails on broken ones.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { checkAlertRules, checkAlertRulesText, metricNames, promqlErrors } from './alert-rules.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RULES = path.join(root, 'k8s/base/monitoring/globac-alerts.rules.yaml');

const goodAlert = () => ({
  alert: 'DemoDown',
  expr: 'sum by (job) (rate(demo_errors_total[5m])) > 0',
  for: '5m',
  labels: { severity: 'warning' },
  annotations: { summary: '{{ $labels.job }} fails', description: 'What to do about it.' },
});
const errorsOf = (mutate) => {
  const file = { groups: [{ name: 'demo', rules: [goodAlert()] }] };
  mutate(file, file.groups[0].rules[0]);
  return checkAlertRulesText(stringify(file));
};
const someMatch = (errors, pattern) =>
  assert.ok(errors.some((e) => pattern.test(e)), `expected an error matching ${pattern}, got:\n${errors.join('\n') || '(none)'}`);

describe('the shipped alerting rules', () => {
  test('are valid', () => {
    assert.deepEqual(checkAlertRules(RULES), []);
  });

  test('cover what operators must hear of: dead letters, an old outbox, consumer lag, a service not ready', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const alerts = parse(readFileSync(RULES, 'utf8')).groups.flatMap((g) => g.rules);
    const reads = (metric) => alerts.filter((a) => metricNames(a.expr).includes(metric)).map((a) => a.alert);
    assert.ok(reads('messaging_dead_lettered_total').length, 'no alert on dead letters');
    const outbox = alerts.find((a) => metricNames(a.expr).includes('messaging_outbox_oldest_age_seconds'));
    assert.match(outbox.expr, /> 60\b/, 'the outbox alert does not fire at a minute');
    assert.ok(reads('messaging_consumer_lag').length, 'no alert on consumer lag');
    assert.ok(reads('kube_deployment_status_replicas_available').length, 'no alert on a service not ready');
  });
});

describe('the alert-rule check fails on broken rules', () => {
  test('a good rule passes (so the failures below have their stated cause)', () => {
    assert.deepEqual(errorsOf(() => {}), []);
  });

  test('PromQL that does not parse', () => {
    someMatch(errorsOf((_, r) => (r.expr = 'sum by (job) (rate(demo_errors_total[5m]) > 0')), /expr has a syntax error/);
    someMatch(errorsOf((_, r) => (r.expr = 'rte(demo_errors_total[5m]) > 0')), /expr has a syntax error/);
    someMatch(errorsOf((_, r) => (r.expr = 'demo_errors_total{job="a" > 0')), /expr has a syntax error/);
    someMatch(errorsOf((_, r) => (r.expr = 'demo_errors_total[5m]')), /range vector/);
    someMatch(errorsOf((_, r) => (r.expr = '')), /expr must be a PromQL expression/);
  });

  test('a malformed duration, label name or template', () => {
    someMatch(errorsOf((_, r) => (r.for = '5 minutes')), /for "5 minutes" is not a duration/);
    someMatch(errorsOf((_, r) => (r.labels['bad-name'] = 'x')), /"bad-name" is not a valid label name/);
    someMatch(errorsOf((_, r) => (r.annotations.summary = '{{ $labels.job }')), /unbalanced template braces/);
    someMatch(errorsOf((_, r) => (r.labels.team = 5)), /labels\.team: must be a string/);
  });

  test('a rule that is neither or both an alert and a record, or has unknown fields', () => {
    someMatch(errorsOf((_, r) => (r.record = 'demo:rate5m')), /exactly one of "alert" and "record"/);
    someMatch(errorsOf((_, r) => delete r.alert), /exactly one of "alert" and "record"/);
    someMatch(errorsOf((_, r) => (r.severity = 'warning')), /unknown field "severity"/);
    someMatch(errorsOf((_, r) => (r.alert = 'demo down')), /not a valid alert name/);
  });

  test('groups without a name, with a name twice, or without rules', () => {
    someMatch(errorsOf((f) => f.groups.push({ name: 'demo', rules: [goodAlert()] })), /"demo" is used twice/);
    someMatch(errorsOf((f) => f.groups.push({ rules: [goodAlert()] })), /has no name/);
    someMatch(errorsOf((f) => f.groups.push({ name: 'empty', rules: [] })), /has no rules/);
    assert.deepEqual(checkAlertRulesText('rules: []'), ['the file must be a map with a list "groups"']);
    someMatch(checkAlertRulesText('groups: [\n'), /^YAML:/);
  });

  test('an alert without a severity, a summary or a description', () => {
    someMatch(errorsOf((_, r) => (r.labels.severity = 'urgent')), /labels\.severity must be one of/);
    someMatch(errorsOf((_, r) => delete r.annotations.description), /annotations\.description is missing/);
  });

  test('the parser reads the metric names an expression selects', () => {
    assert.deepEqual(metricNames('max by (a) (x_seconds{n="g"}) > 60 and delta(y_total[10m]) > 0 or up == 0').sort(), ['up', 'x_seconds', 'y_total']);
    assert.deepEqual(promqlErrors('max_over_time(x[10m:1m]) > 0'), []);
  });
});
