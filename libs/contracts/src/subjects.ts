import type { EventContract } from './event-registry';

/** The full subject of a contract under an environment's prefix, e.g. `globac.companies.company.registered.v1`. */
export function subjectOf(prefix: string, contract: Pick<EventContract, 'subject'>): string {
  return `${prefix}.${contract.subject}`;
}

/** Every subject of one producer, e.g. `globac.companies.>`: what its stream holds. */
export function producerSubjects(prefix: string, producer: string): string {
  return `${prefix}.${producer}.>`;
}
