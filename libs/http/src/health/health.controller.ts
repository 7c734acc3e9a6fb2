import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@globac/auth';
import { HealthRegistry, MetricsService } from '@globac/observability';

@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthRegistry,
    private readonly metrics: MetricsService,
  ) {}

  /** Liveness: the process answers. Restarting cannot fix a database outage, so nothing else is checked. */
  @Public()
  @Get('health/live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** Readiness: critical dependencies (the database) answer; NATS is reported but not required. */
  @Public()
  @Get('health/ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const { ready, details } = await this.health.check();
    reply.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'unavailable', details };
  }

  @Public()
  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() reply: FastifyReply) {
    const body = await this.metrics.registry.metrics();
    await reply.header('Content-Type', this.metrics.registry.contentType).send(body);
  }
}
