import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as contracts from './index';

const root = path.resolve(__dirname, '../../..');
// The generator is workspace tooling (tools/asyncapi), not part of any project: loaded by path.
const { buildAsyncApiDocument, toYaml } = createRequire(__filename)(path.join(root, 'tools/asyncapi/asyncapi-document.cjs')) as {
  buildAsyncApiDocument: (contractsModule: object, version: string) => Record<string, unknown>;
  toYaml: (document: Record<string, unknown>) => string;
};

describe('docs/asyncapi.yaml', () => {
  it('is what the contracts generate (run `npm run asyncapi` and commit the result if this fails)', () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const fresh = toYaml(buildAsyncApiDocument(contracts, version));
    const checkedIn = readFileSync(path.join(root, 'docs/asyncapi.yaml'), 'utf8');
    if (checkedIn !== fresh) {
      throw new Error('docs/asyncapi.yaml is out of date with libs/contracts: run `npm run asyncapi` and commit docs/asyncapi.yaml');
    }
  });

  it('describes every contract as a channel with a message, a data schema and an example', () => {
    const document = buildAsyncApiDocument(contracts, '0.0.0') as {
      asyncapi: string;
      channels: Record<string, { address: string }>;
      components: { messages: Record<string, { examples?: unknown[] }>; schemas: Record<string, unknown> };
    };
    expect(document.asyncapi).toBe('3.0.0');
    for (const contract of contracts.allContracts()) {
      expect(document.channels[contract.subject].address).toBe(`{prefix}.${contract.subject}`);
      expect(document.components.messages[`${contract.type}V${contract.version}`].examples).toHaveLength(1);
      expect(document.components.schemas[contract.target.name]).toBeDefined();
    }
    expect(document.components.schemas.TravellingCompany).toBeDefined();
  });
});
