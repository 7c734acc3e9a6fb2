import { decodeIntegrationEvent, type IntegrationEventEnvelope } from '@globac/contracts';
import type { ConsumerDeserializer, IncomingEvent } from '@nestjs/microservices';

/** A message as read from NATS: its subject (with the environment prefix) and its body. */
export interface RawIntegrationEventMessage {
  subject: string;
  data: Uint8Array | string;
}

/**
 * Turns a platform message into the packet Nest routes: `pattern` = the subject without the
 * environment prefix (what `@EventPattern` declares), `data` = the whole validated envelope (`id`,
 * `type`, `version`, `occurredOn`, `source`, `correlationId`, `data`). Nest's default deserializer
 * instead takes the envelope for its own packet (it has an `id` and a `data`): handlers get only
 * `data`, and the `id` makes the message look like a request to answer. Throws
 * `EventRejectedError` (with its reason) for a message no handler could ever take.
 */
export class IntegrationEventDeserializer implements ConsumerDeserializer {
  constructor(private readonly subjectPrefix = 'globac') {}

  deserialize(value: RawIntegrationEventMessage): IncomingEvent & { data: IntegrationEventEnvelope<object> } {
    const { envelope, contract } = decodeIntegrationEvent(value.data);
    const pattern = value.subject.startsWith(`${this.subjectPrefix}.`) ? value.subject.slice(this.subjectPrefix.length + 1) : value.subject;
    // The subject a message travels on and the type its envelope names must agree.
    return { pattern: pattern === contract.subject ? pattern : contract.subject, data: envelope };
  }
}
