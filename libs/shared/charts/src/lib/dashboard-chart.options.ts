import type { CycleStage, Dashboard } from '@simashe/contracts';

/** Colour per stage, shared by badges, the stage chart and the map (all pass 3:1 against white). */
export const STAGE_COLOURS: Record<CycleStage | 'none', string> = {
  plan: '#5b4fb3',
  act: '#1d5fa8',
  observe: '#00796b',
  reflect: '#b45309',
  closed: '#374151',
  none: '#5f6b7a',
};

/** What the dashboard charts say, in the reader's language: see `dashboardLabels(language)`. */
export interface DashboardLabels {
  stage: (stage: CycleStage | 'none') => string;
  open: string;
  planned: string;
  stageChanges: string;
  milestonesDone: string;
  observations: string;
  week: (iso: string) => string;
  /** Axis numbers, in the reader's conventions. */
  number: (value: number) => string;
}

export function stageDistributionOption(dashboard: Dashboard, labels: DashboardLabels): Record<string, unknown> {
  const shown = dashboard.stageDistribution.filter((entry) => entry.count > 0 || entry.stage !== 'closed');
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: shown.map((entry) => labels.stage(entry.stage)), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => labels.number(value) } },
    series: [{ type: 'bar', data: shown.map((entry) => ({ value: entry.count, itemStyle: { color: STAGE_COLOURS[entry.stage] } })) }],
  };
}

export function burndownOption(dashboard: Dashboard, labels: DashboardLabels): Record<string, unknown> {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: dashboard.burndown.map((entry) => labels.week(entry.week)) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => labels.number(value) } },
    series: [
      { name: labels.open, type: 'line', data: dashboard.burndown.map((entry) => entry.open), itemStyle: { color: '#1d5fa8' } },
      { name: labels.planned, type: 'line', data: dashboard.burndown.map((entry) => entry.due), lineStyle: { type: 'dashed' }, itemStyle: { color: '#6b7280' } },
    ],
  };
}

export function activityOption(dashboard: Dashboard, labels: DashboardLabels): Record<string, unknown> {
  const bar = (name: string, key: 'stageChanges' | 'milestonesDone' | 'observations', color: string) => ({
    name,
    type: 'bar',
    stack: 'activity',
    data: dashboard.activity.map((entry) => entry[key]),
    itemStyle: { color },
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: dashboard.activity.map((entry) => labels.week(entry.week)) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => labels.number(value) } },
    series: [bar(labels.stageChanges, 'stageChanges', '#5b4fb3'), bar(labels.milestonesDone, 'milestonesDone', '#00796b'), bar(labels.observations, 'observations', '#b45309')],
  };
}
