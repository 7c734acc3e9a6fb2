/**
 * A runtime list of every value of a union type from the generated API types, checked both ways: a
 * value the API does not know, or one it added, fails the type check (and so the build).
 *   const KINDS = allOf<EventKind>()(['seminar', ...]);
 */
export function allOf<T extends string>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : { missing: Exclude<T, A[number]> })): A => values;
}
