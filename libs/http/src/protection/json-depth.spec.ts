import { jsonNestsDeeperThan } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonNestsDeeperThan', () => {
  it('counts objects and arrays alike', () => {
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":[1]}]}'), 3)).toBe(true);
  });

  it('measures the deepest branch, not the number of brackets', () => {
    const wide = `[${Array.from({ length: 1000 }, () => '{"a":{"b":1}}').join(',')}]`;
    expect(jsonNestsDeeperThan(bytes(wide), 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(bytes(`{"a":"${'{['.repeat(100)}\\"${'[{'.repeat(100)}"}`), 1)).toBe(false);
  });

  it('finds a body nested thousands of levels deep', () => {
    expect(jsonNestsDeeperThan(bytes(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`), 32)).toBe(true);
  });
});
