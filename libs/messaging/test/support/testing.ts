// The testing lib, for this lib's end-to-end tests. The module-boundary rule would keep a platform lib
// from depending on the testing lib; tests are the exception (testing does not depend on messaging, so
// there is no cycle), and this is the one place that says so.
// eslint-disable-next-line @nx/enforce-module-boundaries
export * from '@globac/testing';
