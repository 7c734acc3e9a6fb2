// Offline validation of the packaging: docker-compose.yml against the Compose Specification's JSON
// schema, the rendered Kustomize overlays against the Kubernetes API schemas (kubernetes-models), the
// Prometheus alerting rules (alert-rules.mjs), the web app's container settings and policy,
// plus checks of our own that neither schema expresses (hardening, references between objects, the
// app's configuration rules). Nothing here needs a Docker engine or a cluster.
//
//   node tools/packaging/validate.mjs     validates docker-compose.yml, k8s/overlays/dev and prod
//
// As a library: validateCompose(path) and validateKustomizeOverlay(dir) return lists of error
// messages (empty when valid); checkCompose and checkKustomizeOverlay return them grouped by check.
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseAllDocuments, parseDocument } from 'yaml';
import { checkAlertRules } from './alert-rules.mjs';
// The web server's own rules and policy, so the check is exactly what the container does at start.
import { ConfigError, configFromEnv, contentSecurityPolicy } from '../../apps/web/tools/web-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

// ---------------------------------------------------------------------------------------------------
// Compose
// ---------------------------------------------------------------------------------------------------

const portRange = String.raw`\d{1,5}(-\d{1,5})?`;
const hostIp = String.raw`(\[[0-9A-Fa-f:.]+\]|[0-9.]+)`;

/**
 * The formats older and newer revisions of the compose-spec schema declare beyond ajv-formats. In
 * strict mode ajv refuses a schema that uses an unknown format, so they are all registered.
 */
export const COMPOSE_FORMATS = {
  // Go durations, as compose reads them: 10s, 1m30s, 1.5h, 500ms.
  duration: /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/,
  // [[host_ip:][host_port]:]container_port[/protocol]
  ports: new RegExp(`^((${hostIp}:)?(${portRange})?:)?${portRange}(/(tcp|udp|sctp))?$`),
  expose: new RegExp(`^${portRange}(/(tcp|udp|sctp))?$`),
  subnet_ip_address: /^((\d{1,3}\.){3}\d{1,3}\/\d{1,2}|[0-9A-Fa-f:]+\/\d{1,3})$/,
};

let composeSchemaValidator;
function composeSchema() {
  if (!composeSchemaValidator) {
    const schema = JSON.parse(readFileSync(path.join(here, 'schemas', 'compose-spec.json'), 'utf8'));
    // Its "$schema" (https://json-schema.org/draft-07/schema) is not the URI ajv registers the
    // draft-07 meta-schema under, so ajv would fail to resolve it; ajv's default is draft-07 anyway.
    delete schema.$schema;
    // strictTypes off: the upstream schema relies on implicit types (e.g. `additionalProperties`
    // without `type: object` inside oneOf). Unknown keywords and formats still fail compilation.
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
    addFormats(ajv);
    for (const [name, pattern] of Object.entries(COMPOSE_FORMATS)) ajv.addFormat(name, pattern);
    composeSchemaValidator = ajv.compile(schema);
  }
  return composeSchemaValidator;
}

/**
 * Compose interpolation, as `docker compose` applies it before validating: $$, $VAR, ${VAR},
 * ${VAR:-default}, ${VAR-default}, ${VAR:?message}, ${VAR?message}, ${VAR:+alt}, ${VAR+alt}.
 * Variables come from `env` (not process.env by default, so the result does not depend on the shell
 * that runs the check); nested expressions in defaults are not supported.
 */
export function interpolate(value, env = {}, problems = [], where = '') {
  if (typeof value === 'string') {
    return value.replace(
      /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
      (match, name, op, arg, bare) => {
        if (match === '$$') return '$';
        if (bare) return env[bare] ?? '';
        const set = env[name] !== undefined;
        const nonEmpty = set && env[name] !== '';
        switch (op) {
          case ':-': return nonEmpty ? env[name] : arg;
          case '-': return set ? env[name] : arg;
          case ':+': return nonEmpty ? arg : '';
          case '+': return set ? arg : '';
          case ':?':
          case '?':
            if (op === ':?' ? nonEmpty : set) return env[name];
            problems.push(`${where}: required variable ${name} is not set${arg ? ` (${arg})` : ''}`);
            return '';
          default: return env[name] ?? '';
        }
      },
    );
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, env, problems, `${where}/${i}`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, interpolate(v, env, problems, `${where}/${k}`)]),
    );
  }
  return value;
}

// The cross-reference checks also run on documents that failed their schema: read defensively.
const list = (value) => (Array.isArray(value) ? value : []);
const map = (value) => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});

function ajvMessages(errors) {
  return (errors ?? []).map((e) => {
    const extra = e.params?.additionalProperty ? ` ("${e.params.additionalProperty}")` : '';
    return `${e.instancePath || '/'} ${e.message}${extra}`;
  });
}

function envMap(environment) {
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const i = String(entry).indexOf('=');
        return i < 0 ? [entry, undefined] : [entry.slice(0, i), entry.slice(i + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(environment ?? {}).map(([k, v]) => [k, v == null ? v : String(v)]));
}

/**
 * The rules the services enforce on their configuration at boot, which a deployment can break
 * without any schema noticing. `env` is the effective environment (the image sets
 * NODE_ENV=production, hence the default).
 */
function appEnvProblems(env) {
  const problems = [];
  const nodeEnv = env.NODE_ENV ?? 'production';
  const authMode = env.AUTH_MODE ?? 'dev';
  if (nodeEnv === 'production' && authMode !== 'oidc') {
    problems.push(`NODE_ENV=production requires AUTH_MODE=oidc (got ${authMode}); the app would refuse to start`);
  }
  if (authMode === 'oidc') {
    for (const key of ['AUTH_ISSUER', 'AUTH_AUDIENCE']) {
      if (!env[key]) problems.push(`AUTH_MODE=oidc requires ${key}`);
    }
  }
  if (env.NATS_STREAM_REPLICAS !== undefined && !['1', '3', '5'].includes(String(env.NATS_STREAM_REPLICAS))) {
    problems.push(`NATS_STREAM_REPLICAS must be 1, 3 or 5 (got ${env.NATS_STREAM_REPLICAS})`);
  }
  return problems;
}

function publishedPortKey(port) {
  if (port && typeof port === 'object') {
    return port.published ? `${port.host_ip ?? '0.0.0.0'}:${port.published}/${port.protocol ?? 'tcp'}` : undefined;
  }
  const m = /^(?:(\[[^\]]+\]|[^:]+):)?(\d+(?:-\d+)?)?:\d+(?:-\d+)?(?:\/(\w+))?$/.exec(String(port));
  return m?.[2] ? `${m[1] ?? '0.0.0.0'}:${m[2]}/${m[3] ?? 'tcp'}` : undefined;
}

/** Cross-references within a compose file that its JSON schema cannot express. */
function composeReferenceProblems(doc) {
  const problems = [];
  const services = map(doc.services);
  const volumes = map(doc.volumes);
  const published = new Map();
  for (const [name, value] of Object.entries(services)) {
    const service = map(value);
    const deps = Array.isArray(service.depends_on)
      ? Object.fromEntries(service.depends_on.map((d) => [d, {}]))
      : map(service.depends_on);
    for (const [dep, spec] of Object.entries(deps)) {
      const target = map(services[dep]);
      if (!(dep in services)) {
        problems.push(`services.${name}.depends_on: no service "${dep}"`);
      } else if (spec?.condition === 'service_healthy' && !target.healthcheck && !target.build) {
        // A service built here gets the Dockerfile's HEALTHCHECK; a pulled image is not inspected.
        problems.push(`services.${name}.depends_on.${dep}: condition service_healthy, but "${dep}" has no healthcheck`);
      }
    }
    for (const volume of list(service.volumes)) {
      const source =
        typeof volume === 'string' ? volume.split(':')[0] : map(volume).type === 'volume' ? volume.source : undefined;
      // Names (not paths) refer to top-level volumes.
      if (source && !/^[./~]/.test(source) && !source.startsWith('$') && !(source in volumes)) {
        problems.push(`services.${name}.volumes: named volume "${source}" is not declared under volumes`);
      }
    }
    for (const port of list(service.ports)) {
      const key = publishedPortKey(port);
      if (!key) continue;
      if (published.has(key)) problems.push(`services.${name}.ports: ${key} is already published by "${published.get(key)}"`);
      else published.set(key, name);
    }
    if (service.build) {
      for (const problem of appEnvProblems(envMap(service.environment))) {
        problems.push(`services.${name}.environment: ${problem}`);
      }
    }
  }
  return problems;
}

/**
 * Validates a compose file. Returns the checks run, each with its error messages.
 * @param {string} file path to the compose file
 * @param {{ env?: Record<string, string>, web?: boolean }} [options] variables for interpolation (default:
 *   none); web: also check the web app's service (the real file has it)
 */
export function checkCompose(file, { env = {}, web = false } = {}) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return [{ check: 'parse', errors: [error.message] }];
  }
  // Merge keys (<<) as docker compose reads them; duplicate keys are errors.
  const parsed = parseDocument(text, { merge: true, uniqueKeys: true });
  const parseErrors = [...parsed.errors, ...parsed.warnings].map((e) => e.message);
  const raw = parsed.toJS();
  if (parseErrors.length || !raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return [{ check: 'parse', errors: parseErrors.length ? parseErrors : ['not a YAML mapping'] }];
  }
  const interpolationErrors = [];
  const doc = interpolate(raw, env, interpolationErrors);
  const validate = composeSchema();
  validate(doc);
  return [
    { check: 'parse and interpolation', errors: interpolationErrors },
    { check: 'compose-spec schema', errors: ajvMessages(validate.errors) },
    { check: 'references and app configuration', errors: guarded(composeReferenceProblems, doc) },
    ...(web ? [{ check: 'web app (confinement, settings, CSP, /api routed as the Ingress does)', errors: guarded(composeWebProblems, doc) }] : []),
  ];
}

/** Validates a compose file; returns error messages, empty when it is valid. */
export function validateCompose(file, options) {
  return flatten(checkCompose(file, options));
}

// ---------------------------------------------------------------------------------------------------
// Kubernetes
// ---------------------------------------------------------------------------------------------------

function renderKustomization(dir) {
  const attempts = [
    ['kubectl', ['kustomize', dir]],
    ['kustomize', ['build', dir]],
  ];
  for (const [command, args] of attempts) {
    try {
      return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
    } catch (error) {
      if (error.code === 'ENOENT') continue;
      throw new Error(`${command} ${args.join(' ')} failed: ${String(error.stderr || error.message).trim()}`);
    }
  }
  throw new Error('neither kubectl nor kustomize is on PATH: cannot render the overlay');
}

const modelCache = new Map();
/** The kubernetes-models class for an apiVersion and kind, or undefined when it has none. */
async function modelFor(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (!modelCache.has(key)) {
    let model;
    // Only well-formed names reach import(): kubernetes-models/<group>/<version> or /<version>.
    if (/^([a-z0-9.-]+\/)?v\d+[a-z0-9]*$/.test(String(apiVersion)) && /^[A-Z][A-Za-z0-9]*$/.test(String(kind))) {
      try {
        const candidate = (await import(`kubernetes-models/${apiVersion}`))[kind];
        // Subtypes (DeploymentSpec, ...) are exported too: require a top-level kind.
        if (typeof candidate === 'function' && candidate.kind === kind && candidate.apiVersion === apiVersion) model = candidate;
      } catch {
        // Unknown group or version: not exported by kubernetes-models.
      }
    }
    modelCache.set(key, model);
  }
  return modelCache.get(key);
}

const describe = (o) => `${o?.kind ?? '?'} ${o?.metadata?.name ?? '?'}`;

/**
 * kustomize wraps the base64 of a long Secret value over several lines; the API server's decoder
 * skips the line breaks, kubernetes-models' "byte" format does not: unwrap them before validating.
 */
function withUnwrappedSecretData(object) {
  if (object?.kind !== 'Secret' || !object.data || typeof object.data !== 'object') return object;
  const data = Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/[\r\n]/g, '') : v]));
  return { ...object, data };
}

async function schemaProblems(objects) {
  const problems = [];
  for (const object of objects) {
    const Model = await modelFor(object?.apiVersion, object?.kind);
    if (!Model) {
      problems.push(`${describe(object)}: no schema for ${object?.apiVersion}/${object?.kind}, so it cannot be validated`);
      continue;
    }
    try {
      new Model(withUnwrappedSecretData(object)).validate();
    } catch (error) {
      const details = error.errors?.length ? ajvMessages(error.errors) : [error.message];
      for (const detail of details) problems.push(`${describe(object)}: ${detail}`);
    }
  }
  return problems;
}

/** The pod template of a workload, or undefined for other kinds. */
function podTemplate(object) {
  switch (object.kind) {
    case 'Pod':
      return { metadata: object.metadata, spec: object.spec };
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return object.spec?.template;
    case 'CronJob':
      return object.spec?.jobTemplate?.spec?.template;
    default:
      return undefined;
  }
}

const workloads = (objects) => objects.filter((o) => podTemplate(o));
const matches = (selector = {}, labels = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

/** Hardening every pod here must have: what the base promises, checked object by object. */
function hardeningProblems(objects) {
  const problems = [];
  const serviceAccounts = new Map(
    objects.filter((o) => o.kind === 'ServiceAccount').map((o) => [o.metadata?.name, o]),
  );
  for (const workload of workloads(objects)) {
    const pod = podTemplate(workload).spec ?? {};
    const podSecurity = pod.securityContext ?? {};
    const where = describe(workload);
    const serviceAccount = serviceAccounts.get(pod.serviceAccountName ?? 'default');
    if (pod.automountServiceAccountToken !== false && serviceAccount?.automountServiceAccountToken !== false) {
      problems.push(`${where}: mounts a service account token (set automountServiceAccountToken: false)`);
    }
    const containers = [
      ...list(pod.initContainers).map((c) => ({ c, init: true })),
      ...list(pod.containers).map((c) => ({ c, init: false })),
    ];
    for (const { c, init } of containers) {
      const at = `${where}: container ${c.name ?? '?'}`;
      const security = c.securityContext ?? {};
      if (!c.image) problems.push(`${at}: no image`);
      for (const kind of ['requests', 'limits']) {
        for (const resource of ['cpu', 'memory']) {
          if (c.resources?.[kind]?.[resource] === undefined) problems.push(`${at}: no resources.${kind}.${resource}`);
        }
      }
      if ((security.runAsNonRoot ?? podSecurity.runAsNonRoot) !== true) problems.push(`${at}: runAsNonRoot is not true`);
      if ((security.runAsUser ?? podSecurity.runAsUser) === 0) problems.push(`${at}: runAsUser is 0 (root)`);
      if (security.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem is not true`);
      if (security.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
      if (!list(security.capabilities?.drop).includes('ALL')) problems.push(`${at}: capabilities do not drop ALL`);
      const seccomp = (security.seccompProfile ?? podSecurity.seccompProfile)?.type;
      if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') problems.push(`${at}: no RuntimeDefault seccompProfile`);
      if (!init) {
        if (!c.livenessProbe) problems.push(`${at}: no livenessProbe`);
        if (!c.readinessProbe) problems.push(`${at}: no readinessProbe`);
      }
    }
  }
  return problems;
}

/** References between objects that only exist in the rendered whole. */
function referenceProblems(objects) {
  const problems = [];
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const configMaps = new Set(byKind('ConfigMap').map((o) => o.metadata?.name));
  const services = new Map(byKind('Service').map((o) => [o.metadata?.name, o]));
  const pods = workloads(objects).map((w) => ({ workload: w, template: podTemplate(w) }));
  const podsMatching = (selector) => pods.filter((p) => matches(selector, p.template.metadata?.labels));

  for (const service of services.values()) {
    const selector = service.spec?.selector;
    if (!selector) continue; // selector-less Services point at endpoints managed elsewhere
    const targets = podsMatching(selector);
    if (!targets.length) {
      problems.push(`${describe(service)}: selector ${JSON.stringify(selector)} matches no workload`);
      continue;
    }
    for (const port of list(service.spec?.ports)) {
      if (typeof port.targetPort !== 'string') continue;
      const containerPorts = targets.flatMap((t) => list(t.template.spec?.containers).flatMap((c) => list(c.ports)));
      const named = containerPorts.some((p) => p.name === port.targetPort);
      if (!named) problems.push(`${describe(service)}: targetPort "${port.targetPort}" is not a container port of its pods`);
    }
  }

  for (const ingress of byKind('Ingress')) {
    const paths = list(ingress.spec?.rules).flatMap((r) => list(r.http?.paths));
    const backends = [ingress.spec?.defaultBackend, ...paths.map((p) => p.backend)];
    for (const backend of backends.filter((b) => b?.service)) {
      const { name, port } = backend.service;
      const service = services.get(name);
      if (!service) {
        problems.push(`${describe(ingress)}: backend service "${name}" does not exist`);
      } else if (!list(service.spec?.ports).some((p) => (port?.name ? p.name === port.name : p.port === port?.number))) {
        problems.push(`${describe(ingress)}: service "${name}" has no port ${port?.name ?? port?.number}`);
      }
    }
  }

  for (const hpa of byKind('HorizontalPodAutoscaler')) {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    if (!objects.some((o) => o.kind === ref.kind && o.metadata?.name === ref.name)) {
      problems.push(`${describe(hpa)}: scale target ${ref.kind} ${ref.name} does not exist`);
    }
  }

  for (const pdb of byKind('PodDisruptionBudget')) {
    if (!podsMatching(pdb.spec?.selector?.matchLabels).length) problems.push(`${describe(pdb)}: selector matches no workload`);
  }

  for (const { workload, template } of pods) {
    for (const c of [...list(template.spec?.initContainers), ...list(template.spec?.containers)]) {
      const refs = [
        ...list(c.envFrom).map((e) => e.configMapRef).filter(Boolean),
        ...list(c.env).map((e) => e.valueFrom?.configMapKeyRef).filter(Boolean),
      ];
      for (const ref of refs) {
        if (!ref.optional && !configMaps.has(ref.name)) {
          problems.push(`${describe(workload)}: container ${c.name} refers to ConfigMap "${ref.name}", which is not rendered`);
        }
      }
    }
  }
  return problems;
}

/** The address the base's egress rules point at until an overlay says where a destination is. */
export const EGRESS_PLACEHOLDER = '192.0.2.1/32';

/**
 * Egress only to named destinations: a rule without `to` (or with an empty one) allows its ports to
 * any address, and so does an ipBlock of the whole address space.
 */
function networkPolicyProblems(objects) {
  const problems = [];
  for (const policy of objects.filter((o) => o.kind === 'NetworkPolicy')) {
    for (const [i, rule] of list(policy.spec?.egress).entries()) {
      const at = `${describe(policy)}: egress rule ${i}`;
      const to = list(rule?.to);
      if (!to.length) problems.push(`${at} has no \`to\`: it allows ${ports(rule)} to any address`);
      for (const peer of to) {
        const cidr = peer?.ipBlock?.cidr;
        if (cidr === '0.0.0.0/0' || cidr === '::/0') problems.push(`${at} allows ${ports(rule)} to any address (${cidr})`);
        if (cidr === EGRESS_PLACEHOLDER) problems.push(`${at} still points at the base's placeholder ${cidr}: the overlay must say where this destination is`);
      }
    }
  }
  return problems;
}

const ports = (rule) => (list(rule?.ports).length ? `port ${list(rule.ports).map((p) => p.port).join(', ')}` : 'every port');

/** The app's own configuration rules, on each container's effective environment. */
function envProblems(objects) {
  const problems = [];
  const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata?.name, o.data ?? {}]));
  for (const workload of workloads(objects)) {
    for (const c of list(podTemplate(workload).spec?.containers)) {
      const env = {};
      for (const source of list(c.envFrom)) Object.assign(env, configMaps.get(source.configMapRef?.name) ?? {});
      // A value from a Secret or the downward API is unknown here, but set.
      for (const e of list(c.env)) env[e.name] = e.value ?? (e.valueFrom ? '(from a reference)' : '');
      // Only our services read these; third-party containers (Postgres, NATS) are left alone.
      if (env.AUTH_MODE === undefined && env.NODE_ENV === undefined) continue;
      const at = `${describe(workload)}: container ${c.name}`;
      for (const problem of appEnvProblems(env)) problems.push(`${at}: ${problem}`);
      const http = list(c.ports).find((p) => p.name === 'http');
      if (http && env.PORT !== undefined && String(http.containerPort) !== String(env.PORT)) {
        problems.push(`${at}: PORT=${env.PORT} but the http port is ${http.containerPort}`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------
// The web app (apps/web/tools/web-server.mjs in the Dockerfile's `web` target)
// ---------------------------------------------------------------------------------------------------

/**
 * Problems of the Content-Security-Policy the web server sends for an issuer: only its own origin and
 * the issuer, never inline or foreign scripts, never a wildcard, no framing.
 */
export function cspProblems(csp, issuerOrigin) {
  const problems = [];
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
  const allowed = new Set(["'self'", ...(issuerOrigin ? [issuerOrigin] : [])]);
  const same = (name, expected) => JSON.stringify(directives[name] ?? null) === JSON.stringify(expected);
  if (!same('default-src', ["'self'"])) problems.push(`default-src is ${directives['default-src']?.join(' ') ?? 'missing'}, not 'self'`);
  if (!same('script-src', ["'self'"])) problems.push(`script-src is ${directives['script-src']?.join(' ') ?? 'missing'}, not 'self' alone (no inline or foreign scripts)`);
  for (const value of directives['connect-src'] ?? ['(missing)']) if (!allowed.has(value)) problems.push(`connect-src allows ${value}: only 'self' and the OIDC issuer ${issuerOrigin ?? '(none)'}`);
  if (!same('frame-ancestors', ["'none'"])) problems.push("frame-ancestors is not 'none'");
  if (!same('object-src', ["'none'"])) problems.push("object-src is not 'none'");
  for (const [name, values] of Object.entries(directives)) {
    for (const v of values) if (v === '*' || v.includes('*') || v === 'http:' || v === 'https:' || v === "'unsafe-eval'") problems.push(`${name} allows ${v}`);
  }
  return problems;
}

/** The web server's settings for an environment, or its refusal; then the policy it would send. */
function webEnvProblems(env, at) {
  let config;
  try {
    config = configFromEnv({ NODE_ENV: 'production', ...env, WEB_ROOT: '/app/public' });
  } catch (error) {
    if (error instanceof ConfigError) return [`${at}: the web server would refuse to start: ${error.message}`];
    throw error;
  }
  return cspProblems(contentSecurityPolicy(config.issuerOrigin), config.issuerOrigin).map((p) => `${at}: Content-Security-Policy: ${p}`);
}

/** The Ingress's /api/... prefixes and the Service each goes to (the web app's `/` left out). */
export function ingressApiRoutes(file = path.join(repoRoot, 'k8s/base/ingress.yaml')) {
  const routes = new Map();
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    for (const rule of list(doc.toJS()?.spec?.rules))
      for (const p of list(rule.http?.paths)) if (p.backend?.service?.name !== 'web') routes.set(p.path, p.backend?.service?.name);
  }
  return routes;
}

/** The compose file's web service: built from the `web` target, confined, configured as the server accepts, routing /api like the Ingress. */
export function composeWebProblems(doc) {
  const problems = [];
  const entries = Object.entries(map(doc.services)).filter(([, s]) => map(map(s).build).target === 'web');
  if (entries.length !== 1) return [`${entries.length} services are built from the Dockerfile's web target; expected one`];
  const [name, service] = entries[0];
  const at = `services.${name}`;
  if (service.read_only !== true) problems.push(`${at}: read_only is not true (the image writes nothing)`);
  if (!list(service.cap_drop).includes('ALL')) problems.push(`${at}: cap_drop does not include ALL`);
  if (!list(service.security_opt).some((o) => String(o).replace(/[:=]true$/, '') === 'no-new-privileges')) problems.push(`${at}: no no-new-privileges security option`);
  if (service.user !== undefined && /^(0|root)(:|$)/.test(String(service.user))) problems.push(`${at}: runs as root (user ${service.user})`);
  for (const port of list(service.ports)) {
    const key = publishedPortKey(port);
    if (key && !key.startsWith('127.0.0.1:')) problems.push(`${at}.ports: ${key} is published beyond 127.0.0.1 (the development sign-in is open to anyone who reaches it)`);
  }
  const env = envMap(service.environment);
  problems.push(...webEnvProblems(env, `${at}.environment`));
  // The browser sees one origin: every /api prefix the Ingress routes must be forwarded to its service.
  const upstreams = new Map(String(env.API_UPSTREAMS ?? '').split(',').map((e) => e.trim().split('=')).filter(([p]) => p));
  for (const [prefix, target] of ingressApiRoutes()) {
    const host = upstreams.has(prefix) ? new URL(upstreams.get(prefix)).hostname : undefined;
    if (host !== target) problems.push(`${at}.environment.API_UPSTREAMS: ${prefix} goes to ${host ?? 'nowhere'}, the Ingress sends it to ${target}`);
  }
  return problems;
}

/** The effective value of an env entry, resolving ConfigMap references (Secrets stay unknown). */
function effectiveEnv(container, configMaps) {
  const env = {};
  for (const source of list(container.envFrom)) Object.assign(env, configMaps.get(source.configMapRef?.name) ?? {});
  for (const e of list(container.env)) {
    const ref = e.valueFrom?.configMapKeyRef;
    if (ref) {
      const value = configMaps.get(ref.name)?.[ref.key];
      if (value !== undefined) env[e.name] = value;
    } else env[e.name] = e.value ?? (e.valueFrom ? '(from a reference)' : '');
  }
  return env;
}

/**
 * The web app in a rendered overlay: its Deployment (the server accepts its settings and sends a tight
 * policy; the hardening is checked with every workload), the Ingress sending `/` to it and only /api
 * paths elsewhere, and a NetworkPolicy admitting only the ingress controller and allowing no egress.
 */
export function webManifestProblems(objects) {
  const problems = [];
  const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata?.name, o.data ?? {}]));
  const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata?.name === 'web');
  if (!deployment) return ['no Deployment "web"'];
  const containers = list(podTemplate(deployment).spec?.containers);
  const container = containers.find((c) => c.name === 'web') ?? containers[0];
  if (!container) return ['Deployment web: no container'];
  const env = effectiveEnv(container, configMaps);
  problems.push(...webEnvProblems(env, 'Deployment web'));
  const http = list(container.ports).find((p) => p.name === 'http');
  if (!http || String(http.containerPort) !== String(env.PORT ?? 8080)) problems.push(`Deployment web: the http port (${http?.containerPort ?? 'none'}) is not the server's PORT (${env.PORT ?? 8080})`);
  if (http && http.containerPort < 1024) problems.push(`Deployment web: port ${http.containerPort} needs root to bind`);
  // The browser signs in with the issuer the services trust.
  const services = workloads(objects).filter((w) => w.metadata?.name !== 'web').flatMap((w) => list(podTemplate(w).spec?.containers).map((c) => effectiveEnv(c, configMaps)));
  const issuers = new Set(services.map((e) => e.AUTH_ISSUER).filter(Boolean));
  if (env.AUTH_MODE === 'oidc' && issuers.size && !issuers.has(env.AUTH_ISSUER)) problems.push(`Deployment web: AUTH_ISSUER ${env.AUTH_ISSUER} is not the services' (${[...issuers].join(', ')})`);

  const ingresses = objects.filter((o) => o.kind === 'Ingress');
  const paths = ingresses.flatMap((i) => list(i.spec?.rules).flatMap((r) => list(r.http?.paths).map((p) => ({ ingress: i, ...p }))));
  const root = paths.filter((p) => p.path === '/');
  if (!root.some((p) => p.pathType === 'Prefix' && p.backend?.service?.name === 'web')) problems.push('Ingress: no Prefix rule sends / to the web Service');
  for (const p of root) if (p.backend?.service?.name !== 'web') problems.push(`${describe(p.ingress)}: / goes to ${p.backend?.service?.name}, not web`);
  for (const p of paths) {
    if (p.path === '/') continue;
    if (!String(p.path).startsWith('/api/')) problems.push(`${describe(p.ingress)}: ${p.path} is neither / (the web app) nor an /api/ path`);
    if (p.backend?.service?.name === 'web') problems.push(`${describe(p.ingress)}: ${p.path} goes to the web app, which serves no API`);
  }

  const labels = podTemplate(deployment).metadata?.labels ?? {};
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy' && Object.keys(o.spec?.podSelector?.matchLabels ?? {}).length && matches(o.spec.podSelector.matchLabels, labels));
  if (!policies.length) problems.push('no NetworkPolicy selects the web pods');
  for (const policy of policies) {
    for (const rule of list(policy.spec?.ingress)) {
      const from = list(rule.from);
      if (!from.length || from.some((peer) => peer.ipBlock || peer.podSelector || peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] !== 'ingress-nginx'))
        problems.push(`${describe(policy)}: admits more than the ingress controller (${JSON.stringify(from)})`);
    }
    if (list(policy.spec?.egress).length) problems.push(`${describe(policy)}: allows egress; the web server calls nothing`);
    if (!list(policy.spec?.policyTypes).includes('Egress')) problems.push(`${describe(policy)}: does not restrict egress`);
  }
  return problems;
}

/**
 * Renders a kustomization (kubectl kustomize) and validates every object. Returns the checks run,
 * each with its error messages.
 * @param {string} dir directory holding kustomization.yaml
 * @param {{ web?: boolean }} [options] web: also check the web app (the real overlays have it)
 */
export async function checkKustomizeOverlay(dir, { web = false } = {}) {
  let rendered;
  try {
    rendered = renderKustomization(path.resolve(dir));
  } catch (error) {
    return [{ check: 'kustomize build', errors: [error.message] }];
  }
  const documents = parseAllDocuments(rendered);
  const parseErrors = documents.flatMap((d) => d.errors.map((e) => e.message));
  const objects = documents.map((d) => d.toJS()).filter((o) => o != null);
  if (parseErrors.length) return [{ check: 'kustomize build', errors: parseErrors }];
  return [
    { check: `kustomize build (${objects.length} objects)`, errors: objects.length ? [] : ['renders no objects'] },
    { check: 'kubernetes-models schemas', errors: await schemaProblems(objects) },
    { check: 'hardening (resources, non-root, read-only root, probes, no token)', errors: guarded(hardeningProblems, objects) },
    { check: 'references between objects', errors: guarded(referenceProblems, objects) },
    { check: 'app configuration', errors: guarded(envProblems, objects) },
    { check: 'network policies (egress only to named destinations)', errors: guarded(networkPolicyProblems, objects) },
    ...(web ? [{ check: 'web app (settings, CSP, Ingress / to web, network policy)', errors: guarded(webManifestProblems, objects) }] : []),
  ];
}

/** Renders and validates a kustomization; resolves to error messages, empty when it is valid. */
export async function validateKustomizeOverlay(dir, options) {
  return flatten(await checkKustomizeOverlay(dir, options));
}

/** Runs a check of our own; one that trips over a malformed object reports it instead of crashing. */
function guarded(check, input) {
  try {
    return check(input);
  } catch (error) {
    return [`could not run on these objects (${error.message}); fix the schema errors first`];
  }
}

function flatten(results) {
  return results.flatMap(({ check, errors }) => errors.map((e) => `${check}: ${e}`));
}

// ---------------------------------------------------------------------------------------------------
// Script
// ---------------------------------------------------------------------------------------------------

async function main() {
  const targets = [
    ['docker-compose.yml', () => checkCompose(path.join(repoRoot, 'docker-compose.yml'), { web: true })],
    ['k8s/overlays/dev', () => checkKustomizeOverlay(path.join(repoRoot, 'k8s/overlays/dev'), { web: true })],
    ['k8s/overlays/prod', () => checkKustomizeOverlay(path.join(repoRoot, 'k8s/overlays/prod'), { web: true })],
    [
      'k8s/base/monitoring/globac-alerts.rules.yaml',
      () => [{ check: 'Prometheus rules (structure, PromQL)', errors: checkAlertRules(path.join(repoRoot, 'k8s/base/monitoring/globac-alerts.rules.yaml')) }],
    ],
  ];
  let failed = 0;
  for (const [name, run] of targets) {
    for (const { check, errors } of await run()) {
      console.log(`${errors.length ? 'FAIL' : 'ok  '}  ${name}: ${check}`);
      for (const error of errors) console.log(`        - ${error}`);
      if (errors.length) failed += 1;
    }
  }
  console.log(failed ? `${failed} check(s) failed` : 'all checks passed');
  process.exitCode = failed ? 1 : 0;
}

function invokedDirectly() {
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false; // no script path (node -e, a REPL)
  }
}
if (invokedDirectly()) await main();
