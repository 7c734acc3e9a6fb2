import type { SizeClass } from '@globac/contracts';

/**
 * The EU SME size class by headcount (Commission Recommendation 2003/361/EC): micro under 10
 * employees, small under 50, medium under 250, large from 250. Turnover and balance-sheet ceilings
 * are not held here, so headcount alone decides. Unknown headcount, unknown class.
 */
export function sizeClassOf(employees: number | null | undefined): SizeClass | null {
  if (employees === null || employees === undefined) return null;
  if (employees < 10) return 'micro';
  if (employees < 50) return 'small';
  if (employees < 250) return 'medium';
  return 'large';
}
