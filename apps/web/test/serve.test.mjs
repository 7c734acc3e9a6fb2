// The routing of `npm start`'s web server: /api/... goes where the Ingress sends it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingressRoutes, matchRoute } from '../tools/serve.mjs';

test('every path prefix of the Ingress is routed to its service, by whole path segments', async () => {
  const routes = await ingressRoutes();
  assert.ok(routes.length >= 10, 'the Ingress names the services’ prefixes');
  assert.equal(matchRoute(routes, '/api/companies')?.service, 'companies');
  assert.equal(matchRoute(routes, '/api/companies/1/contacts')?.service, 'companies');
  assert.equal(matchRoute(routes, '/api/contacts/1/export')?.service, 'companies');
  assert.equal(matchRoute(routes, '/api/events/1/registrations')?.service, 'events');
  assert.equal(matchRoute(routes, '/api/trips')?.service, 'trips');
  assert.equal(matchRoute(routes, '/api/reports/x')?.service, 'reporting');
  assert.equal(matchRoute(routes, '/api/eventsx'), undefined);
  // Not routed by the Ingress (operators reach them with port-forward).
  assert.equal(matchRoute(routes, '/api/docs'), undefined);
  assert.equal(matchRoute(routes, '/api/admin/dead-letters'), undefined);
});
