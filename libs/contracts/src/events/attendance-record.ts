import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsNumber, IsUUID, Max, Min } from 'class-validator';
import { Description, IsCalendarDate, IsCode, Nullable } from '../field.decorators';
import { EVENT_KINDS, EVENT_TOPICS, type EventKind, type EventTopic, GENDERS, type Gender } from '../reference-data';

/**
 * Everything reporting needs about one participant's attendance, whole, so that a report never has to
 * look anything up: shared by ParticipantAttended and AttendanceCorrected.
 */
export abstract class AttendanceRecord {
  @Description('The registration: one participant at one event.')
  @IsUUID()
  readonly registrationId: string;

  @Description('The event.')
  @IsUUID()
  readonly eventId: string;

  @Description('The event\'s kind.')
  @IsIn(EVENT_KINDS)
  readonly eventKind: EventKind;

  @Description('The event\'s topic.')
  @IsIn(EVENT_TOPICS)
  readonly topic: EventTopic;

  @Description('The day the event took place, in Swedish time (the reporting period is chosen by it).')
  @IsCalendarDate()
  readonly eventDate: string;

  @Description('The company the participant represents: a company counts once per period however often it attended.')
  @IsUUID()
  readonly companyId: string;

  @Description('The contact (of the companies service) who took part; null for a participant given by name, or erased.')
  @Nullable()
  @IsUUID()
  readonly contactId: string | null;

  @Description('Hours of participation credited (0 when the participant did not attend).')
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1000)
  readonly hours: number;

  @Description('The participant\'s gender as funders ask for it.')
  @IsIn(GENDERS)
  readonly participantGender: Gender;

  @Description('Codes of the financiers the event is reported to.')
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsCode({ each: true })
  readonly financierIds: string[];

  @Description('Whether the participant attended (false records a no-show).')
  @IsBoolean()
  readonly attended: boolean;
}
