import { describe, expect, it } from 'vitest';
import { expectedYears, missingYears } from './figure-years';

const NOW = new Date('2026-11-30T12:00:00Z');

describe('the years of export figures the programme asks for', () => {
  it('asks for the year before joining and every full year since, never the current one', () => {
    expect(expectedYears('2024-03-01T10:00:00Z', NOW)).toEqual([2025, 2024, 2023]);
  });

  it('asks a company that joined this year for last year only', () => {
    expect(expectedYears('2026-02-01T10:00:00Z', NOW)).toEqual([2025]);
  });

  it('goes at most five years back for a company that joined long ago', () => {
    expect(expectedYears('2012-06-01T10:00:00Z', NOW)).toEqual([2025, 2024, 2023, 2022, 2021]);
  });

  it('leaves out the years already reported', () => {
    expect(missingYears('2023-05-01T10:00:00Z', [2024, 2019], NOW)).toEqual([2025, 2023, 2022]);
    expect(missingYears('2026-01-10T10:00:00Z', [2025], NOW)).toEqual([]);
  });
});
