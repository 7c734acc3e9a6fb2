import { Global, Module } from '@nestjs/common';
import { NatsConnectionService } from './nats-connection.service';

@Global()
@Module({
  providers: [NatsConnectionService],
  exports: [NatsConnectionService],
})
export class MessagingModule {}
