import { ServiceConfig } from '@globac/config';
import { durableNameOf, NatsConnectionService, producerStreamName } from '@globac/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { STREAMS } from '../read-models/projection-support';
import type { RebuildStatusDto, ReportingStatusDto, StreamStatusDto } from './status.dto';

const NATS_TIMEOUT_MS = 1000;

/** How fresh the read models are: per stream, the last event applied and what is still waiting. */
@Injectable()
export class StatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: NatsConnectionService,
    private readonly config: ServiceConfig,
  ) {}

  async status(): Promise<ReportingStatusDto> {
    const progress: { stream: string; last_event_id: string | null; last_event_type: string; last_occurred_on: Date; applied_at: Date }[] =
      await this.dataSource.query('SELECT * FROM stream_progress');
    const byStream = new Map(progress.map((p) => [p.stream, p]));
    const streams: StreamStatusDto[] = await Promise.all(
      STREAMS.map(async (stream) => {
        const p = byStream.get(stream);
        const natsStream = producerStreamName(this.config.NATS_SUBJECT_PREFIX, stream);
        return {
          stream,
          natsStream,
          lastEvent: p?.last_event_id
            ? { id: p.last_event_id, type: p.last_event_type, occurredOn: p.last_occurred_on.toISOString(), appliedAt: p.applied_at.toISOString() }
            : null,
          lastDelaySeconds: p?.last_event_id ? (p.applied_at.getTime() - p.last_occurred_on.getTime()) / 1000 : null,
          pendingMessages: await this.pending(natsStream),
        };
      }),
    );
    return { streams, rebuild: await this.rebuild(), checkedAt: new Date().toISOString() };
  }

  private async pending(natsStream: string): Promise<number | null> {
    if (!this.nats.isConnected) return null;
    try {
      const jsm = await this.nats.jetstreamManager();
      const info = await Promise.race([
        jsm.consumers.info(natsStream, durableNameOf('reporting')),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), NATS_TIMEOUT_MS).unref()),
      ]);
      return info ? info.num_pending + info.num_ack_pending : null;
    } catch {
      // The stream or consumer does not exist yet (nothing consumed so far).
      return null;
    }
  }

  private async rebuild(): Promise<RebuildStatusDto | null> {
    const [row]: { id: string; state: string; started_at: Date; finished_at: Date | null; replayed: string; total: string | null; error: string | null }[] =
      await this.dataSource.query('SELECT * FROM rebuild ORDER BY started_at DESC LIMIT 1');
    if (!row) return null;
    return {
      id: row.id,
      state: row.state,
      startedAt: row.started_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
      replayed: Number(row.replayed),
      total: row.total === null ? null : Number(row.total),
      error: row.error,
    };
  }
}
