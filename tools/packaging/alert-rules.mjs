// Checks a Prometheus rule file as `promtool check rules` would, offline and without a Go toolchain:
// the file's structure (groups, rules and their fields), durations, label names, and every
// expression parsed with the Prometheus project's own PromQL grammar (@prometheus-io/lezer-promql,
// the parser of Prometheus' web UI). On top: our alerts must carry a severity, a summary and a
// description.
//
//   checkAlertRules(file) -> error messages, empty when valid
//   metricNames(expr)     -> the metric names an expression reads
import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';
import { parseDocument } from 'yaml';

// Prometheus' model.ParseDuration: units from years to milliseconds, each at most once, in order.
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const ALERT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const SEVERITIES = ['critical', 'warning', 'info'];

const GROUP_KEYS = new Set(['name', 'interval', 'limit', 'query_offset', 'labels', 'rules']);
const ALERT_KEYS = new Set(['alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']);
const RECORD_KEYS = new Set(['record', 'expr', 'labels']);

const isDuration = (value) => typeof value === 'string' && value !== '' && DURATION.test(value) && /\d/.test(value);
const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The syntax errors of a PromQL expression, as positions in it; empty when it parses. */
export function promqlErrors(expr) {
  const tree = parser.parse(expr);
  const errors = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(`a syntax error at character ${node.from + 1} (near "${expr.slice(Math.max(0, node.from - 10), node.to + 10).trim()}")`);
    },
  });
  const top = tree.topNode.firstChild;
  // A range vector or a string cannot be the result of a rule (Prometheus refuses them at load).
  if (!errors.length && top && ['MatrixSelector', 'SubqueryExpr', 'StringLiteral'].includes(top.type.name)) {
    errors.push(`its result is a ${top.type.name === 'StringLiteral' ? 'string' : 'range vector'}, which a rule cannot evaluate to`);
  }
  return errors;
}

/** The metric names an expression selects (`up`, `foo_total{a="b"}`, `{__name__="x"}` is not followed). */
export function metricNames(expr) {
  const names = new Set();
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.name === 'VectorSelector') {
        const identifier = node.node.getChild('Identifier');
        if (identifier) names.add(expr.slice(identifier.from, identifier.to));
      }
    },
  });
  return [...names];
}

function labelProblems(labels, where, { valuesMustBeStrings = true } = {}) {
  if (labels === undefined) return [];
  if (!isPlainObject(labels)) return [`${where}: must be a map`];
  const problems = [];
  for (const [name, value] of Object.entries(labels)) {
    if (!LABEL_NAME.test(name)) problems.push(`${where}: "${name}" is not a valid label name`);
    if (valuesMustBeStrings && typeof value !== 'string') problems.push(`${where}.${name}: must be a string (quote it)`);
    if (typeof value === 'string' && (value.match(/\{\{/g) ?? []).length !== (value.match(/\}\}/g) ?? []).length) {
      problems.push(`${where}.${name}: unbalanced template braces`);
    }
  }
  return problems;
}

function ruleProblems(rule, where) {
  if (!isPlainObject(rule)) return [`${where}: must be a map`];
  const problems = [];
  const isAlert = 'alert' in rule;
  if (isAlert === ('record' in rule)) return [`${where}: must have exactly one of "alert" and "record"`];
  const allowed = isAlert ? ALERT_KEYS : RECORD_KEYS;
  for (const key of Object.keys(rule)) if (!allowed.has(key)) problems.push(`${where}: unknown field "${key}" for ${isAlert ? 'an alerting' : 'a recording'} rule`);
  const name = isAlert ? rule.alert : rule.record;
  const at = `${where} (${name})`;
  if (isAlert ? !(typeof name === 'string' && ALERT_NAME.test(name)) : !(typeof name === 'string' && METRIC_NAME.test(name))) {
    problems.push(`${where}: "${name}" is not a valid ${isAlert ? 'alert' : 'metric'} name`);
  }
  if (typeof rule.expr !== 'string' || !rule.expr.trim()) problems.push(`${at}: expr must be a PromQL expression`);
  else for (const error of promqlErrors(rule.expr)) problems.push(`${at}: expr has ${error}`);
  for (const key of ['for', 'keep_firing_for']) {
    if (rule[key] !== undefined && !isDuration(rule[key])) problems.push(`${at}: ${key} "${rule[key]}" is not a duration like 5m`);
  }
  problems.push(...labelProblems(rule.labels, `${at}: labels`));
  if (isAlert) {
    problems.push(...labelProblems(rule.annotations, `${at}: annotations`));
    // Ours: whoever is paged learns how bad it is, what happened and what to do.
    if (!SEVERITIES.includes(rule.labels?.severity)) problems.push(`${at}: labels.severity must be one of ${SEVERITIES.join(', ')}`);
    for (const key of ['summary', 'description']) {
      if (typeof rule.annotations?.[key] !== 'string' || !rule.annotations[key].trim()) problems.push(`${at}: annotations.${key} is missing`);
    }
  }
  return problems;
}

/** Validates the text of a rule file; returns error messages, empty when it is valid. */
export function checkAlertRulesText(text) {
  const document = parseDocument(text, { uniqueKeys: true });
  const parseErrors = [...document.errors, ...document.warnings].map((e) => `YAML: ${e.message}`);
  if (parseErrors.length) return parseErrors;
  const root = document.toJS();
  if (!isPlainObject(root) || !Array.isArray(root.groups)) return ['the file must be a map with a list "groups"'];
  const problems = Object.keys(root).filter((k) => k !== 'groups').map((k) => `unknown top-level field "${k}"`);
  const groupNames = new Set();
  for (const [g, group] of root.groups.entries()) {
    const where = `groups[${g}]`;
    if (!isPlainObject(group)) {
      problems.push(`${where}: must be a map`);
      continue;
    }
    for (const key of Object.keys(group)) if (!GROUP_KEYS.has(key)) problems.push(`${where}: unknown field "${key}"`);
    if (typeof group.name !== 'string' || !group.name) problems.push(`${where}: has no name`);
    else if (groupNames.has(group.name)) problems.push(`${where}: the group name "${group.name}" is used twice`);
    else groupNames.add(group.name);
    for (const key of ['interval', 'query_offset']) {
      if (group[key] !== undefined && !isDuration(group[key])) problems.push(`${where}: ${key} "${group[key]}" is not a duration`);
    }
    problems.push(...labelProblems(group.labels, `${where}: labels`));
    if (!Array.isArray(group.rules) || !group.rules.length) {
      problems.push(`${where}: has no rules`);
      continue;
    }
    for (const [r, rule] of group.rules.entries()) problems.push(...ruleProblems(rule, `${where}.rules[${r}]`));
  }
  return problems;
}

/** Validates a rule file; returns error messages, empty when it is valid. */
export function checkAlertRules(file) {
  return checkAlertRulesText(readFileSync(file, 'utf8'));
}

/** Every expression of a rule file, with the alert or record it belongs to. */
export function ruleExpressions(file) {
  const root = parseDocument(readFileSync(file, 'utf8')).toJS();
  return root.groups.flatMap((group) => group.rules.map((rule) => ({ name: rule.alert ?? rule.record, expr: rule.expr })));
}
