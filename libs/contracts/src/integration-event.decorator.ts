import { type EventClass, registerContract } from './event-registry';

export interface IntegrationEventOptions {
  /** The producing service: `companies`, `events` or `trips`. */
  producer: string;
  /** The aggregate the fact is about, kebab-case, e.g. `company`, `export-figures`. */
  aggregate: string;
  /** What happened to it, past tense, kebab-case, e.g. `registered`. */
  event: string;
  /** Starts at 1; see docs/event-versioning.md for when to add one. */
  version: number;
  /** What happened and what consumers may rely on; goes into docs/asyncapi.yaml. */
  description: string;
  /**
   * The type name; defaults to the class name without a trailing `V<n>`, so that the class of a second
   * version (`CompanyRegisteredV2`) keeps the type `CompanyRegistered`.
   */
  type?: string;
}

const TOKEN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const TYPE = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Declares a class as an integration event and records its type, version and subject
 * (`<producer>.<aggregate>.<event>.v<version>`, under the environment's prefix) in the registry that
 * consumers use to look up and validate incoming messages.
 */
export function IntegrationEvent(options: IntegrationEventOptions) {
  return (target: EventClass): void => {
    const type = options.type ?? target.name.replace(/V\d+$/, '');
    for (const [name, value] of [
      ['producer', options.producer],
      ['aggregate', options.aggregate],
      ['event', options.event],
    ] as const) {
      if (!TOKEN.test(value)) throw new Error(`${target.name}: ${name} "${value}" must be a kebab-case subject token`);
    }
    if (!TYPE.test(type)) throw new Error(`${target.name}: type "${type}" must be PascalCase`);
    if (!Number.isInteger(options.version) || options.version < 1) {
      throw new Error(`${target.name}: version must be a whole number from 1`);
    }
    registerContract({
      type,
      version: options.version,
      producer: options.producer,
      aggregate: options.aggregate,
      event: options.event,
      subject: `${options.producer}.${options.aggregate}.${options.event}.v${options.version}`,
      description: options.description.trim(),
      target,
    });
  };
}
