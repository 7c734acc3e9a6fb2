import { backoffDelay, WakeSignal } from './wake-signal';

describe('WakeSignal', () => {
  it('wakes a waiter early', async () => {
    const signal = new WakeSignal();
    const started = Date.now();
    const waiting = signal.wait(10_000);
    signal.notify();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('remembers a notification that came while nobody waited', async () => {
    const signal = new WakeSignal();
    signal.notify();
    const started = Date.now();
    await signal.wait(10_000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('otherwise sleeps until the timeout', async () => {
    const signal = new WakeSignal();
    const started = Date.now();
    await signal.wait(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, within ±20 %', () => {
    for (const [attempt, expected] of [
      [1, 100],
      [2, 200],
      [3, 400],
      [10, 1000],
    ] as const) {
      const delay = backoffDelay(attempt, 100, 1000);
      expect(delay).toBeGreaterThanOrEqual(expected * 0.8);
      expect(delay).toBeLessThanOrEqual(expected * 1.2);
    }
  });
});
