import { Injectable } from '@nestjs/common';
import { ValidationError, type AuthContext } from '@simashe/api-core';
import { MEASURE_IDS, type CompareQuery, type Comparison, type MeasureId, type MeasuresQuery, type SummaryMeasure, type SummaryMeasures } from '@simashe/contracts';
import { applicability, computeMeasure, computeMeasures, MEASURES, type MeasureResult, type SubgroupGroup } from '@simashe/inequality';
import { DatasetsService } from './datasets.service';
import { MonitoringRepository, type RowRecord } from './monitoring.repository';

/** Most groups one request computes (every year of one setting is a handful; a whole network's year a few hundred). */
const MAX_GROUPS = 2000;
/** HEAT's number of simulated data sets for the simulation-based intervals. */
const SIMULATIONS = 100;

/** One group (setting × year × indicator × dimension) as the measures take it. */
export interface MeasureGroup {
  setting: string;
  iso3: string | null;
  date: number;
  indicatorAbbr: string;
  dimension: string;
  input: SubgroupGroup;
}

/** Rows (sorted by group) into groups. */
export function groupRows(rows: readonly RowRecord[]): MeasureGroup[] {
  const groups = new Map<string, MeasureGroup>();
  for (const row of rows) {
    const key = `${row.setting}\u0001${row.date}\u0001${row.indicator_abbr}\u0001${row.dimension}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        setting: row.setting,
        iso3: row.iso3,
        date: row.date,
        indicatorAbbr: row.indicator_abbr,
        dimension: row.dimension,
        input: { subgroups: [], ordered: row.ordered, favourable: row.favourable, scale: row.scale, settingAverage: row.setting_average },
      };
      groups.set(key, group);
    }
    (group.input.subgroups as SubgroupGroup['subgroups'][number][]).push({
      name: row.subgroup,
      estimate: row.estimate,
      se: row.se,
      lower: row.ci_lb,
      upper: row.ci_ub,
      population: row.population,
      order: row.subgroup_order,
      reference: row.reference,
    });
  }
  return [...groups.values()];
}

/** A measure's result as the API answers it. */
export function presentMeasure(group: MeasureGroup, result: MeasureResult): SummaryMeasure {
  const base = { setting: group.setting, date: group.date, indicatorAbbr: group.indicatorAbbr, dimension: group.dimension, measure: result.id };
  if (result.status === 'not_applicable') return { ...base, value: null, lower: null, upper: null, ciMethod: null, reasonCode: result.reason.code, reason: result.reason.message };
  return {
    ...base,
    value: result.value,
    lower: result.ci?.lower ?? null,
    upper: result.ci?.upper ?? null,
    ciMethod: result.ci?.method ?? null,
    reasonCode: result.ciReason?.code ?? null,
    reason: result.ciReason?.message ?? null,
  };
}

/** HEAT's summary measures (computed by @simashe/inequality) of a dataset's groups, and the Compare view. */
@Injectable()
export class MeasuresService {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly repo: MonitoringRepository,
  ) {}

  /** Every year's measures for one indicator × dimension (one setting, or all), with 95 % intervals. */
  async measures(auth: AuthContext, id: string, query: MeasuresQuery): Promise<SummaryMeasures> {
    const { versionRecord } = await this.datasets.readVersion(auth, id, query.version);
    const groups = await this.groups(versionRecord.id, query);
    const wanted = new Set<MeasureId>(query.measures ?? MEASURE_IDS);
    if (query.measures) for (const measure of wanted) refuseWrongDimension(measure, groups);
    return { version: versionRecord.version, items: this.compute(groups, wanted) };
  }

  /** For one measure and year: each setting's average against its inequality (the Compare view's scatter). */
  async compare(auth: AuthContext, id: string, query: CompareQuery): Promise<Comparison> {
    const { versionRecord } = await this.datasets.readVersion(auth, id, query.version);
    const all = await this.groups(versionRecord.id, { indicator: query.indicator, dimension: query.dimension, date: query.date });
    // Without a year: each setting's latest.
    const latest = new Map<string, MeasureGroup>();
    for (const group of all) if ((latest.get(group.setting)?.date ?? -1) < group.date) latest.set(group.setting, group);
    const groups = query.date === undefined ? [...latest.values()] : all;
    refuseWrongDimension(query.measure, groups);
    const items = groups.map((group) => {
      const measure = presentMeasure(group, computeMeasure(query.measure, group.input, { simulations: SIMULATIONS }));
      return { setting: group.setting, iso3: group.iso3, date: group.date, settingAverage: settingAverage(group.input), value: measure.value, lower: measure.lower, upper: measure.upper, reasonCode: measure.reasonCode, reason: measure.reason };
    });
    return { version: versionRecord.version, measure: query.measure, items };
  }

  /** The groups matching the filters (at most MAX_GROUPS: 400 past that, asking to narrow the choice). */
  async groups(versionId: string, filters: { indicator?: string; dimension?: string; setting?: string; date?: number }): Promise<MeasureGroup[]> {
    const rows = await this.repo.rows(versionId, filters, MAX_GROUPS * 50);
    const groups = groupRows(rows);
    if (groups.length > MAX_GROUPS || rows.length >= MAX_GROUPS * 50) throw new ValidationError(`At most ${MAX_GROUPS} groups at once: choose an indicator, a dimension or a setting`);
    return groups;
  }

  compute(groups: readonly MeasureGroup[], wanted: ReadonlySet<MeasureId>): SummaryMeasure[] {
    const items: SummaryMeasure[] = [];
    for (const group of groups) {
      // All measures of a group share one set of simulated data; a few are cheaper one by one.
      const results = wanted.size > 3 ? computeMeasures(group.input, { simulations: SIMULATIONS }).filter((result) => wanted.has(result.id)) : [...wanted].map((id) => computeMeasure(id, group.input, { simulations: SIMULATIONS }));
      for (const result of results) items.push(presentMeasure(group, result));
    }
    return items;
  }
}

/** Reasons that come from the dimension itself (its kind, its number of subgroups), not from this group's data. */
export const STRUCTURAL_REASONS: ReadonlySet<string> = new Set(['needs_ordered_dimension', 'needs_non_ordered_dimension', 'needs_more_than_two_subgroups', 'needs_two_subgroups']);

/** 400 with the reason when a measure asked for by name cannot apply to this kind of dimension at all (SII on sex). */
export function refuseWrongDimension(measure: MeasureId, groups: readonly MeasureGroup[]): void {
  const first = groups[0];
  if (!first) return;
  const answer = applicability(measure, first.input);
  if (answer.ok || !STRUCTURAL_REASONS.has(answer.reason.code)) return;
  const name = MEASURES.find((entry) => entry.id === measure)?.abbreviation ?? measure;
  throw new ValidationError(`${name} does not apply to the dimension "${first.dimension}": ${answer.reason.message}`, [{ path: 'measure', message: answer.reason.message }]);
}

/** The setting's average as given in the file, else the population-weighted mean of its subgroups (null without populations). */
export function settingAverage(group: SubgroupGroup): number | null {
  if (group.settingAverage !== null && group.settingAverage !== undefined) return group.settingAverage;
  const total = group.subgroups.reduce((sum, subgroup) => sum + (subgroup.population ?? NaN), 0);
  if (!Number.isFinite(total) || total <= 0) return null;
  return group.subgroups.reduce((sum, subgroup) => sum + subgroup.estimate * (subgroup.population as number), 0) / total;
}
