// Proves the packaging checks pass on the real files and fail on broken ones.
// Run with: node --test tools/packaging/
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import {
  COMPOSE_FORMATS,
  checkKustomizeOverlay,
  composeWebProblems,
  cspProblems,
  interpolate,
  validateCompose,
  validateKustomizeOverlay,
  webManifestProblems,
} from './validate.mjs';
import { contentSecurityPolicy } from '../../apps/web/tools/web-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'globac-packaging-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let fixtures = 0;
function writeCompose(doc) {
  const file = path.join(scratch, `compose-${++fixtures}.yml`);
  writeFileSync(file, typeof doc === 'string' ? doc : stringify(doc));
  return file;
}

/** A kustomization in a fresh directory holding `objects`. */
function writeOverlay(objects) {
  const dir = path.join(scratch, `overlay-${++fixtures}`);
  mkdirSync(dir);
  const files = objects.map((object, i) => {
    const name = `object-${i}.yaml`;
    writeFileSync(path.join(dir, name), stringify(object));
    return name;
  });
  writeFileSync(
    path.join(dir, 'kustomization.yaml'),
    stringify({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: files }),
  );
  return dir;
}

const composeService = () => ({
  image: 'postgres:17',
  ports: ['127.0.0.1:5432:5432'],
  healthcheck: { test: ['CMD', 'pg_isready'], interval: '5s' },
});

/** A Deployment that passes every check; the tests break one thing at a time. */
function goodObjects() {
  const labels = { 'app.kubernetes.io/name': 'demo' };
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'demo' }, automountServiceAccountToken: false },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'demo' },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: 'demo',
            securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: 'demo',
                image: 'globac/demo:1',
                ports: [{ name: 'http', containerPort: 3001 }],
                env: [
                  { name: 'NODE_ENV', value: 'production' },
                  { name: 'AUTH_MODE', value: 'oidc' },
                  { name: 'AUTH_ISSUER', value: 'https://login.example.com' },
                  { name: 'AUTH_AUDIENCE', value: 'globac-api' },
                  { name: 'PORT', value: '3001' },
                ],
                livenessProbe: { httpGet: { path: '/health/live', port: 'http' } },
                readinessProbe: { httpGet: { path: '/health/ready', port: 'http' } },
                resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '256Mi' } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'demo' },
      spec: { selector: labels, ports: [{ name: 'http', port: 3001, targetPort: 'http' }] },
    },
  ];
}

const deployment = (objects) => objects.find((o) => o.kind === 'Deployment');
const container = (objects) => deployment(objects).spec.template.spec.containers[0];

async function overlayErrors(mutate) {
  const objects = goodObjects();
  mutate(objects);
  return validateKustomizeOverlay(writeOverlay(objects));
}

const someMatch = (errors, pattern) =>
  assert.ok(errors.some((e) => pattern.test(e)), `expected an error matching ${pattern}, got:\n${errors.join('\n') || '(none)'}`);

describe('the real packaging', () => {
  test('docker-compose.yml is valid', () => {
    assert.deepEqual(validateCompose(path.join(root, 'docker-compose.yml'), { web: true }), []);
  });

  for (const overlay of ['dev', 'prod']) {
    test(`k8s/overlays/${overlay} is valid`, async () => {
      assert.deepEqual(await validateKustomizeOverlay(path.join(root, 'k8s', 'overlays', overlay), { web: true }), []);
    });
  }

  test('prod runs every service with at least two replicas and a disruption budget', async () => {
    // Not a generic check, but the promise the prod overlay makes.
    const { execFileSync } = await import('node:child_process');
    const { parseAllDocuments } = await import('yaml');
    const rendered = execFileSync('kubectl', ['kustomize', path.join(root, 'k8s/overlays/prod')], { encoding: 'utf8' });
    const objects = parseAllDocuments(rendered)
      .map((d) => d.toJS())
      .filter(Boolean);
    for (const d of objects.filter((o) => o.kind === 'Deployment')) {
      const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.spec.scaleTargetRef.name === d.metadata.name);
      assert.ok((hpa?.spec.minReplicas ?? d.spec.replicas ?? 1) >= 2, `${d.metadata.name} may run a single replica`);
      const pdb = objects.find(
        (o) => o.kind === 'PodDisruptionBudget' && o.spec.selector.matchLabels['app.kubernetes.io/name'] === d.metadata.name,
      );
      assert.ok(pdb, `${d.metadata.name} has no PodDisruptionBudget`);
    }
  });
});

describe('k8s/base keeps one shape for the four services', () => {
  const services = { companies: 3001, events: 3002, trips: 3003, reporting: 3004 };

  test('each service is a kustomization of the shared component, naming only itself and its port', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const { parse } = await import('yaml');
    for (const [name, port] of Object.entries(services)) {
      assert.ok(!existsSync(path.join(root, 'k8s/base', `${name}.yaml`)), `k8s/base/${name}.yaml repeats the shape`);
      const kustomization = parse(readFileSync(path.join(root, 'k8s/base', name, 'kustomization.yaml'), 'utf8'));
      assert.deepEqual(kustomization.components, ['../../components/service']);
      assert.deepEqual(kustomization.resources ?? [], [], `${name} adds objects of its own`);
      assert.deepEqual(kustomization.configMapGenerator[0].literals, [`name=${name}`, `port=${port}`]);
    }
  });

  test('the rendered base has each service under its own name and port, and no placeholder left', async () => {
    const { execFileSync } = await import('node:child_process');
    const { parseAllDocuments } = await import('yaml');
    const rendered = execFileSync('kubectl', ['kustomize', path.join(root, 'k8s/base')], { encoding: 'utf8' });
    const objects = parseAllDocuments(rendered).map((d) => d.toJS()).filter(Boolean);
    assert.ok(!/\bservice-identity\b|name: service$|: 3000$|"3000"/m.test(rendered), 'a placeholder of the shape is left in the rendered base');
    for (const [name, port] of Object.entries(services)) {
      const of = (kind) => objects.find((o) => o.kind === kind && o.metadata.name === name);
      for (const kind of ['ServiceAccount', 'Deployment', 'Service', 'NetworkPolicy']) assert.ok(of(kind), `no ${kind} ${name}`);
      const pod = of('Deployment').spec.template;
      assert.equal(pod.metadata.annotations['prometheus.io/port'], String(port));
      assert.equal(pod.spec.serviceAccountName, name);
      assert.equal(pod.spec.containers[0].image, `globac/${name}`);
      assert.equal(pod.spec.containers[0].ports[0].containerPort, port);
      assert.equal(pod.spec.containers[0].env.find((e) => e.name === 'PORT').value, String(port));
      assert.equal(of('Service').spec.ports[0].port, port);
      assert.deepEqual(of('Service').spec.selector, { 'app.kubernetes.io/name': name });
      assert.deepEqual(of('NetworkPolicy').spec.podSelector.matchLabels, { 'app.kubernetes.io/name': name });
    }
  });
});

describe('each service connects to Postgres as its own role', () => {
  const services = ['companies', 'events', 'trips', 'reporting'];

  test('docker-compose.yml: each service its own role; Postgres creates them from the shared init script', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseDocument } = await import('yaml');
    const compose = parseDocument(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }).toJS();
    for (const name of services) {
      const env = compose.services[name].environment;
      assert.equal(new URL(env.POSTGRES_URL).username, `globac_${name}`, `${name} does not connect as its own role`);
      assert.equal(new URL(env.POSTGRES_URL).password, compose.services.postgres.environment[`GLOBAC_${name.toUpperCase()}_PASSWORD`]);
      assert.equal(env.NODE_ENV, 'development', `${name} lost the shared environment`);
    }
    assert.ok(compose.services.postgres.volumes.includes('./k8s/overlays/dev/postgres-init:/docker-entrypoint-initdb.d:ro'));
  });

  test('k8s: each Deployment reads its own Secret; the dev Postgres gets the roles and the init script', async () => {
    const { execFileSync } = await import('node:child_process');
    const { parseAllDocuments } = await import('yaml');
    const rendered = execFileSync('kubectl', ['kustomize', path.join(root, 'k8s/overlays/dev')], { encoding: 'utf8' });
    const objects = parseAllDocuments(rendered).map((d) => d.toJS()).filter(Boolean);
    const secret = (name) => objects.find((o) => o.kind === 'Secret' && o.metadata.name === name);
    const decode = (s, key) => Buffer.from(s.data[key].replace(/\s/g, ''), 'base64').toString('utf8');
    const postgres = objects.find((o) => o.kind === 'StatefulSet' && o.metadata.name === 'postgres').spec.template.spec;
    for (const name of services) {
      const container = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name).spec.template.spec.containers[0];
      const ref = container.env.find((e) => e.name === 'POSTGRES_URL').valueFrom.secretKeyRef;
      assert.match(ref.name, new RegExp(`^${name}-postgres-`));
      const url = new URL(decode(secret(ref.name), ref.key));
      assert.equal(url.username, `globac_${name}`);
      const password = postgres.containers[0].env.find((e) => e.name === `GLOBAC_${name.toUpperCase()}_PASSWORD`).valueFrom.secretKeyRef;
      assert.equal(password.name, ref.name);
      assert.equal(decode(secret(password.name), password.key), url.password);
    }
    const init = postgres.volumes.find((v) => v.name === 'init').configMap.name;
    const script = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === init).data['service-roles.sh'];
    assert.match(script, /REVOKE ALL ON DATABASE/);
  });
});

describe('compose checks fail on broken files', () => {
  test('a minimal valid file passes (so the failures below have their stated cause)', () => {
    assert.deepEqual(validateCompose(writeCompose({ services: { db: composeService() } })), []);
  });

  test('a wrongly typed field', () => {
    const file = writeCompose({ services: { db: { ...composeService(), ports: 5 } } });
    someMatch(validateCompose(file), /\/services\/db\/ports must be array/);
  });

  test('an unknown top-level key', () => {
    const file = writeCompose({ services: { db: composeService() }, servces: {} });
    someMatch(validateCompose(file), /additional properties \("servces"\)/);
  });

  test('an unknown service key', () => {
    const file = writeCompose({ services: { db: { ...composeService(), restart_policy: 'always' } } });
    someMatch(validateCompose(file), /restart_policy/);
  });

  test('invalid YAML and duplicate keys', () => {
    assert.notDeepEqual(validateCompose(writeCompose('services:\n  db:\n    image: a\n    image: b\n')), []);
    assert.notDeepEqual(validateCompose(writeCompose('services: [\n')), []);
  });

  test('references the schema cannot see', () => {
    const errors = validateCompose(
      writeCompose({
        services: {
          db: composeService(),
          nats: { image: 'nats:2.11-alpine', ports: ['127.0.0.1:5432:4222'] },
          app: {
            image: 'app',
            depends_on: { nats: { condition: 'service_healthy' }, cache: { condition: 'service_started' } },
            volumes: ['app-data:/data'],
          },
        },
      }),
    );
    someMatch(errors, /"nats" has no healthcheck/);
    someMatch(errors, /no service "cache"/);
    someMatch(errors, /named volume "app-data" is not declared/);
    someMatch(errors, /127\.0\.0\.1:5432\/tcp is already published/);
  });

  test('the app configuration rule: the image runs NODE_ENV=production, which refuses AUTH_MODE=dev', () => {
    const errors = validateCompose(
      writeCompose({ services: { app: { build: { context: '.' }, environment: { AUTH_MODE: 'dev' } } } }),
    );
    someMatch(errors, /requires AUTH_MODE=oidc/);
  });

  test('interpolation happens before validation, as in docker compose', () => {
    assert.equal(interpolate('127.0.0.1:${PG_PORT:-5432}:5432'), '127.0.0.1:5432:5432');
    assert.equal(interpolate('${PG_PORT:-5432}', { PG_PORT: '6543' }), '6543');
    assert.equal(interpolate('$$HOME ${A:+set}${B-unset}'), '$HOME unset');
    const problems = [];
    interpolate({ x: '${SECRET:?set it}' }, {}, problems);
    assert.match(problems[0], /SECRET is not set \(set it\)/);
  });

  test('the custom formats accept compose syntax and reject other text', () => {
    for (const good of ['3001', '3001:3001', '127.0.0.1:5432:5432', '127.0.0.1::80', '8000-8010:8000-8010/udp']) {
      assert.match(good, COMPOSE_FORMATS.ports);
    }
    assert.doesNotMatch('abc', COMPOSE_FORMATS.ports);
    assert.match('1m30s', COMPOSE_FORMATS.duration);
    assert.doesNotMatch('30 seconds', COMPOSE_FORMATS.duration);
    assert.match('10.0.0.0/24', COMPOSE_FORMATS.subnet_ip_address);
    assert.match('3000/tcp', COMPOSE_FORMATS.expose);
  });
});

describe('Kubernetes checks fail on broken objects', () => {
  test('the fixture itself passes', async () => {
    assert.deepEqual(await overlayErrors(() => {}), []);
  });

  test('a wrongly typed field (kubernetes-models)', async () => {
    const errors = await overlayErrors((o) => (deployment(o).spec.replicas = 'two'));
    someMatch(errors, /kubernetes-models.*\/spec\/replicas must be integer/);
  });

  test('a container without an image (kubernetes-models allows it; our check does not)', async () => {
    const errors = await overlayErrors((o) => delete container(o).image);
    assert.ok(!errors.some((e) => e.startsWith('kubernetes-models')), 'the schema is expected to allow it');
    someMatch(errors, /container demo: no image/);
  });

  test('a container without a name (kubernetes-models)', async () => {
    someMatch(await overlayErrors((o) => delete container(o).name), /containers\/0 must have required property name/);
  });

  test('a kind with no schema is an error, not a pass', async () => {
    const errors = await overlayErrors((o) =>
      o.push({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'demo' }, spec: {} }),
    );
    someMatch(errors, /ServiceMonitor demo: no schema .* cannot be validated/);
  });

  test('missing resources, writable root filesystem, root user, no probes', async () => {
    const errors = await overlayErrors((o) => {
      const c = container(o);
      delete c.resources.limits;
      delete c.resources.requests.cpu;
      c.securityContext.readOnlyRootFilesystem = false;
      delete c.livenessProbe;
      deployment(o).spec.template.spec.securityContext = { runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } };
    });
    for (const pattern of [
      /no resources\.limits\.memory/,
      /no resources\.limits\.cpu/,
      /no resources\.requests\.cpu/,
      /readOnlyRootFilesystem is not true/,
      /runAsNonRoot is not true/,
      /runAsUser is 0/,
      /no livenessProbe/,
    ]) {
      someMatch(errors, pattern);
    }
  });

  test('a mounted service account token and a kept capability set', async () => {
    const errors = await overlayErrors((o) => {
      delete o.find((x) => x.kind === 'ServiceAccount').automountServiceAccountToken;
      delete container(o).securityContext.capabilities;
    });
    someMatch(errors, /mounts a service account token/);
    someMatch(errors, /capabilities do not drop ALL/);
  });

  test('dangling references between objects', async () => {
    const errors = await overlayErrors((o) => {
      o.find((x) => x.kind === 'Service').spec.ports[0].targetPort = 'web';
      o.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'demo' },
        spec: {
          rules: [
            { http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'missing', port: { name: 'http' } } } }] } },
          ],
        },
      });
      o.push({
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'demo' },
        spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'demoo' }, minReplicas: 2, maxReplicas: 3 },
      });
      container(o).envFrom = [{ configMapRef: { name: 'nowhere' } }];
    });
    someMatch(errors, /targetPort "web" is not a container port/);
    someMatch(errors, /backend service "missing" does not exist/);
    someMatch(errors, /scale target Deployment demoo does not exist/);
    someMatch(errors, /ConfigMap "nowhere", which is not rendered/);
  });

  test('configuration the app would refuse at boot', async () => {
    const errors = await overlayErrors((o) => {
      const env = container(o).env;
      env.find((e) => e.name === 'AUTH_MODE').value = 'dev';
      env.find((e) => e.name === 'PORT').value = '3009';
    });
    someMatch(errors, /NODE_ENV=production requires AUTH_MODE=oidc/);
    someMatch(errors, /PORT=3009 but the http port is 3001/);
  });

  test('an egress rule without a destination, to every address, or left at the base placeholder', async () => {
    const policy = (egress) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'demo' },
      spec: { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'demo' } }, policyTypes: ['Egress'], egress },
    });
    const pg = [{ port: 5432, protocol: 'TCP' }];
    const ok = await overlayErrors((o) => o.push(policy([{ to: [{ podSelector: { matchLabels: { app: 'pg' } } }], ports: pg }])));
    assert.deepEqual(ok, []);
    someMatch(await overlayErrors((o) => o.push(policy([{ ports: pg }]))), /egress rule 0 has no `to`: it allows port 5432 to any address/);
    someMatch(await overlayErrors((o) => o.push(policy([{ to: [], ports: pg }]))), /egress rule 0 has no `to`/);
    someMatch(await overlayErrors((o) => o.push(policy([{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: pg }]))), /to any address \(0\.0\.0\.0\/0\)/);
    someMatch(await overlayErrors((o) => o.push(policy([{ to: [{ ipBlock: { cidr: '192.0.2.1/32' } }], ports: pg }]))), /base's placeholder/);
  });

  test('a directory that is not a kustomization', async () => {
    const [result] = await checkKustomizeOverlay(scratch);
    assert.equal(result.check, 'kustomize build');
    assert.equal(result.errors.length, 1);
  });
});

describe('the web app checks fail on broken packaging', () => {
  const render = async (overlay) => {
    const { execFileSync } = await import('node:child_process');
    const { parseAllDocuments } = await import('yaml');
    const rendered = execFileSync('kubectl', ['kustomize', path.join(root, 'k8s/overlays', overlay)], { encoding: 'utf8' });
    return parseAllDocuments(rendered).map((d) => d.toJS()).filter(Boolean);
  };
  const web = (objects) => objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'web');
  const config = (objects) => objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('globac-config'));

  test('the real overlays pass, and the Ingress sends / to web and only /api paths to the services', async () => {
    for (const overlay of ['dev', 'prod']) assert.deepEqual(webManifestProblems(await render(overlay)), [], overlay);
  });

  test('an Ingress without / to web, or with a non-API path to a service', async () => {
    const objects = await render('prod');
    const ingress = objects.find((o) => o.kind === 'Ingress');
    ingress.spec.rules[0].http.paths = ingress.spec.rules[0].http.paths.filter((p) => p.path !== '/');
    ingress.spec.rules[0].http.paths.push({ path: '/metrics', pathType: 'Prefix', backend: { service: { name: 'companies', port: { name: 'http' } } } });
    const errors = webManifestProblems(objects);
    someMatch(errors, /no Prefix rule sends \/ to the web Service/);
    someMatch(errors, /\/metrics is neither/);
  });

  test('settings the web server refuses: the development sign-in in production, no client, an http issuer', async () => {
    let objects = await render('prod');
    Object.assign(config(objects).data, { AUTH_MODE: 'dev' });
    someMatch(webManifestProblems(objects), /would refuse to start: AUTH_MODE=dev .* NODE_ENV=development/);
    objects = await render('prod');
    web(objects).spec.template.spec.containers[0].env = web(objects).spec.template.spec.containers[0].env.filter((e) => e.name !== 'WEB_OIDC_CLIENT_ID');
    someMatch(webManifestProblems(objects), /WEB_OIDC_CLIENT_ID/);
    objects = await render('prod');
    config(objects).data.AUTH_ISSUER = 'http://login.example.com';
    someMatch(webManifestProblems(objects), /https/);
  });

  test('a network policy that admits more than the ingress controller or lets the pod call out', async () => {
    const objects = await render('prod');
    const policy = objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'web');
    policy.spec.ingress[0].from.push({ podSelector: {} });
    policy.spec.egress = [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 443 }] }];
    const errors = webManifestProblems(objects);
    someMatch(errors, /admits more than the ingress controller/);
    someMatch(errors, /allows egress/);
  });

  test('the policy the server sends is tight, and loosened ones are caught', () => {
    assert.deepEqual(cspProblems(contentSecurityPolicy('https://login.example.com'), 'https://login.example.com'), []);
    const loose = "default-src 'self'; script-src 'self' 'unsafe-inline'; connect-src 'self' https://login.example.com https://evil.example; frame-ancestors *; object-src 'none'";
    const errors = cspProblems(loose, 'https://login.example.com');
    someMatch(errors, /script-src .* not 'self' alone/);
    someMatch(errors, /connect-src allows https:\/\/evil\.example/);
    someMatch(errors, /frame-ancestors allows \*/);
  });

  test('compose: the web service unconfined, exposed, or not routing an API prefix as the Ingress does', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseDocument } = await import('yaml');
    const compose = parseDocument(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }).toJS();
    assert.deepEqual(composeWebProblems(compose), []);
    const service = compose.services.web;
    service.read_only = false;
    service.cap_drop = [];
    service.ports = ['8080:8080'];
    service.environment.API_UPSTREAMS = service.environment.API_UPSTREAMS.replace('/api/trips=http://trips:3003', '/api/trips=http://events:3002');
    const errors = composeWebProblems(compose);
    someMatch(errors, /read_only is not true/);
    someMatch(errors, /cap_drop does not include ALL/);
    someMatch(errors, /published beyond 127\.0\.0\.1/);
    someMatch(errors, /\/api\/trips goes to events, the Ingress sends it to trips/);
    service.environment.NODE_ENV = 'production';
    someMatch(composeWebProblems(compose), /would refuse to start/);
  });
});
