import type { CiMethod, MeasureId } from './types';

/**
 * What each measure is, for the web to label, explain and plot it (HEAT technical notes v6.0, annex 1). Names,
 * descriptions and interpretations are i18n keys only; the README explains them in English.
 */
export interface MeasureMetadata {
  id: MeasureId;
  /** HEAT's abbreviation (not translated). */
  abbreviation: string;
  nameKey: string;
  descriptionKey: string;
  interpretationKey: string;
  /** Simple measures compare two subgroups; complex ones use every subgroup. */
  kind: 'simple' | 'complex';
  /** Absolute measures keep the indicator's unit; relative ones have none. */
  scale: 'absolute' | 'relative';
  weighted: boolean;
  /** The dimensions it is calculated for. */
  dimension: 'any' | 'ordered' | 'non_ordered';
  minSubgroups: 2 | 3;
  /** Inputs needed beyond the estimates (`average`: the setting average or every population). */
  needs: readonly ('population' | 'average' | 'reference')[];
  /** `indicator`: the indicator's unit; `indicator_squared`: BGV; `none`: a pure number. */
  unit: 'indicator' | 'indicator_squared' | 'none';
  /** The value is multiplied by this for readability (RCI, COV, IDIS and PAF by 100, TI and MLD by 1000). */
  multiplier: 1 | 100 | 1000;
  /** The value meaning no inequality. */
  noInequality: 0 | 1;
  /**
   * `magnitude`: 0 or more, larger is more inequality; `signed`: the sign says which way (see the interpretation);
   * `ratio`: positive, the further from 1 the more inequality (plotted on a log scale).
   */
  reading: 'magnitude' | 'signed' | 'ratio';
  /** How the 95 % interval is obtained. */
  ci: CiMethod;
}

function entry(
  id: MeasureId,
  abbreviation: string,
  fields: Omit<MeasureMetadata, 'id' | 'abbreviation' | 'nameKey' | 'descriptionKey' | 'interpretationKey'>,
): MeasureMetadata {
  const base = `inequality.measures.${id}`;
  return {
    id,
    abbreviation,
    nameKey: `${base}.name`,
    descriptionKey: `${base}.description`,
    interpretationKey: `${base}.interpretation`,
    ...fields,
  };
}

const simple = { kind: 'simple', weighted: false, dimension: 'any', minSubgroups: 2 } as const;
const ordered = { kind: 'complex', weighted: true, dimension: 'ordered', minSubgroups: 3 } as const;
const nonOrdered = { kind: 'complex', dimension: 'non_ordered', minSubgroups: 3 } as const;
const impact = { kind: 'complex', weighted: true, dimension: 'any', minSubgroups: 2, ci: 'analytic' } as const;

export const MEASURES: readonly MeasureMetadata[] = [
  entry('d', 'D', { ...simple, scale: 'absolute', needs: [], unit: 'indicator', multiplier: 1, noInequality: 0, reading: 'signed', ci: 'analytic' }),
  entry('r', 'R', { ...simple, scale: 'relative', needs: [], unit: 'none', multiplier: 1, noInequality: 1, reading: 'ratio', ci: 'analytic' }),
  entry('par', 'PAR', { ...impact, scale: 'absolute', needs: ['average'], unit: 'indicator', multiplier: 1, noInequality: 0, reading: 'signed' }),
  entry('paf', 'PAF', { ...impact, scale: 'relative', needs: ['average'], unit: 'none', multiplier: 100, noInequality: 0, reading: 'signed' }),
  entry('sii', 'SII', { ...ordered, scale: 'absolute', needs: ['population'], unit: 'indicator', multiplier: 1, noInequality: 0, reading: 'signed', ci: 'regression' }),
  entry('rii', 'RII', { ...ordered, scale: 'relative', needs: ['population'], unit: 'none', multiplier: 1, noInequality: 1, reading: 'ratio', ci: 'regression' }),
  entry('aci', 'ACI', { ...ordered, scale: 'absolute', needs: ['population'], unit: 'indicator', multiplier: 1, noInequality: 0, reading: 'signed', ci: 'analytic' }),
  entry('rci', 'RCI', { ...ordered, scale: 'relative', needs: ['population'], unit: 'none', multiplier: 100, noInequality: 0, reading: 'signed', ci: 'analytic' }),
  entry('bgv', 'BGV', { ...nonOrdered, weighted: true, scale: 'absolute', needs: ['population'], unit: 'indicator_squared', multiplier: 1, noInequality: 0, reading: 'magnitude', ci: 'analytic' }),
  entry('bgsd', 'BGSD', { ...nonOrdered, weighted: true, scale: 'absolute', needs: ['population'], unit: 'indicator', multiplier: 1, noInequality: 0, reading: 'magnitude', ci: 'simulation' }),
  entry('cov', 'COV', { ...nonOrdered, weighted: true, scale: 'relative', needs: ['population'], unit: 'none', multiplier: 100, noInequality: 0, reading: 'magnitude', ci: 'simulation' }),
  entry('mdbu', 'MDBU', { ...nonOrdered, weighted: false, scale: 'absolute', needs: [], unit: 'indicator', multiplier: 1, noInequality: 0, reading: 'magnitude', ci: 'simulation' }),
  entry('mdbw', 'MDBW', { ...nonOrdered, weighted: true, scale: 'absolute', needs: ['population'], unit: 'indicator', multiplier: 1, noInequality: 0, reading: 'magnitude', ci: 'simulation' }),
  entry('mdmu', 'MDMU', { ...nonOrdered, weighted: false, scale: 'absolute', needs: ['average'], unit: 'indicator', multiplier: 1, noInequality: 0, reading: 'magnitude', ci: 'simulation' }),
  entry('mdmw', 'MDMW', { ...nonOrdered, weighted: true, scale: 'absolute', needs: ['population'], unit: 'indicator', multiplier: 1, noInequality: 0, reading: 'magnitude', ci: 'simulation' }),
  entry('mdru', 'MDRU', { ...nonOrdered, weighted: false, scale: 'absolute', needs: ['reference'], unit: 'indicator', multiplier: 1, noInequality: 0, reading: 'magnitude', ci: 'simulation' }),
  entry('mdrw', 'MDRW', { ...nonOrdered, weighted: true, scale: 'absolute', needs: ['reference', 'population'], unit: 'indicator', multiplier: 1, noInequality: 0, reading: 'magnitude', ci: 'simulation' }),
  entry('idisu', 'IDISU', { ...nonOrdered, weighted: false, scale: 'relative', needs: ['average'], unit: 'none', multiplier: 100, noInequality: 0, reading: 'magnitude', ci: 'simulation' }),
  entry('idisw', 'IDISW', { ...nonOrdered, weighted: true, scale: 'relative', needs: ['population'], unit: 'none', multiplier: 100, noInequality: 0, reading: 'magnitude', ci: 'simulation' }),
  entry('ti', 'TI', { ...nonOrdered, weighted: true, scale: 'relative', needs: ['population'], unit: 'none', multiplier: 1000, noInequality: 0, reading: 'magnitude', ci: 'analytic' }),
  entry('mld', 'MLD', { ...nonOrdered, weighted: true, scale: 'relative', needs: ['population'], unit: 'none', multiplier: 1000, noInequality: 0, reading: 'magnitude', ci: 'analytic' }),
];

export function measureMetadata(id: MeasureId): MeasureMetadata {
  return MEASURES.find((m) => m.id === id) as MeasureMetadata;
}
