import type { IntegrationEventEnvelope } from '@globac/contracts';
import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';

type IntegrationEventContextArgs = [subject: string, envelopes: readonly IntegrationEventEnvelope<object>[], manager: EntityManager];

/**
 * What a handler of the platform's transport can reach besides its payload (`@Ctx()`, or
 * `context.switchToRpc().getContext()` in a guard or interceptor): the subject (without the
 * environment prefix), the envelope(s) being handled and the EntityManager of the transaction that
 * also records them in the inbox.
 */
export class IntegrationEventContext extends BaseRpcContext<IntegrationEventContextArgs> {
  /** The pattern the handler is declared on, e.g. `companies.company.registered.v1`. */
  getSubject(): string {
    return this.args[0];
  }

  /** The envelope handled (a batch handler: the first of its run). */
  get envelope(): IntegrationEventEnvelope<object> {
    return this.args[1][0];
  }

  /** Every envelope of the call (one, or a batch handler's run). */
  get envelopes(): readonly IntegrationEventEnvelope<object>[] {
    return this.args[1];
  }

  /** The transaction: write every effect through it, so that it commits with the inbox row. */
  get manager(): EntityManager {
    return this.args[2];
  }
}
