import { Writable } from 'node:stream';
import type { IndicatorsReport, SupportedCompanyRow, TripReport } from '../report-types';

// Inputs and destinations for the renderers' specs. In a `test/` folder so the build leaves it out of dist.

export const RULES = {
  companiesSupported: 'RCO01: företag som fått stöd – varje företag räknas en gång, hur ofta det än deltog',
  participations: 'Närvaro på programaktiviteter; uteblivna räknas inte',
  trips: 'Genomförda resor under perioden och företagen som reste',
  exporters: 'Basår = året före första stödda aktiviteten; senaste = senast rapporterade år till periodens slut',
  relationships: 'Relationer som nådde avtal eller långsiktigt samarbete under perioden',
  partnerMeetings: 'B2B-möten på resor, per utfall',
  exportRings: 'Företag som var medlemmar i en exportring eller exportcirkel någon dag under perioden',
};

export function sampleIndicators(overrides: Partial<IndicatorsReport> = {}): IndicatorsReport {
  return {
    programme: 'Globac',
    period: { from: '2026-01-01', to: '2026-12-31' },
    filters: { financier: 'region-vasterbotten', municipality: 'Skellefteå' },
    producedAt: '2026-11-30T17:55:12.345Z',
    companiesSupported: {
      total: 141,
      bySizeClass: { small: 60, micro: 70, medium: 10, large: 1 },
      byActivityKind: { seminar: 90, trip: 12, 'trade-fair': 20 },
      byMunicipality: { 'outside-county': 3, Umeå: 80, Skellefteå: 40, Åsele: 2, Malå: 16 },
      byFinancier: { eu: 141, 'region-vasterbotten': 141 },
      rule: RULES.companiesSupported,
    },
    participations: { attended: 512, byGender: { woman: 250, man: 240, 'non-binary': 2, undisclosed: 20 }, hours: 1536.5, rule: RULES.participations },
    trips: { completed: 3, travellingCompanies: 12, subsidySek: 245000, rule: RULES.trips },
    exporters: {
      exportingLatest: 64,
      exportingBaseline: 50,
      newExporters: 14,
      exportTurnoverSek: { baseline: 120000000, latest: 158500000 },
      rule: RULES.exporters,
    },
    relationships: { reached: 9, byPartnerCountry: { PL: 4, IT: 3, CN: 2 }, byTargetRegion: { Poznań: 4, Novara: 3, "Xi'an": 2 }, rule: RULES.relationships },
    partnerMeetings: { held: 40, byOutcome: { agreement: 5, 'follow-up': 20, 'no-interest': 15 }, rule: RULES.partnerMeetings },
    exportRings: { companies: 22, rule: RULES.exportRings },
    ...overrides,
  };
}

const NAMES = ['Åkesson Trä AB', 'Västerbottens Ädelfisk AB', 'Örnsköldsviks Öl & Läsk', 'Norrsken Tech AB', 'Umeå Wärme HB'];
const MUNICIPALITIES = ['Umeå', 'Skellefteå', 'Åsele', 'Vännäs', 'Malå'];
const SIZES = ['micro', 'small', 'medium', null] as const;

export function companyRow(i: number): SupportedCompanyRow {
  return {
    companyId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    orgNumber: `556${String(i % 1000).padStart(3, '0')}-${String(i % 10000).padStart(4, '0')}`,
    name: `${NAMES[i % NAMES.length]} ${i}`,
    sizeClass: SIZES[i % SIZES.length],
    municipality: MUNICIPALITIES[i % MUNICIPALITIES.length],
    activityKinds: i % 3 === 0 ? ['seminar', 'trip'] : ['seminar'],
  };
}

/** Company rows made one at a time, as a database cursor would give them; counts how many were pulled. */
export class CompanySource implements AsyncIterable<SupportedCompanyRow> {
  pulled = 0;

  constructor(
    private readonly count: number,
    private readonly make: (i: number) => SupportedCompanyRow = companyRow,
    private readonly onPull?: (pulled: number) => void,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<SupportedCompanyRow> {
    for (let i = 1; i <= this.count; i++) {
      this.pulled = i;
      this.onPull?.(i);
      yield this.make(i);
    }
  }
}

export function companies(count: number, make?: (i: number) => SupportedCompanyRow): CompanySource {
  return new CompanySource(count, make);
}

export function sampleTrip(overrides: Partial<TripReport> = {}): TripReport {
  return {
    tripId: '7d9f1c2e-3b4a-4c5d-8e6f-0a1b2c3d4e5f',
    title: 'Affärsresa till Poznań och Łódź',
    startsOn: '2026-05-11',
    endsOn: '2026-05-15',
    producedAt: '2026-05-20T08:00:00.000Z',
    revision: 2,
    destinations: [
      { country: 'PL', targetRegion: 'Poznań', city: 'Poznań' },
      { country: 'PL', targetRegion: null, city: 'Łódź' },
    ],
    financiers: ['eu', 'region-vasterbotten'],
    travellingCompanies: [
      { companyId: 'c1', orgNumber: '556677-8899', name: 'Åkesson Trä AB', daysAbroad: 5, subsidySek: 12500 },
      { companyId: 'c2', orgNumber: '559900-1122', name: 'Ädelfisk i Väst AB', daysAbroad: 4, subsidySek: 10000 },
      { companyId: 'c3', orgNumber: null, name: null, daysAbroad: 3, subsidySek: 0 },
    ],
    meetings: [
      { meetingId: 'm1', companyId: 'c1', partnerName: 'Drewno Śląsk Sp. z o.o.', partnerCountry: 'PL', heldAt: '2026-05-12T09:30:00.000Z', outcome: 'agreement', followUpOn: null },
      { meetingId: 'm2', companyId: 'c2', partnerName: null, partnerCountry: 'PL', heldAt: '2026-05-13T12:00:00.000Z', outcome: 'follow-up', followUpOn: '2026-06-01' },
    ],
    totals: { travellingCompanies: 3, subsidySek: 22500, meetingsByOutcome: { 'follow-up': 1, agreement: 1 } },
    ...overrides,
  };
}

/** Keeps every byte written (for small outputs). */
export class CollectingWritable extends Writable {
  private readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(Buffer.from(chunk));
    callback();
  }

  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/**
 * Counts bytes and keeps only the first and last `keep` bytes (so 100,000 rows need no memory here).
 * `bytesPerMs` makes it a slow client: each write completes only after the time that many bytes per
 * millisecond take. `onChunk` sees every chunk; `forward` passes them on (waiting for its room).
 */
export class CountingWritable extends Writable {
  length = 0;
  /** Bytes whose write has completed (what a client has really taken). */
  accepted = 0;
  writes = 0;
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);

  constructor(
    private readonly options: { bytesPerMs?: number; keep?: number; highWaterMark?: number; onChunk?: (chunk: Buffer) => void; forward?: Writable } = {},
  ) {
    super({ highWaterMark: options.highWaterMark ?? 16 * 1024 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const keep = this.options.keep ?? 4096;
    this.length += chunk.length;
    this.writes += 1;
    if (this.head.length < keep) this.head = Buffer.concat([this.head, chunk]).subarray(0, keep);
    this.tail = Buffer.concat([this.tail, chunk]).subarray(-keep);
    this.options.onChunk?.(chunk);
    const complete = () => {
      this.accepted += chunk.length;
      callback();
    };
    const done = () => {
      const { forward } = this.options;
      if (forward && !forward.write(chunk)) forward.once('drain', complete);
      else complete();
    };
    if (this.options.bytesPerMs) setTimeout(done, Math.ceil(chunk.length / this.options.bytesPerMs));
    else done();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.options.forward?.end();
    callback();
  }

  get first(): Buffer {
    return this.head;
  }

  get last(): Buffer {
    return this.tail;
  }
}

/** Counts the occurrences of `needle` in a stream of chunks, also across chunk borders. */
export function occurrenceCounter(needle: string): { onChunk: (chunk: Buffer) => void; readonly count: number } {
  let carry = '';
  let count = 0;
  return {
    onChunk(chunk: Buffer) {
      const text = carry + chunk.toString('latin1');
      let index = text.indexOf(needle);
      while (index !== -1) {
        count += 1;
        index = text.indexOf(needle, index + needle.length);
      }
      carry = text.slice(-(needle.length - 1));
    },
    get count() {
      return count;
    },
  };
}
