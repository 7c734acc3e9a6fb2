import { describeHostileInput } from '@globac/testing';
import { AppModule } from '../src/app.module';
import { EventsConfig } from '../src/events.config';

// No seed of company data: the cross-company probe uses made-up ids here (see libs/testing's hostile-input).
describeHostileInput({ service: 'events', configClass: EventsConfig, createModule: (config) => AppModule.forRoot(config) });
