import { mean, median, segmentBounds } from '../index';

describe('mean and median', () => {
  it('mean', () => {
    expect(mean([])).toBeNull();
    expect(mean([4])).toBe(4);
    expect(mean([1, 2, 3, 4])).toBe(2.5);
  });

  it('median: middle value, or the average of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([10, 1, 4, 3])).toBe(3.5);
    expect(median([-1, -1, 5, 5])).toBe(2);
  });

  it('median does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('segmentBounds', () => {
  it('splits at sorted, unique, in-range integer change points', () => {
    expect(segmentBounds(10, [7, 3, 3, 0, 10, -2, 2.5], null, 2)).toEqual([
      { start: 0, end: 3, baselineEnd: 3 },
      { start: 3, end: 7, baselineEnd: 7 },
      { start: 7, end: 10, baselineEnd: 10 },
    ]);
  });

  it('fixes only the first segment on baselineLength, clipped, when it is at least the minimum', () => {
    expect(segmentBounds(10, [5], 3, 2)).toEqual([
      { start: 0, end: 5, baselineEnd: 3 },
      { start: 5, end: 10, baselineEnd: 10 },
    ]);
    expect(segmentBounds(10, [5], 9, 2)[0].baselineEnd).toBe(5);
    expect(segmentBounds(10, [], 1, 2)[0].baselineEnd).toBe(10);
    expect(segmentBounds(10, [], 1, 1)[0].baselineEnd).toBe(1);
    expect(segmentBounds(10, [], 4.7, 2)[0].baselineEnd).toBe(4);
    expect(segmentBounds(10, [], Number.POSITIVE_INFINITY, 2)[0].baselineEnd).toBe(10);
  });

  it('has no segments for no points', () => {
    expect(segmentBounds(0, [1], 3, 2)).toEqual([]);
  });
});
