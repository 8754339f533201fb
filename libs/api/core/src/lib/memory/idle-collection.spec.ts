import { collectWhenIdle, IdleCollection } from './idle-collection';

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
  it('collects after busy time followed by a quiet interval, once', async () => {
    const gc = jest.fn();
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Looked at every 300 ms: at about 300, 600, 900 and 1,200 ms.
    const stop = collectWhenIdle(gc, 300);
    try {
      // The first 200 ms spent running code: the first interval is work.
      const until = Date.now() + 200;
      while (Date.now() < until) Math.sqrt(Math.random());
      await wait(250);
      expect(gc).not.toHaveBeenCalled();
      // The second interval is quiet.
      await wait(300);
      expect(gc).toHaveBeenCalledTimes(1);
      // Quiet ones after it do not collect again.
      await wait(600);
      expect(gc).toHaveBeenCalledTimes(1);
    } finally {
      stop();
    }
  });

  it('does nothing without a collector (node started without --expose-gc)', () => {
    expect(() => collectWhenIdle(undefined, 10)()).not.toThrow();
  });
});
