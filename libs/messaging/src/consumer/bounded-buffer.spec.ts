import { BoundedBuffer } from './bounded-buffer';

describe('BoundedBuffer', () => {
  it('hands out what is there at once, up to the batch size, in order', async () => {
    const buffer = new BoundedBuffer<number>(10);
    for (const n of [1, 2, 3]) await buffer.push(n);
    expect(await buffer.take(2)).toEqual([1, 2]);
    expect(await buffer.take(5)).toEqual([3]);
  });

  it('makes a taker wait for the first item', async () => {
    const buffer = new BoundedBuffer<string>(2);
    const taken = buffer.take(5);
    await buffer.push('a');
    expect(await taken).toEqual(['a']);
  });

  it('holds a pusher back while full, until something is taken', async () => {
    const buffer = new BoundedBuffer<number>(2);
    await buffer.push(1);
    await buffer.push(2);
    let third = false;
    const pushing = buffer.push(3).then(() => (third = true));
    await Promise.resolve();
    expect(third).toBe(false);
    expect(buffer.size).toBe(2);
    expect(await buffer.take(1)).toEqual([1]);
    await pushing;
    expect(third).toBe(true);
    expect(await buffer.take(5)).toEqual([2, 3]);
  });

  it('on close, releases waiters, refuses pushes and lets the rest be drained', async () => {
    const buffer = new BoundedBuffer<number>(1);
    await buffer.push(1);
    const blocked = buffer.push(2);
    buffer.close();
    expect(await blocked).toBe(false);
    expect(await buffer.push(3)).toBe(false);
    expect(buffer.drain()).toEqual([1]);
    expect(await buffer.take(1)).toEqual([]);
  });
});
