import { collectWhenIdle, IdleCollection, loopUtilization } from './idle-collection';

describe('IdleCollection', () => {
  it('asks for one collection when the loop goes quiet after work, and another only after more work', () => {
    const decide = new IdleCollection(0.05, 0.01);
    const asked = [0.001, 0.002, 0.3, 0.6, 0.004, 0.001, 0.002, 0.2, 0.005].map((utilization) => decide.observe(utilization));
    expect(asked).toEqual([false, false, false, false, true, false, false, false, true]);
  });

  it('waits while the loop is neither busy nor quiet, and collects once it is quiet', () => {
    const decide = new IdleCollection(0.05, 0.01);
    expect([0.5, 0.03, 0.02, 0.009].map((utilization) => decide.observe(utilization))).toEqual([false, false, false, true]);
  });

  it('never asks while the loop stays busy', () => {
    const decide = new IdleCollection(0.05, 0.01);
    expect([0.2, 0.06, 0.05, 0.9].some((utilization) => decide.observe(utilization))).toBe(false);
  });
});

describe('collectWhenIdle', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A loop whose utilisation each interval is scripted; time the collector spends counts as work until read. */
  function scriptedLoop(intervals: number[]) {
    let collecting = 0;
    const utilization = jest.fn(() => {
      const spentCollecting = collecting;
      collecting = 0;
      return spentCollecting > 0 ? 0.5 : (intervals.shift() ?? 0);
    });
    const gc = jest.fn(() => {
      collecting++;
    });
    return { utilization, gc };
  }

  it('collects once after busy time followed by a quiet interval, and not again while quiet', () => {
    const { utilization, gc } = scriptedLoop([0.3, 0.002]);
    const stop = collectWhenIdle(gc, 5_000, utilization);
    jest.advanceTimersByTime(5_000);
    expect(gc).not.toHaveBeenCalled();
    jest.advanceTimersByTime(5_000);
    expect(gc).toHaveBeenCalledTimes(1);
    // A slow collection (its own time read as busy) does not count as work: no collection after collection.
    jest.advanceTimersByTime(60_000);
    expect(gc).toHaveBeenCalledTimes(1);
    stop();
  });

  it('does nothing without a collector (node started without --expose-gc)', () => {
    const utilization = jest.fn(() => 0.3);
    collectWhenIdle(undefined, 10, utilization)();
    jest.advanceTimersByTime(100);
    expect(utilization).not.toHaveBeenCalled();
  });
});

describe('loopUtilization', () => {
  it('reads the share of time spent running code since the last read', async () => {
    const read = loopUtilization();
    const until = Date.now() + 120;
    while (Date.now() < until) Math.sqrt(Math.random());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(read()).toBeGreaterThan(0.5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(read()).toBeLessThan(0.3);
  });
});
