import { sizeClassOf } from './size-class';

describe('EU SME size class from the number of employees', () => {
  it.each([
    [0, 'micro'],
    [9, 'micro'],
    [10, 'small'],
    [49, 'small'],
    [50, 'medium'],
    [249, 'medium'],
    [250, 'large'],
    [12_000, 'large'],
  ])('%i employees is %s', (employees, sizeClass) => {
    expect(sizeClassOf(employees)).toBe(sizeClass);
  });

  it('is unknown when the headcount is', () => {
    expect(sizeClassOf(null)).toBeNull();
    expect(sizeClassOf(undefined)).toBeNull();
  });
});
