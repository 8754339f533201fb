import { escapeHtml } from '@simashe/charts';
import type { CycleStage, DashboardRow } from '@simashe/contracts';
import codes from 'i18n-iso-countries/codes.json';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { STAGE_COLOURS } from './cycle-logic';

/** ISO 3166-1 numeric (world-atlas ids) → alpha-2 (our countries). */
const ALPHA2_BY_NUMERIC = new Map((codes as string[][]).map(([alpha2, , numeric]) => [numeric, alpha2]));

let registered = false;

/**
 * Registers the world outline with ECharts once, from the TopoJSON bundled with the app (world-atlas, Natural
 * Earth 1:110m): no map tiles are fetched from the network. Each region is named by its alpha-2 code so that
 * dashboard rows match it directly.
 */
export function registerWorldMap(register: (name: string, geoJson: object) => void): void {
  if (registered) return;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as unknown as { type: string; features: Array<{ id?: string; properties: { name: string } }> };
  const features = collection.features
    .map((f) => ({ ...f, properties: { ...f.properties, name: ALPHA2_BY_NUMERIC.get(String(f.id)) ?? f.properties.name } }))
    .filter((f) => f.properties.name !== 'AQ'); // Antarctica takes a fifth of the map and holds no pathfinder.
  register('simashe-world', { ...collection, features });
  registered = true;
}

/** The map's stages, in the order of its colours (a row's value is its stage's index); the page's legend lists them. */
export const MAP_STAGES: ReadonlyArray<CycleStage | 'none'> = ['none', 'plan', 'act', 'observe', 'reflect', 'closed'];

/** A map series colouring each pathfinder by its current stage (pieces of a visual map, one per stage). */
export function worldMapOption(rows: DashboardRow[], stageLabel: (stage: CycleStage | 'none') => string, rtl = false): Record<string, unknown> {
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (params: { data?: { organisation: string; stage: CycleStage | 'none' } }) =>
        params.data ? `${escapeHtml(params.data.organisation)}: ${escapeHtml(stageLabel(params.data.stage))}` : '',
    },
    // Colours only: the legend is the page's own list under the map (MapLegend), which wraps on a phone where
    // ECharts' one row of seven stages was cut at both ends.
    visualMap: {
      type: 'piecewise',
      show: false,
      dimension: 0,
      inverse: rtl,
      pieces: MAP_STAGES.map((stage, index) => ({ value: index, label: stageLabel(stage), color: STAGE_COLOURS[stage] })),
    },
    series: [
      {
        type: 'map',
        map: 'simashe-world',
        roam: true,
        left: 0,
        right: 0,
        top: 0,
        bottom: 0,
        itemStyle: { areaColor: '#eef1f4', borderColor: '#c3c9d0' },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd54f' } },
        select: { disabled: true },
        data: rows
          .filter((row) => row.countryIso2)
          .map((row) => ({ name: row.countryIso2, value: MAP_STAGES.indexOf(row.stage), organisation: row.organisationName, organisationId: row.organisationId, stage: row.stage })),
      },
    ],
  };
}
