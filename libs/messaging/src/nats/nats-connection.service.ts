import { ServiceConfig } from '@globac/config';
import { HealthRegistry, MetricsService } from '@globac/observability';
import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { type NatsConnection, connect } from '@nats-io/transport-node';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

export type NatsState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** Timeout of JetStream API calls and publish acknowledgements. */
export const JETSTREAM_TIMEOUT_MS = 5000;
const DRAIN_TIMEOUT_MS = 5000;

/**
 * The service's one NATS connection. Connecting never blocks start-up and never gives up: while NATS
 * is away the service stays ready and keeps taking writes (their integration events wait in the
 * outbox); readiness details and the `nats_connected` gauge show the state.
 */
@Injectable()
export class NatsConnectionService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('NATS');
  private connection?: NatsConnection;
  private js?: JetStreamClient;
  private jsm?: JetStreamManager;
  private state: NatsState = 'connecting';
  private readonly waiters = new Set<(nc: NatsConnection) => void>();
  private readonly connectedListeners = new Set<() => void>();
  private retryTimer?: NodeJS.Timeout;
  private wakeRetry?: () => void;

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
    void this.connectForever();
  }

  get status(): NatsState {
    return this.state;
  }

  get isConnected(): boolean {
    return this.state === 'connected';
  }

  /** The connection, waiting for the first successful connect if there has not been one yet. */
  async get(): Promise<NatsConnection> {
    if (this.connection) return this.connection;
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  /** The JetStream client (publishing, consumers) on the connection. */
  async jetstream(): Promise<JetStreamClient> {
    await this.get();
    return this.js!;
  }

  /** The JetStream manager (streams, consumers, stored messages) on the connection. */
  async jetstreamManager(): Promise<JetStreamManager> {
    await this.get();
    return this.jsm!;
  }

  /**
   * Calls `listener` on the first connect and after every reconnect (when a server restarted with
   * memory storage may have lost streams and consumers). Returns a function that unsubscribes.
   */
  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    if (this.state === 'connected') listener();
    return () => this.connectedListeners.delete(listener);
  }

  private notifyConnected() {
    for (const listener of this.connectedListeners) {
      try {
        listener();
      } catch (error) {
        this.logger.error(error as Error);
      }
    }
  }

  // The first connect is retried here (cancellably, so that a service stopped before NATS ever came up
  // exits cleanly); after that the client reconnects by itself, forever.
  private async connectForever() {
    const servers = this.config.NATS_URL.split(',');
    for (let attempt = 1; this.state !== 'closed'; attempt++) {
      try {
        const nc = await connect({
          servers,
          name: `globac-${this.config.DATABASE_NAME}`,
          maxReconnectAttempts: -1,
          reconnectTimeWait: 1000,
          pingInterval: 10_000,
          timeout: 2000,
        });
        if ((this.state as NatsState) === 'closed') {
          // Shut down while connecting.
          await nc.close();
          return;
        }
        this.connection = nc;
        this.js = jetstream(nc, { timeout: JETSTREAM_TIMEOUT_MS });
        this.jsm = await jetstreamManager(nc, { timeout: JETSTREAM_TIMEOUT_MS, checkAPI: false });
        this.state = 'connected';
        this.logger.log(`connected to ${nc.getServer()}`);
        for (const resolve of this.waiters) resolve(nc);
        this.waiters.clear();
        void this.watch(nc);
        this.notifyConnected();
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 30 === 0) {
          this.logger.warn(`cannot connect to ${servers.join(',')} (attempt ${attempt}): ${(error as Error).message}; retrying`);
        }
        await new Promise<void>((resolve) => {
          this.wakeRetry = resolve;
          this.retryTimer = setTimeout(resolve, Math.min(500 * attempt, 5000));
        });
      }
    }
  }

  private async watch(nc: NatsConnection) {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') {
        if (this.state !== 'closed') this.state = 'reconnecting';
        this.logger.warn(`disconnected from ${s.server}`);
      } else if (s.type === 'reconnect') {
        if (this.state !== 'closed') this.state = 'connected';
        this.logger.log(`reconnected to ${s.server}`);
        this.notifyConnected();
      }
    }
  }

  /**
   * Drain on shutdown, after the outbox relay stopped (onModuleDestroy) and the consumers stopped (the
   * transport closes with the app's microservices, after the hooks before this one): published messages
   * and acks are flushed before closing. A drain that cannot finish (NATS away) is cut short.
   */
  async onApplicationShutdown() {
    const wasConnected = this.state === 'connected';
    this.state = 'closed';
    clearTimeout(this.retryTimer);
    this.wakeRetry?.();
    const nc = this.connection;
    if (!nc || nc.isClosed()) return;
    if (!wasConnected) {
      // Nothing can be flushed to a server that is away.
      await nc.close().catch(() => undefined);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), DRAIN_TIMEOUT_MS)));
    const result = await Promise.race([nc.drain().catch((error: Error) => error), timedOut]);
    clearTimeout(timer);
    if (result === 'timeout' || result instanceof Error) {
      this.logger.warn(`drain did not finish (${result === 'timeout' ? 'timed out' : result.message}): closing`);
      await nc.close().catch(() => undefined);
    }
  }
}
