'use strict';
// Builds the AsyncAPI 3.0 document of the integration events from the contracts lib: channels, messages
// (envelope + data schema + example) and the producers' send operations. Used by generate.mjs (from the
// built contracts in dist/) and by the jest test that checks docs/asyncapi.yaml is current (from source).
// The contracts module is passed in so that its class-validator metadata is the one read here.
const { validationMetadatasToSchemas, targetConstructorToSchema } = require('class-validator-jsonschema');
const { getMetadataStorage } = require('class-validator');
const { defaultMetadataStorage } = require('class-transformer/cjs/storage');
const YAML = require('yaml');

const REF = '#/components/schemas/';

// Rules of class-validator itself that class-validator-jsonschema leaves untyped.
const BUILT_IN_RULES = {
  isISO31661Alpha2: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country code' },
};

function pascal(text) {
  return text.replace(/(^|[-.])([a-z0-9])/g, (_, __, c) => c.toUpperCase());
}

function refsOf(schema, found = new Set()) {
  if (Array.isArray(schema)) schema.forEach((s) => refsOf(s, found));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF)) found.add(value.slice(REF.length));
      else refsOf(value, found);
    }
  }
  return found;
}

/**
 * Adds descriptions, null for @Nullable() fields (which stay required) and @OptionalNullable() fields
 * (which stay optional), and a class description.
 */
function decorate(schema, target, contracts, description) {
  const descriptions = contracts.fieldDescriptions(target);
  const nullable = new Set(contracts.nullableFields(target));
  const mayBeNull = new Set([...nullable, ...(contracts.optionalNullableFields?.(target) ?? [])]);
  const properties = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    // A rule's own description (e.g. of the org-number check) gives way to the field's.
    let { description: ruleDescription, ...out } = property;
    if (out.$ref) {
      // draft-07 ignores siblings of $ref; IsDefined's `not null` is already said by `required`.
      out = { allOf: [{ $ref: out.$ref }] };
    }
    if (mayBeNull.has(name)) {
      if (out.type && typeof out.type === 'string') {
        out = { ...out, type: [out.type, 'null'], ...(out.enum ? { enum: [...out.enum, null] } : {}) };
      } else {
        out = { anyOf: [out, { type: 'null' }] };
      }
    }
    const text = descriptions[name] ?? ruleDescription;
    properties[name] = text ? { description: text, ...out } : out;
  }
  const required = [...new Set([...(schema.required ?? []), ...nullable])].filter((name) => name in properties);
  const order = Object.keys(properties);
  required.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return {
    ...(description ? { description } : {}),
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
  };
}

/**
 * @param contracts the @globac/contracts module (built or source)
 * @param version the document's version (the workspace's)
 */
function buildAsyncApiDocument(contracts, version) {
  const options = {
    refPointerPrefix: REF,
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: { ...BUILT_IN_RULES, ...contracts.CONTRACT_RULE_SCHEMAS },
  };
  // Classes by name, to decorate nested classes (e.g. TravellingCompany) found through $refs.
  const classes = new Map();
  for (const target of getMetadataStorage().validationMetadatas.keys()) {
    if (typeof target === 'function') classes.set(target.name, target);
  }
  const all = validationMetadatasToSchemas(options);
  const schemas = {};
  const addWithRefs = (name, schema) => {
    schemas[name] = schema;
    for (const ref of refsOf(schema)) {
      if (schemas[ref]) continue;
      if (!all[ref]) throw new Error(`no schema for ${ref}`);
      addWithRefs(ref, decorate(all[ref], classes.get(ref), contracts));
    }
  };

  const envelope = decorate(all.EventEnvelope, contracts.EventEnvelope, contracts,
    'The envelope of every integration event. `data` holds the fields of the event\'s contract.');
  schemas.EventEnvelope = envelope;

  const channels = {};
  const operations = {};
  const messages = {};
  for (const contract of contracts.allContracts()) {
    const id = `${contract.type}V${contract.version}`;
    const dataName = contract.target.name;
    addWithRefs(dataName, decorate(targetConstructorToSchema(contract.target, options), contract.target, contracts, contract.description));
    const example = contracts.CONTRACT_EXAMPLES.get(`${contract.type}@${contract.version}`);
    messages[id] = {
      name: contract.type,
      title: `${contract.type} v${contract.version}`,
      summary: contract.description,
      contentType: 'application/json',
      headers: {
        type: 'object',
        properties: {
          'Nats-Msg-Id': { type: 'string', format: 'uuid', description: 'The event id: JetStream drops a second publish of it within the duplicate window.' },
        },
        required: ['Nats-Msg-Id'],
      },
      payload: {
        allOf: [
          { $ref: `${REF}EventEnvelope` },
          {
            type: 'object',
            properties: {
              type: { const: contract.type },
              version: { const: contract.version },
              source: { const: contract.producer },
              data: { $ref: `${REF}${dataName}` },
            },
          },
        ],
      },
      ...(example
        ? {
            examples: [
              {
                name: 'example',
                headers: { 'Nats-Msg-Id': '0b8e8f7e-3c1e-4f2a-9a53-5b0c6f1d2e3f' },
                payload: {
                  id: '0b8e8f7e-3c1e-4f2a-9a53-5b0c6f1d2e3f',
                  type: contract.type,
                  version: contract.version,
                  occurredOn: '2026-03-01T09:30:00.000Z',
                  source: contract.producer,
                  correlationId: '5d1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
                  data: example,
                },
              },
            ],
          }
        : {}),
    };
    const channelId = contract.subject;
    channels[channelId] = {
      address: `{prefix}.${contract.subject}`,
      title: `${contract.type} v${contract.version}`,
      description: `Stream {PREFIX}_${contract.producer.toUpperCase().replace(/[^A-Z0-9]/g, '_')}. ${contract.description}`,
      parameters: { prefix: { $ref: '#/components/parameters/prefix' } },
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
    };
    operations[`${contract.producer}Sends${id}`] = {
      action: 'send',
      title: `${contract.producer} publishes ${contract.type} v${contract.version}`,
      summary: `The ${contract.producer} service publishes this through its outbox, in the transaction of the change.`,
      channel: { $ref: `#/channels/${channelId}` },
      messages: [{ $ref: `#/channels/${channelId}/messages/${id}` }],
    };
  }

  const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Globac integration events',
      version,
      description: [
        'The integration events the Globac services (companies, events, trips, reporting) exchange over NATS JetStream.',
        'Generated from libs/contracts by `npm run asyncapi`; do not edit by hand.',
        '',
        'Every message is JSON: an envelope `{ id, type, version, occurredOn, source, correlationId, data }`, with',
        '`Nats-Msg-Id` = `id`. Subjects are `<prefix>.<producer>.<aggregate>.<event>.v<N>`; each producer has one',
        'stream `<PREFIX>_<PRODUCER>` holding every event it published (no maximum age), so a consumer can rebuild',
        'its state by replaying from the start. Delivery is at least once: consumers deduplicate on `id`.',
        'Events carry ids, kinds, dates and numbers, never names or e-mail addresses of people.',
        'How versions evolve: docs/event-versioning.md. How the services publish and consume: docs/messaging.md.',
      ].join('\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:4222',
        protocol: 'nats',
        description: 'A development NATS server with JetStream (the platform\'s NATS_URL).',
      },
    },
    channels: sorted(channels),
    operations: sorted(operations),
    components: {
      parameters: {
        prefix: {
          default: 'globac',
          description: 'NATS_SUBJECT_PREFIX of the environment: the first token of every subject (tests use their own).',
        },
      },
      schemas: sorted(schemas),
      messages: sorted(messages),
    },
  };
}

/** The document as YAML, stable from run to run. */
function toYaml(document) {
  return `# Generated by \`npm run asyncapi\` from libs/contracts: do not edit.\n${YAML.stringify(document, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

module.exports = { buildAsyncApiDocument, toYaml, pascal };
