/** A contract class: plain readonly fields with class-validator rules, constructed without arguments. */
export type EventClass<T extends object = object> = new () => T;

/** What `@IntegrationEvent` records about a contract class. */
export interface EventContract<T extends object = object> {
  /** Past-tense name, e.g. `CompanyRegistered`; the same for every version of the event. */
  readonly type: string;
  readonly version: number;
  /** The service that owns the fact: the second token of the subject and the stream it lives in. */
  readonly producer: string;
  readonly aggregate: string;
  readonly event: string;
  /** The subject without the environment prefix, e.g. `companies.company.registered.v1`. */
  readonly subject: string;
  /** What happened, for readers of the AsyncAPI document. */
  readonly description: string;
  readonly target: EventClass<T>;
}

const byKey = new Map<string, EventContract>();
const byClass = new Map<EventClass, EventContract>();
const bySubject = new Map<string, EventContract>();

const key = (type: string, version: number) => `${type}@${version}`;

/** Adds a contract; called by `@IntegrationEvent`. Two contracts for one type and version, or one subject, are a bug. */
export function registerContract(contract: EventContract): void {
  const existing = byKey.get(key(contract.type, contract.version)) ?? bySubject.get(contract.subject);
  if (existing && existing.target !== contract.target) {
    throw new Error(
      `${contract.target.name}: ${contract.type} v${contract.version} (${contract.subject}) is already declared by ${existing.target.name}`,
    );
  }
  byKey.set(key(contract.type, contract.version), contract);
  byClass.set(contract.target, contract);
  bySubject.set(contract.subject, contract);
}

/** The contract of a class decorated with `@IntegrationEvent`. */
export function contractOf<T extends object>(target: EventClass<T>): EventContract<T> {
  const contract = byClass.get(target);
  if (!contract) throw new Error(`${target.name} is not an integration event: decorate it with @IntegrationEvent`);
  return contract as EventContract<T>;
}

/** The contract for a type and version, if this build knows it. */
export function findContract(type: string, version: number): EventContract | undefined {
  return byKey.get(key(type, version));
}

/** Whether any version of `type` is known (to tell an unknown type from an unknown version). */
export function isKnownEventType(type: string): boolean {
  for (const contract of byKey.values()) if (contract.type === type) return true;
  return false;
}

/** Every known contract, ordered by subject. */
export function allContracts(): EventContract[] {
  return [...byKey.values()].sort((a, b) => a.subject.localeCompare(b.subject));
}
