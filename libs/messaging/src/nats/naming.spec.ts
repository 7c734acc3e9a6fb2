import { deadLetterStreamName, deadLetterSubjectOf, deadLetterSubjects, durableNameOf, producerStreamName, streamNamePrefix } from './naming';

describe('messaging names', () => {
  it('derives stream names from the subject prefix, upper-cased and safe for NATS', () => {
    expect(producerStreamName('globac', 'companies')).toBe('GLOBAC_COMPANIES');
    expect(producerStreamName('t-lz3k9a01', 'trips')).toBe('T_LZ3K9A01_TRIPS');
    expect(streamNamePrefix('staging-2')).toBe('STAGING_2');
    expect(deadLetterStreamName('globac')).toBe('GLOBAC_DEAD_LETTERS');
  });

  it('files a dead letter under the consuming service and the original subject', () => {
    expect(deadLetterSubjectOf('globac', 'reporting', 'globac.events.participant.attended.v1')).toBe(
      'globac.dead-letters.reporting.events.participant.attended.v1',
    );
    expect(deadLetterSubjects('globac', 'reporting')).toBe('globac.dead-letters.reporting.>');
    expect(deadLetterSubjects('globac')).toBe('globac.dead-letters.>');
  });

  it('names durable consumers after the service', () => {
    expect(durableNameOf('reporting')).toBe('reporting');
    expect(durableNameOf('a.b*c')).toBe('a_b_c');
  });
});
