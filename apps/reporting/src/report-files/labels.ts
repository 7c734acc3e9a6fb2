import type { EventKind, Financier, Gender, MeetingOutcome, SizeClass } from '@globac/contracts';

// Every word the report files print, in one table per language, so that an English variant is one
// more table here. Swedish is the programme's language and the only one used so far. Machine keys
// (figure keys, vocabulary codes) are printed as given beside these labels, never replaced by them.

/** Which vocabulary a breakdown's keys come from, so they can be given readable names. */
export type Vocabulary = 'sizeClass' | 'activityKind' | 'municipality' | 'financier' | 'gender' | 'outcome' | 'country';

export interface ReportLabels {
  /** BCP 47 tag used for numbers, dates and country names. */
  locale: string;
  timeZone: string;
  titles: { indicators: string; companies: string; trip: string };
  meta: {
    section: string;
    programme: string;
    period: string;
    from: string;
    to: string;
    filters: string;
    noFilters: string;
    producedAt: string;
    page: string;
    noCompanies: string;
    emptyTable: string;
    /** Shown for an empty breakdown. */
    none: string;
    /** Said under a PDF when names had letters its fonts cannot show. */
    lettersFolded: string;
  };
  filters: { financier: string; municipality: string; activityKind: string };
  sheets: { indicators: string; companies: string; about: string; trip: string; travellingCompanies: string; meetings: string };
  indicatorColumns: { section: string; key: string; label: string; value: string; rule: string };
  companyColumns: { orgNumber: string; orgNumberShort: string; name: string; sizeClass: string; municipality: string; activityKinds: string; companyId: string };
  ruleLabel: string;
  /** Section and key names of the indicators report; unknown ones are printed by their key. */
  sections: Record<string, { title: string; keys: Record<string, string> }>;
  /** Which vocabulary the keys of a breakdown (by its field name) come from. */
  breakdownVocabulary: Record<string, Vocabulary>;
  values: {
    sizeClass: Record<SizeClass, string> & { unknown: string };
    activityKind: Record<EventKind | 'trip', string>;
    municipality: Record<string, string>;
    financier: Record<Financier, string>;
    gender: Record<Gender, string>;
    outcome: Record<MeetingOutcome, string>;
  };
  trip: {
    field: string;
    trip: string;
    title: string;
    tripId: string;
    dates: string;
    revision: string;
    destinations: string;
    country: string;
    targetRegion: string;
    city: string;
    financiers: string;
    companies: string;
    daysAbroad: string;
    subsidySek: string;
    meetings: string;
    meetingId: string;
    company: string;
    partner: string;
    partnerCountry: string;
    heldAt: string;
    outcome: string;
    followUpOn: string;
    totals: string;
    travellingCompanies: string;
    meetingsByOutcome: string;
    none: string;
  };
}

export const SWEDISH_LABELS: ReportLabels = {
  locale: 'sv-SE',
  timeZone: 'Europe/Stockholm',
  titles: { indicators: 'Indikatorrapport', companies: 'Stödda företag', trip: 'Reserapport' },
  meta: {
    section: 'Rapport',
    programme: 'Program',
    period: 'Period',
    from: 'Från och med',
    to: 'Till och med',
    filters: 'Urval',
    noFilters: 'Inget urval (hela programmet)',
    producedAt: 'Framställd',
    page: 'Sida',
    noCompanies: 'Inga företag i urvalet.',
    emptyTable: 'Inga uppgifter.',
    none: '–',
    lettersFolded: 'Bokstäver som PDF-typsnittet saknar visas utan accenter eller som ?; CSV- och Excel-filerna återger dem exakt.',
  },
  filters: { financier: 'Finansiär', municipality: 'Kommun', activityKind: 'Aktivitetstyp' },
  sheets: {
    indicators: 'Indikatorer',
    companies: 'Företag',
    about: 'Om rapporten',
    trip: 'Resa',
    travellingCompanies: 'Resande företag',
    meetings: 'Möten',
  },
  indicatorColumns: { section: 'Avsnitt', key: 'Nyckel', label: 'Indikator', value: 'Värde', rule: 'Räkneregel' },
  companyColumns: {
    orgNumber: 'Organisationsnummer',
    orgNumberShort: 'Org.nr',
    name: 'Namn',
    sizeClass: 'Storleksklass',
    municipality: 'Kommun',
    activityKinds: 'Aktivitetstyper',
    companyId: 'Företags-id',
  },
  ruleLabel: 'Räkneregel',
  sections: {
    companiesSupported: {
      title: 'Stödda företag',
      keys: {
        total: 'Antal företag',
        bySizeClass: 'Per storleksklass',
        byActivityKind: 'Per aktivitetstyp',
        byMunicipality: 'Per kommun',
        byFinancier: 'Per finansiär',
      },
    },
    participations: {
      title: 'Deltaganden i programaktiviteter',
      keys: { attended: 'Närvarande deltaganden', byGender: 'Per kön', hours: 'Deltagartimmar' },
    },
    trips: {
      title: 'Affärsresor',
      keys: { completed: 'Genomförda resor', travellingCompanies: 'Resande företag', subsidySek: 'Resestöd (kr)' },
    },
    exporters: {
      title: 'Exportörer',
      keys: {
        exportingLatest: 'Exporterande företag, senaste året',
        exportingBaseline: 'Exporterande företag, basåret',
        newExporters: 'Nya exportörer',
        exportTurnoverSek: 'Exportomsättning (kr)',
        baseline: 'basåret',
        latest: 'senaste året',
      },
    },
    relationships: {
      title: 'Affärsrelationer',
      keys: { reached: 'Relationer som nått avtal eller långsiktigt samarbete', byPartnerCountry: 'Per partnerland', byTargetRegion: 'Per målregion' },
    },
    partnerMeetings: {
      title: 'Partnermöten på resor',
      keys: { held: 'Hållna möten', byOutcome: 'Per utfall' },
    },
    exportRings: {
      title: 'Exportringar och exportcirklar',
      keys: { companies: 'Medlemsföretag under perioden' },
    },
  },
  breakdownVocabulary: {
    bySizeClass: 'sizeClass',
    byActivityKind: 'activityKind',
    byMunicipality: 'municipality',
    byFinancier: 'financier',
    byGender: 'gender',
    byOutcome: 'outcome',
    meetingsByOutcome: 'outcome',
    byPartnerCountry: 'country',
  },
  values: {
    sizeClass: { micro: 'Mikroföretag', small: 'Litet företag', medium: 'Medelstort företag', large: 'Stort företag', unknown: 'Okänd' },
    activityKind: {
      seminar: 'Seminarium',
      'competence-meeting': 'Kompetensträff',
      'country-briefing': 'Landinformation',
      'trade-fair': 'Mässa',
      'export-ring-meeting': 'Exportringsträff',
      'export-circle-meeting': 'Exportcirkelträff',
      other: 'Övrigt',
      trip: 'Affärsresa',
    },
    municipality: { 'outside-county': 'Utanför länet' },
    financier: {
      eu: 'EU',
      'region-vasterbotten': 'Region Västerbotten',
      'lansstyrelsen-vasterbotten': 'Länsstyrelsen Västerbotten',
      'umea-kommun': 'Umeå kommun',
      'skelleftea-kommun': 'Skellefteå kommun',
      'vannas-kommun': 'Vännäs kommun',
    },
    gender: { woman: 'Kvinna', man: 'Man', 'non-binary': 'Icke-binär', undisclosed: 'Ej angivet' },
    outcome: { 'no-interest': 'Inget intresse', 'follow-up': 'Uppföljning', 'offer-requested': 'Offert efterfrågad', agreement: 'Avtal' },
  },
  trip: {
    field: 'Uppgift',
    trip: 'Resa',
    title: 'Namn',
    tripId: 'Rese-id',
    dates: 'Datum',
    revision: 'Version',
    destinations: 'Resmål',
    country: 'Land',
    targetRegion: 'Målregion',
    city: 'Ort',
    financiers: 'Finansiärer',
    companies: 'Resande företag',
    daysAbroad: 'Dagar utomlands',
    subsidySek: 'Stöd (kr)',
    meetings: 'Partnermöten',
    meetingId: 'Mötes-id',
    company: 'Företag',
    partner: 'Partner',
    partnerCountry: 'Partnerland',
    heldAt: 'Hölls',
    outcome: 'Utfall',
    followUpOn: 'Uppföljning',
    totals: 'Summering',
    travellingCompanies: 'Antal resande företag',
    meetingsByOutcome: 'Möten per utfall',
    none: '–',
  },
};

/** Readable name of a vocabulary code; the code itself when the table has none (render what is given). */
export function valueLabel(labels: ReportLabels, vocabulary: Vocabulary | undefined, key: string): string {
  if (!vocabulary) return key;
  if (vocabulary === 'country') return countryName(labels.locale, key);
  const table = labels.values[vocabulary] as Record<string, string>;
  return table[key] ?? key;
}

const countryNames = new Map<string, Intl.DisplayNames>();
/** ISO 3166 alpha-2 codes get the country's name in the report's language; anything else is kept. */
export function countryName(locale: string, code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  let names = countryNames.get(locale);
  if (!names) countryNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })));
  return names.of(code) ?? code;
}

export function sectionTitle(labels: ReportLabels, section: string): string {
  return labels.sections[section]?.title ?? section;
}

export function keyLabel(labels: ReportLabels, section: string, key: string): string {
  return labels.sections[section]?.keys[key] ?? key;
}
