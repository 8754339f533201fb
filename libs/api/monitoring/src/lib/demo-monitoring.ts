import { Injectable, Logger } from '@nestjs/common';
import type { AuthContext } from '@simashe/api-core';
import { DATASET_COLUMNS } from '@simashe/contracts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetsService } from './datasets.service';

/*
 * Demo inequality data for a first local start. MADE-UP FIGURES, labelled as such in the dataset's name and
 * description: shaped like DHS/MICS disaggregations (wealth gradients, urban advantage, education gradients) so the
 * summary measures and charts have something to show, never real survey results.
 */

interface DemoSetting {
  name: string;
  iso3: string;
  /** National level of ANC4 coverage (%) in the first survey year, gains per survey, and the wealth gap. */
  anc: number;
  gain: number;
  gap: number;
}

const SETTINGS: DemoSetting[] = [
  { name: 'Kenya', iso3: 'KEN', anc: 52, gain: 5, gap: 30 },
  { name: 'Ghana', iso3: 'GHA', anc: 78, gain: 3, gap: 18 },
  { name: 'Brazil', iso3: 'BRA', anc: 86, gain: 2, gap: 12 },
  { name: 'Sri Lanka', iso3: 'LKA', anc: 92, gain: 1, gap: 6 },
  { name: 'Slovenia', iso3: 'SVN', anc: 96, gain: 0.5, gap: 3 },
];
const YEARS = [2014, 2018, 2022];

interface DemoIndicator {
  abbr: string;
  name: string;
  favourable: boolean;
  /** The indicator's level for a setting and survey (0-based), before the subgroup's gradient. */
  level: (setting: DemoSetting, survey: number) => number;
  /** How strongly subgroups differ, as a share of the setting's wealth gap. */
  spread: number;
}

const INDICATORS: DemoIndicator[] = [
  { abbr: 'anc4', name: 'Antenatal care coverage – at least four visits (%)', favourable: true, level: (s, i) => s.anc + s.gain * i, spread: 1 },
  { abbr: 'sba', name: 'Births attended by skilled health personnel (%)', favourable: true, level: (s, i) => Math.min(97, s.anc + 4 + s.gain * i), spread: 0.9 },
  { abbr: 'stunting', name: 'Stunting prevalence in children under 5 (%)', favourable: false, level: (s, i) => Math.max(3, (100 - s.anc) * 0.6 - s.gain * 0.6 * i), spread: 0.5 },
];

interface DemoDimension {
  name: string;
  ordered: boolean;
  /** Subgroups from the most to the least disadvantaged, with their population share and relative position (0–1). */
  subgroups: Array<{ name: string; share: number; position: number; reference?: boolean }>;
}

const DIMENSIONS: DemoDimension[] = [
  {
    name: 'Economic status (wealth quintile)',
    ordered: true,
    subgroups: ['Quintile 1 (poorest)', 'Quintile 2', 'Quintile 3', 'Quintile 4', 'Quintile 5 (richest)'].map((name, index) => ({ name, share: 0.2, position: index / 4 })),
  },
  {
    name: 'Education',
    ordered: true,
    subgroups: [
      { name: 'No education', share: 0.25, position: 0 },
      { name: 'Primary school', share: 0.45, position: 0.5 },
      { name: 'Secondary school or higher', share: 0.3, position: 1 },
    ],
  },
  {
    name: 'Place of residence',
    ordered: false,
    subgroups: [
      { name: 'Rural', share: 0.6, position: 0.2 },
      { name: 'Urban', share: 0.4, position: 0.8, reference: true },
    ],
  },
  {
    name: 'Sex',
    ordered: false,
    subgroups: [
      { name: 'Female', share: 0.49, position: 0.55, reference: true },
      { name: 'Male', share: 0.51, position: 0.45 },
    ],
  },
];

/** A small deterministic wobble, so figures do not look machine-straight. */
function wobble(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return (x - Math.floor(x) - 0.5) * 2;
}

const csvCell = (value: string | number) => (typeof value === 'string' && /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : String(value));
const round = (value: number, decimals = 1) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The demo file, in the HEAT Plus template layout (one line per setting × year × indicator × dimension × subgroup). */
export function demoDatasetCsv(settings: readonly string[] = SETTINGS.map((s) => s.name)): string {
  const lines = [DATASET_COLUMNS.join(',')];
  let seed = 1;
  for (const setting of SETTINGS.filter((s) => settings.includes(s.name))) {
    YEARS.forEach((year, survey) => {
      for (const indicator of INDICATORS) {
        const average = round(indicator.level(setting, survey));
        for (const dimension of DIMENSIONS) {
          dimension.subgroups.forEach((subgroup, index) => {
            // Gaps narrow a little at each survey.
            const gap = setting.gap * indicator.spread * (1 - 0.12 * survey);
            const direction = indicator.favourable ? 1 : -0.5;
            const raw = average + direction * gap * (subgroup.position - 0.5) + wobble((seed += 1)) * 1.2;
            const estimate = round(Math.min(99.5, Math.max(0.5, raw)));
            const se = round(0.8 + Math.abs(wobble((seed += 1))) * 1.5, 2);
            const cells: Record<(typeof DATASET_COLUMNS)[number], string | number> = {
              setting: setting.name,
              date: year,
              source: year === 2018 ? 'MICS' : 'DHS',
              indicator_abbr: indicator.abbr,
              indicator_name: indicator.name,
              dimension: dimension.name,
              subgroup: subgroup.name,
              estimate,
              se,
              ci_lb: round(Math.max(0, estimate - 1.96 * se)),
              ci_ub: round(Math.min(100, estimate + 1.96 * se)),
              population: round(subgroup.share * 1000 * (1 + 0.05 * survey)),
              flag: '',
              setting_average: average,
              iso3: setting.iso3,
              favourable_indicator: indicator.favourable ? 1 : 0,
              indicator_scale: 100,
              ordered_dimension: dimension.ordered ? 1 : 0,
              subgroup_order: dimension.ordered ? index + 1 : 0,
              reference_subgroup: subgroup.reference ? 1 : 0,
            };
            lines.push(DATASET_COLUMNS.map((column) => csvCell(cells[column])).join(','));
          });
        }
      }
    });
  }
  return `${lines.join('\n')}\n`;
}

export const DEMO_DATASETS = [
  {
    owner: 'secretariat',
    uploader: 'secretariat.admin',
    name: 'Pathfinder equity monitor – DEMO (made-up figures)',
    description:
      'Made-up figures for trying the workspace, not survey results. Three indicators disaggregated by wealth, education, place of residence and sex, for the five demo pathfinders over three survey rounds.',
    settings: SETTINGS.map((s) => s.name),
    publish: true,
  },
  {
    owner: 'kenya',
    uploader: 'kenya.editor',
    name: 'Kenya DHS equity extract – DEMO (made-up figures)',
    description: 'Made-up figures shaped like a DHS disaggregation, for trying imports and the Explore view.',
    settings: ['Kenya'],
    publish: false,
  },
] as const;

/** Writes the demo datasets through `DatasetsService`, as their uploaders (the same checked import as any file). */
@Injectable()
export class MonitoringDemo {
  private readonly logger = new Logger('MonitoringDemo');

  constructor(private readonly datasets: DatasetsService) {}

  async seed(people: ReadonlyMap<string, AuthContext>, organisations: ReadonlyMap<string, string>): Promise<void> {
    const folder = await mkdtemp(join(tmpdir(), 'simashe-demo-'));
    try {
      for (const demo of DEMO_DATASETS) {
        const auth = people.get(demo.uploader);
        const organisationId = organisations.get(demo.owner);
        if (!auth || !organisationId) continue;
        const dataset = await this.datasets.create(auth, { organisationId, name: demo.name, description: demo.description });
        const path = join(folder, `${demo.owner}.csv`);
        const csv = demoDatasetCsv(demo.settings);
        await writeFile(path, csv);
        const result = await this.datasets.importFile(auth, dataset.id, { originalname: `${demo.owner}-demo.csv`, mimetype: 'text/csv', size: Buffer.byteLength(csv), path });
        if (!result.saved) throw new Error(`The demo dataset "${demo.name}" was refused: ${result.problems.map((p) => p.message).join('; ')}`);
        if (demo.publish) await this.datasets.publish(auth, dataset.id, true);
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    this.logger.log(`Demo datasets loaded: ${DEMO_DATASETS.length}`);
  }
}
