import { CYCLE_STAGES_FLOW, MILESTONE_STATUSES, type CycleStage, type Dashboard, type DriverNode, type Milestone, type MilestoneStatus } from '@simashe/contracts';

/** The stage after this one, if any (closed is last). */
export function nextStage(stage: CycleStage): CycleStage | null {
  const index = CYCLE_STAGES_FLOW.indexOf(stage);
  return index >= 0 && index < CYCLE_STAGES_FLOW.length - 1 ? CYCLE_STAGES_FLOW[index + 1] : null;
}

/** The stage a cycle may go back to (never out of closed, never before plan). */
export function previousStage(stage: CycleStage): CycleStage | null {
  const index = CYCLE_STAGES_FLOW.indexOf(stage);
  return index > 0 && stage !== 'closed' ? CYCLE_STAGES_FLOW[index - 1] : null;
}

/** Colour per stage, shared by badges, the stage chart and the map (all pass 3:1 against white). */
export const STAGE_COLOURS: Record<CycleStage | 'none', string> = {
  plan: '#5b4fb3',
  act: '#1d5fa8',
  observe: '#00796b',
  reflect: '#b45309',
  closed: '#374151',
  none: '#5f6b7a',
};

export interface DriverTreeNode {
  node: DriverNode;
  children: DriverTreeNode[];
}

/** Nodes as a tree, siblings in their saved order. */
export function driverTree(nodes: DriverNode[], parentId: string | null = null): DriverTreeNode[] {
  return nodes
    .filter((node) => node.parentId === parentId)
    .sort((a, b) => a.position - b.position || a.label.localeCompare(b.label))
    .map((node) => ({ node, children: driverTree(nodes, node.id) }));
}

function siblingsOf(nodes: DriverNode[], node: DriverNode): DriverNode[] {
  return nodes.filter((candidate) => candidate.parentId === node.parentId).sort((a, b) => a.position - b.position || a.label.localeCompare(b.label));
}

/** Moving a node up or down among its siblings: the new position, or null at either end. */
export function siblingMove(nodes: DriverNode[], id: string, delta: -1 | 1): { position: number } | null {
  const node = nodes.find((candidate) => candidate.id === id);
  if (!node) return null;
  const siblings = siblingsOf(nodes, node);
  const index = siblings.findIndex((candidate) => candidate.id === id);
  const target = index + delta;
  return target < 0 || target >= siblings.length ? null : { position: target };
}

function heightOf(nodes: DriverNode[], id: string): number {
  const children = nodes.filter((node) => node.parentId === id);
  return children.length === 0 ? 0 : 1 + Math.max(...children.map((child) => heightOf(nodes, child.id)));
}

function depthOf(nodes: DriverNode[], id: string): number {
  let depth = 0;
  for (let parent = nodes.find((node) => node.id === id)?.parentId; parent; parent = nodes.find((node) => node.id === parent)?.parentId) depth += 1;
  return depth;
}

/** Indent: become the last child of the previous sibling, when the diagram keeps its three levels. */
export function indentTarget(nodes: DriverNode[], id: string): { parentId: string } | null {
  const node = nodes.find((candidate) => candidate.id === id);
  if (!node) return null;
  const siblings = siblingsOf(nodes, node);
  const index = siblings.findIndex((candidate) => candidate.id === id);
  if (index <= 0) return null;
  const parent = siblings[index - 1];
  return depthOf(nodes, parent.id) + 1 + heightOf(nodes, id) <= 2 ? { parentId: parent.id } : null;
}

/** Outdent: become the sibling right after its parent. */
export function outdentTarget(nodes: DriverNode[], id: string): { parentId: string | null; position: number } | null {
  const node = nodes.find((candidate) => candidate.id === id);
  const parent = node?.parentId ? nodes.find((candidate) => candidate.id === node.parentId) : undefined;
  if (!node || !parent) return null;
  const parentIndex = siblingsOf(nodes, parent).findIndex((candidate) => candidate.id === parent.id);
  return { parentId: parent.parentId, position: parentIndex + 1 };
}

/** Milestones in board columns, in the order the statuses are listed. */
export function boardColumns(milestones: Milestone[]): Array<{ status: MilestoneStatus; items: Milestone[] }> {
  return MILESTONE_STATUSES.map((status) => ({ status, items: milestones.filter((milestone) => milestone.status === status) }));
}

/** Keyboard alternative to dragging: the status one column to the left or right. */
export function neighbourStatus(status: MilestoneStatus, delta: -1 | 1): MilestoneStatus | null {
  const index = MILESTONE_STATUSES.indexOf(status) + delta;
  return index < 0 || index >= MILESTONE_STATUSES.length ? null : MILESTONE_STATUSES[index];
}

/** Whole days between an instant and now (never negative). */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}

export interface DashboardLabels {
  stage: (stage: CycleStage | 'none') => string;
  open: string;
  planned: string;
  stageChanges: string;
  milestonesDone: string;
  observations: string;
  week: (iso: string) => string;
}

export function stageDistributionOption(dashboard: Dashboard, labels: DashboardLabels): Record<string, unknown> {
  const shown = dashboard.stageDistribution.filter((entry) => entry.count > 0 || entry.stage !== 'closed');
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: shown.map((entry) => labels.stage(entry.stage)), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', minInterval: 1 },
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
    yAxis: { type: 'value', minInterval: 1 },
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
    yAxis: { type: 'value', minInterval: 1 },
    series: [bar(labels.stageChanges, 'stageChanges', '#5b4fb3'), bar(labels.milestonesDone, 'milestonesDone', '#00796b'), bar(labels.observations, 'observations', '#b45309')],
  };
}
