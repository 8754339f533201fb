import { computeMeasures } from './compute';
import { DEFINITIONS } from './measures';
import { MEASURES, measureMetadata } from './metadata';
import { education, regions, withReference } from './testing';
import { MEASURE_IDS, REASON_CODES } from './types';

describe('measure metadata', () => {
  it('describes every measure once, with i18n keys only', () => {
    expect(MEASURES.map((m) => m.id)).toEqual([...MEASURE_IDS]);
    for (const m of MEASURES) {
      expect(m.nameKey).toBe(`inequality.measures.${m.id}.name`);
      expect(m.descriptionKey).toBe(`inequality.measures.${m.id}.description`);
      expect(m.interpretationKey).toBe(`inequality.measures.${m.id}.interpretation`);
      expect(m.abbreviation).toBe(DEFINITIONS[m.id].abbreviation);
      expect(m.ci).toBe(DEFINITIONS[m.id].interval);
      expect(measureMetadata(m.id)).toBe(m);
    }
  });

  it('matches what the computation does: dimension, subgroups, interval method', () => {
    const ordered = computeMeasures(education());
    const nonOrdered = computeMeasures(withReference(regions(), 'East'));
    for (const m of MEASURES) {
      const onOrdered = ordered.find((r) => r.id === m.id);
      const onNonOrdered = nonOrdered.find((r) => r.id === m.id);
      expect(onOrdered?.status === 'ok').toBe(m.dimension !== 'non_ordered');
      expect(onNonOrdered?.status === 'ok').toBe(m.dimension !== 'ordered');
      const computed = onOrdered?.status === 'ok' ? onOrdered : onNonOrdered;
      expect(computed?.status === 'ok' && computed.ci?.method).toBe(m.ci);
    }
  });

  it('every reason code has a distinct key', () => {
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
  });
});
