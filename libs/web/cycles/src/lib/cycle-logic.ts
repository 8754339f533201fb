import { CYCLE_STAGES_FLOW, fitsUnder, MILESTONE_STATUSES, type CycleStage, type DriverNode, type Milestone, type MilestoneStatus } from '@simashe/contracts';

// Dashboard chart options are shared with the API's PDF export (same charts on screen and on paper).
export { activityOption, burndownOption, STAGE_COLOURS, stageDistributionOption, type DashboardLabels } from '@simashe/charts';

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

/** Indent: become the last child of the previous sibling, when the diagram keeps its three levels. */
export function indentTarget(nodes: DriverNode[], id: string): { parentId: string } | null {
  const node = nodes.find((candidate) => candidate.id === id);
  if (!node) return null;
  const siblings = siblingsOf(nodes, node);
  const index = siblings.findIndex((candidate) => candidate.id === id);
  if (index <= 0) return null;
  const parent = siblings[index - 1];
  return fitsUnder(nodes, id, parent.id) ? { parentId: parent.id } : null;
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


/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone: "today" for the person, not for UTC. */
export function dateInZone(instant: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/**
 * Why an observation's date is refused, checked before asking the server (which allows a day of slack for time
 * zones): in the future, or before the cycle started, both in the person's own time zone.
 */
export function observationDateProblem(observedOn: string, cycleStartedAt: string, timeZone: string, now = new Date()): 'future' | 'beforeStart' | null {
  if (observedOn > dateInZone(now, timeZone)) return 'future';
  if (observedOn < dateInZone(cycleStartedAt, timeZone)) return 'beforeStart';
  return null;
}
