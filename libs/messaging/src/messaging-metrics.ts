import { MetricsService } from '@globac/observability';
import { Injectable } from '@nestjs/common';
import type { Counter, Histogram } from 'prom-client';

/** The messaging counters, in the service's own registry. Gauges (backlog, lag) are computed at scrape time by their owners. */
@Injectable()
export class MessagingMetrics {
  readonly published: Counter<'event_type'>;
  readonly publishErrors: Counter<'event_type'>;
  readonly outboxFailed: Counter<'event_type'>;
  readonly consumed: Counter<'event_type' | 'outcome'>;
  readonly redelivered: Counter<'event_type'>;
  readonly deadLettered: Counter<'event_type' | 'reason'>;
  readonly batchDuration: Histogram<'stream'>;

  constructor(metrics: MetricsService) {
    this.published = metrics.counter('messaging_published_total', 'Integration events published to JetStream by the outbox relay.', ['event_type']);
    this.publishErrors = metrics.counter(
      'messaging_publish_errors_total',
      'Outbox publishes that failed (NATS away, no answer, or an answer that is not an acknowledgement of the row\'s stream); the rows stay in the outbox and are retried.',
      ['event_type'],
    );
    this.outboxFailed = metrics.counter(
      'messaging_outbox_failed_total',
      'Outbox rows set aside as failed after OUTBOX_MAX_ATTEMPTS refused publishes.',
      ['event_type'],
    );
    this.consumed = metrics.counter(
      'messaging_consumed_total',
      'Integration events consumed and acknowledged, by outcome: handled (effects committed), duplicate (already in the inbox), ignored (no handler here).',
      ['event_type', 'outcome'],
    );
    this.redelivered = metrics.counter(
      'messaging_redelivered_total',
      'Messages delivered more than once (after a failure, a lost ack or a restart).',
      ['event_type'],
    );
    this.deadLettered = metrics.counter(
      'messaging_dead_lettered_total',
      'Messages moved to the dead-letter stream, by reason.',
      ['event_type', 'reason'],
    );
    this.batchDuration = metrics.histogram(
      'messaging_batch_duration_seconds',
      'Time to handle one batch of messages (decode, one transaction, acks).',
      ['stream'],
      [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    );
  }
}
