import { ServiceConfig } from '@globac/config';
import { HealthRegistry, MetricsService } from '@globac/observability';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnModuleInit } from '@nestjs/common';

export type NatsState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/**
 * The service's one NATS connection. Connecting never blocks start-up and never gives up: while NATS
 * is away the service stays ready and keeps taking writes (their integration events wait in the
 * outbox); readiness details and the `nats_connected` gauge show the state.
 */
@Injectable()
export class NatsConnectionService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('NATS');
  private connection?: NatsConnection;
  private connecting?: Promise<NatsConnection>;
  private state: NatsState = 'connecting';
  private readonly waiters = new Set<(nc: NatsConnection) => void>();

  constructor(
    private readonly config: ServiceConfig,
    private readonly health: HealthRegistry,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit() {
    const isConnected = () => this.state === 'connected';
    this.metrics.gauge('nats_connected', 'Whether the service is connected to NATS (1) or not (0).', [], function () {
      this.set(isConnected() ? 1 : 0);
    });
    this.health.register('nats', {
      critical: false,
      check: async () => ({ status: this.state === 'connected' ? 'up' : 'down', state: this.state, server: this.connection?.getServer() }),
    });
    this.connecting = this.connectForever();
    this.connecting.catch(() => undefined);
  }

  get status(): NatsState {
    return this.state;
  }

  /** The connection, waiting for the first successful connect if there has not been one yet. */
  async get(): Promise<NatsConnection> {
    if (this.connection) return this.connection;
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  private async connectForever(): Promise<NatsConnection> {
    const servers = this.config.NATS_URL.split(',');
    const nc = await connect({
      servers,
      name: `globac-${this.config.DATABASE_NAME}`,
      waitOnFirstConnect: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
      pingInterval: 10_000,
    });
    this.connection = nc;
    this.state = 'connected';
    this.logger.log(`connected to ${nc.getServer()}`);
    for (const resolve of this.waiters) resolve(nc);
    this.waiters.clear();
    void this.watch(nc);
    return nc;
  }

  private async watch(nc: NatsConnection) {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') {
        this.state = 'reconnecting';
        this.logger.warn(`disconnected from ${s.server}`);
      } else if (s.type === 'reconnect') {
        this.state = 'connected';
        this.logger.log(`reconnected to ${s.server}`);
      }
    }
  }

  /** Drain on shutdown: in-flight messages are handled and published ones flushed before closing. */
  async beforeApplicationShutdown() {
    this.state = 'closed';
    const nc = this.connection;
    if (!nc) {
      // Never connected: stop trying. Closing the pending connect is not exposed, so just leave it.
      return;
    }
    if (!nc.isClosed()) await nc.drain().catch((error: Error) => this.logger.warn(`drain failed: ${error.message}`));
  }
}
