// Names of streams, consumers and subjects, derived from the environment's subject prefix, so that
// environments (and test runs) sharing one NATS server never meet.

const streamToken = (text: string) => text.toUpperCase().replace(/[^A-Z0-9_]/g, '_');

/** Start of every stream name of an environment: `globac` → `GLOBAC`, `t-1a2b` → `T_1A2B`. */
export function streamNamePrefix(subjectPrefix: string): string {
  return streamToken(subjectPrefix);
}

/** The stream of one producer: `GLOBAC_COMPANIES` holding `globac.companies.>`. */
export function producerStreamName(subjectPrefix: string, producer: string): string {
  return `${streamNamePrefix(subjectPrefix)}_${streamToken(producer)}`;
}

/** The one dead-letter stream of an environment, holding `<prefix>.dead-letters.>`. */
export function deadLetterStreamName(subjectPrefix: string): string {
  return `${streamNamePrefix(subjectPrefix)}_DEAD_LETTERS`;
}

export const DEAD_LETTER_TOKEN = 'dead-letters';

/** All dead letters of one consuming service: `<prefix>.dead-letters.<service>.>`. */
export function deadLetterSubjects(subjectPrefix: string, service?: string): string {
  return service ? `${subjectPrefix}.${DEAD_LETTER_TOKEN}.${service}.>` : `${subjectPrefix}.${DEAD_LETTER_TOKEN}.>`;
}

/** Where a service dead-letters a message: `<prefix>.dead-letters.<service>.<original subject without prefix>`. */
export function deadLetterSubjectOf(subjectPrefix: string, service: string, originalSubject: string): string {
  const rest = originalSubject.startsWith(`${subjectPrefix}.`) ? originalSubject.slice(subjectPrefix.length + 1) : originalSubject;
  return `${subjectPrefix}.${DEAD_LETTER_TOKEN}.${service}.${rest || 'unknown'}`;
}

/** The durable consumer of a service on any producer's stream: named after the service. */
export function durableNameOf(service: string): string {
  return service.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Headers of a dead-lettered message: why, and where it came from. */
export const DeadLetterHeaders = {
  reason: 'Globac-Dead-Letter-Reason',
  error: 'Globac-Dead-Letter-Error',
  consumer: 'Globac-Consumer',
  originalSubject: 'Globac-Original-Subject',
  originalStream: 'Globac-Original-Stream',
  originalSequence: 'Globac-Original-Sequence',
  deliveries: 'Globac-Delivery-Count',
  deadLetteredAt: 'Globac-Dead-Lettered-At',
  eventType: 'Globac-Event-Type',
  eventId: 'Globac-Event-Id',
} as const;
