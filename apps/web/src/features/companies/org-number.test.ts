import { describe, expect, it } from 'vitest';
import { checkOrgNumber, normalizeOrgNumber } from './org-number';

describe('checkOrgNumber', () => {
  it('accepts a valid number with or without the dash', () => {
    expect(checkOrgNumber('556036-0793')).toBe('valid');
    expect(checkOrgNumber(' 5560360793 ')).toBe('valid');
  });
  it('waits while the number is being typed', () => {
    expect(checkOrgNumber('')).toBe('incomplete');
    expect(checkOrgNumber('55603')).toBe('incomplete');
    expect(checkOrgNumber('556036-07')).toBe('incomplete');
  });
  it('names each problem', () => {
    expect(checkOrgNumber('556036-0794')).toBe('check-digit');
    expect(checkOrgNumber('551036-0793')).toBe('not-legal-entity');
    expect(checkOrgNumber('55603607931')).toBe('format');
    expect(checkOrgNumber('55a036')).toBe('format');
  });
  it('normalizes to NNNNNN-NNNN', () => {
    expect(normalizeOrgNumber('5560360793')).toBe('556036-0793');
  });
});
