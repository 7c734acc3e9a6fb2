import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, IsUUID, Length, Min } from 'class-validator';
import { Description, IsCode, IsInstant, Nullable } from '../field.decorators';
import { IntegrationEvent } from '../integration-event.decorator';
import { EVENT_KINDS, EVENT_TOPICS, type EventKind, type EventTopic, MUNICIPALITIES, type Municipality } from '../reference-data';

@IntegrationEvent({
  producer: 'events',
  aggregate: 'event',
  event: 'scheduled',
  version: 1,
  description: 'A programme event (seminar, competence meeting, trade fair, export ring or circle session) was scheduled.',
})
export class EventScheduled {
  @Description('The programme event.')
  @IsUUID()
  readonly eventId: string;

  @Description('What kind of event it is.')
  @IsIn(EVENT_KINDS)
  readonly kind: EventKind;

  @Description('Its topic (legal, financial, transport-logistics, country-information, ...).')
  @IsIn(EVENT_TOPICS)
  readonly topic: EventTopic;

  @Description('The event\'s public title (never a person\'s name).')
  @IsString()
  @Length(1, 200)
  readonly title: string;

  @Description('Start.')
  @IsInstant()
  readonly startsAt: string;

  @Description('End.')
  @IsInstant()
  readonly endsAt: string;

  @Description('Where it is held, if in the county; null for online or elsewhere.')
  @Nullable()
  @IsIn(MUNICIPALITIES)
  readonly municipality: Municipality | null;

  @Description('Seats; null for no limit.')
  @Nullable()
  @IsInt()
  @Min(1)
  readonly capacity: number | null;

  @Description('The export ring or circle this is a session of; null for other kinds.')
  @Nullable()
  @IsUUID()
  readonly ringId: string | null;

  @Description('Codes of the financiers the event is reported to (e.g. eu, region-vasterbotten, umea-kommun).')
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsCode({ each: true })
  readonly financierIds: string[];
}
