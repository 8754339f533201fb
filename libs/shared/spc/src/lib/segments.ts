/** Points [start, end) form one segment; points [start, baselineEnd) fix its centre line and limits. */
export interface SegmentBounds {
  start: number;
  end: number;
  baselineEnd: number;
}

/**
 * Splits `length` points into segments at the valid change points (integers strictly inside (0, length); others and
 * duplicates are ignored) and gives each its baseline. The first segment's baseline is its first `baselineLength`
 * points (clipped to the segment) when `baselineLength` is at least `minimumBaseline`, otherwise the whole segment;
 * every later segment's baseline is the whole segment.
 */
export function segmentBounds(
  length: number,
  changePoints: readonly number[] | null | undefined,
  baselineLength: number | null | undefined,
  minimumBaseline: number,
): SegmentBounds[] {
  if (length <= 0) return [];
  const starts = [
    0,
    ...[...new Set((changePoints ?? []).filter((index) => Number.isInteger(index) && index > 0 && index < length))].sort((a, b) => a - b),
  ];
  return starts.map((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : length;
    let baselineEnd = end;
    if (k === 0 && typeof baselineLength === 'number' && !Number.isNaN(baselineLength)) {
      const wanted = Math.floor(baselineLength);
      if (wanted >= minimumBaseline) baselineEnd = start + Math.min(wanted, end - start);
    }
    return { start, end, baselineEnd };
  });
}
