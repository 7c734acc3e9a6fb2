import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO31661Alpha2, IsString, IsUUID, Length, Min } from 'class-validator';
import { Description, IsCode, IsInstant, Nullable } from '../field.decorators';
import { EVENT_KINDS, EVENT_TOPICS, type EventKind, type EventTopic, MUNICIPALITIES, type Municipality } from '../reference-data';

/**
 * Everything consumers need about a programme event, whole: shared by EventScheduled (revision 1) and
 * EventUpdated (later revisions), so that a consumer keeps the latest by revision.
 */
export abstract class ProgrammeEventDetails {
  @Description('The programme event.')
  @IsUUID()
  readonly eventId: string;

  @Description('What kind of event it is.')
  @IsIn(EVENT_KINDS)
  readonly kind: EventKind;

  @Description('Its topic (legal, financial, transport-logistics, market-entry, ...).')
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

  @Description('The city it is held in.')
  @IsString()
  @Length(1, 100)
  readonly city: string;

  @Description('The country it is held in, ISO 3166-1 alpha-2.')
  @IsISO31661Alpha2()
  readonly country: string;

  @Description('The Västerbotten municipality it is held in, when the city is one (country SE); null elsewhere.')
  @Nullable()
  @IsIn(MUNICIPALITIES)
  readonly municipality: Municipality | null;

  @Description('The export market the event is about (e.g. IT for a seminar on Italy), ISO 3166-1 alpha-2; null if none.')
  @Nullable()
  @IsISO31661Alpha2()
  readonly targetCountry: string | null;

  @Description('Seats; null for no limit.')
  @Nullable()
  @IsInt()
  @Min(1)
  readonly capacity: number | null;

  @Description('The export ring or circle this is a meeting of; null for other kinds.')
  @Nullable()
  @IsUUID()
  readonly ringId: string | null;

  @Description('Codes of the financiers the event is reported to (e.g. eu, region-vasterbotten, umea-kommun).')
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsCode({ each: true })
  readonly financierIds: string[];

  @Description('The event\'s revision: 1 when scheduled, +1 with each update; keep the highest.')
  @IsInt()
  @Min(1)
  readonly revision: number;
}
