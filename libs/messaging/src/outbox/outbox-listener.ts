import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/**
 * A dedicated connection LISTENing for outbox notifications. It reconnects after losing the database;
 * while it is down the relay's polling covers for it.
 */
export class OutboxListener {
  private readonly logger = new Logger('Outbox');
  private client?: Client;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onNotify: () => void,
  ) {}

  start(): void {
    void this.connect(1);
  }

  private async connect(attempt: number) {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 5000, application_name: 'globac-outbox-listener' });
    const retry = () => {
      if (this.stopped || this.client !== client) return;
      this.client = undefined;
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      this.retryTimer = setTimeout(() => void this.connect(attempt + 1), Math.min(500 * attempt, 5000));
    };
    this.client = client;
    client.on('notification', () => this.onNotify());
    client.on('error', (error) => {
      this.logger.warn(`listener connection lost: ${error.message}; polling until it is back`);
      retry();
    });
    client.on('end', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (attempt > 1) this.logger.log('listener reconnected');
      // Rows may have been written while nobody listened.
      this.onNotify();
    } catch (error) {
      if (attempt === 1) this.logger.warn(`cannot listen for outbox notifications: ${(error as Error).message}; polling`);
      retry();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
