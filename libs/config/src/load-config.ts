import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';

/** Thrown when the environment does not satisfy a service's configuration class. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

function describe(error: ValidationError): string[] {
  const value = error.value === undefined ? 'it is not set' : `got ${JSON.stringify(error.value)}`;
  return Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message} (${value})`);
}

/**
 * Builds a configuration object from environment variables and validates it with the
 * class-validator rules of `schema`. Every property of the class is one variable of the same name;
 * defaults are the class's initial values. Fails with every problem listed, each naming its variable.
 */
export function loadConfig<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new schema() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    raw[key] = value === undefined || value === '' ? defaults[key] : value;
  }
  const config = plainToInstance(schema, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true, stopAtFirstError: true });
  if (errors.length) throw new ConfigValidationError(errors.flatMap(describe));
  return config;
}
