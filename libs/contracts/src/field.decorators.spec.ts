import { isCalendarDate, isInstant, isOrgNumber } from './field.decorators';

describe('field rules of the contracts', () => {
  it.each([
    ['2026-03-01T09:30:00Z', true],
    ['2026-03-01T09:30:00.123+01:00', true],
    ['2026-02-30T09:30:00Z', false],
    ['2026-13-01T09:30:00Z', false],
    ['2026-03-01T25:00:00Z', false],
    ['2026-03-01T09:30:00', false],
    ['2026-03-01', false],
  ])('isInstant(%s) is %s', (value, expected) => {
    expect(isInstant(value)).toBe(expected);
  });

  it.each([
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    ['556036-0793', true],
    ['556036-0794', false],
    ['5560360793', false],
    ['551036-0793', false],
  ])('isOrgNumber(%s) is %s', (value, expected) => {
    expect(isOrgNumber(value)).toBe(expected);
  });
});
