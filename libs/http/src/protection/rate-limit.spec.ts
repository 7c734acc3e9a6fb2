import { RateLimitWindows } from './rate-limit';

describe('RateLimitWindows', () => {
  it('counts per client within a window and starts a new window after it', () => {
    const windows = new RateLimitWindows(1000);
    expect(windows.hit('a', 0).count).toBe(1);
    expect(windows.hit('a', 999).count).toBe(2);
    expect(windows.hit('b', 999).count).toBe(1);
    expect(windows.hit('a', 1000).count).toBe(1);
  });

  it('never tracks more clients than its cap, however many rotate through it', () => {
    const windows = new RateLimitWindows(60_000, 100);
    for (let i = 0; i < 10_000; i++) windows.hit(`client-${i}`, i);
    expect(windows.size).toBe(100);
    // The newest clients are the ones kept: the oldest windows made room.
    expect(windows.hit('client-9999', 10_000).count).toBe(2);
    expect(windows.hit('client-0', 10_000).count).toBe(1);
  });

  it('makes room from expired windows before it forgets a live one', () => {
    const windows = new RateLimitWindows(1000, 3);
    windows.hit('old', 0);
    windows.hit('live-1', 500);
    windows.hit('live-1', 600);
    windows.hit('live-2', 700);
    windows.hit('new', 1200); // 'old' expired at 1000: it goes, the live ones stay
    expect(windows.size).toBe(3);
    expect(windows.hit('live-1', 1300).count).toBe(3);
    expect(windows.hit('live-2', 1300).count).toBe(2);
  });

  it('keeps its windows in the order they started, so a renewed window is not evicted as the oldest', () => {
    const windows = new RateLimitWindows(1000, 2);
    windows.hit('a', 0);
    windows.hit('b', 500);
    windows.hit('a', 1000); // a renews: now after b
    windows.hit('c', 1100); // full of live windows: b, the oldest, goes
    expect(windows.hit('a', 1200).count).toBe(2);
    expect(windows.hit('b', 1200).count).toBe(1);
  });
});
