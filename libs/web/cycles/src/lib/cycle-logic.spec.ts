import type { Dashboard, DriverNode, Milestone } from '@simashe/contracts';
import { boardColumns, dateInZone, daysSince, observationDateProblem, driverTree, indentTarget, neighbourStatus, nextStage, outdentTarget, previousStage, siblingMove, stageDistributionOption } from './cycle-logic';

const node = (id: string, parentId: string | null, position: number, kind: DriverNode['kind'] = 'primary'): DriverNode => ({ id, parentId, kind, label: id, position, cycleIds: [] });
// a ─┬─ a1 ── a1x
//    └─ a2
// b
const nodes = [node('b', null, 1), node('a', null, 0), node('a2', 'a', 1, 'secondary'), node('a1', 'a', 0, 'secondary'), node('a1x', 'a1', 0, 'change_idea')];

describe('cycle stages', () => {
  it('go forward one at a time and back only to the previous open stage', () => {
    expect(nextStage('plan')).toBe('act');
    expect(nextStage('reflect')).toBe('closed');
    expect(nextStage('closed')).toBeNull();
    expect(previousStage('plan')).toBeNull();
    expect(previousStage('observe')).toBe('act');
    expect(previousStage('closed')).toBeNull();
  });
});

describe('driver diagram editing', () => {
  it('builds the tree in saved order', () => {
    const tree = driverTree(nodes);
    expect(tree.map((t) => t.node.id)).toEqual(['a', 'b']);
    expect(tree[0].children.map((t) => t.node.id)).toEqual(['a1', 'a2']);
    expect(tree[0].children[0].children.map((t) => t.node.id)).toEqual(['a1x']);
  });

  it('moves among siblings but not past either end', () => {
    expect(siblingMove(nodes, 'a', -1)).toBeNull();
    expect(siblingMove(nodes, 'a', 1)).toEqual({ position: 1 });
    expect(siblingMove(nodes, 'a2', -1)).toEqual({ position: 0 });
    expect(siblingMove(nodes, 'a2', 1)).toBeNull();
  });

  it('indents under the previous sibling only when the diagram keeps three levels', () => {
    expect(indentTarget(nodes, 'a')).toBeNull(); // first among its siblings
    expect(indentTarget(nodes, 'b')).toEqual({ parentId: 'a' });
    expect(indentTarget(nodes, 'a2')).toEqual({ parentId: 'a1' });
    const deeper = [...nodes, node('a2x', 'a2', 0, 'change_idea')];
    expect(indentTarget(deeper, 'a2')).toBeNull(); // its idea would become a fourth level
  });

  it('outdents to just after its parent', () => {
    expect(outdentTarget(nodes, 'a1')).toEqual({ parentId: null, position: 1 });
    expect(outdentTarget(nodes, 'a1x')).toEqual({ parentId: 'a', position: 1 });
    expect(outdentTarget(nodes, 'b')).toBeNull();
  });
});

describe('milestone board', () => {
  const milestone = (id: string, status: Milestone['status']): Milestone => ({ id, cycleId: 'c', title: id, ownerId: null, ownerName: null, dueOn: null, status, overdue: false, completedAt: null });
  it('groups by status in board order and moves one column with the keyboard', () => {
    const columns = boardColumns([milestone('x', 'done'), milestone('y', 'todo'), milestone('z', 'done')]);
    expect(columns.map((c) => [c.status, c.items.map((i) => i.id)])).toEqual([['todo', ['y']], ['doing', []], ['done', ['x', 'z']], ['blocked', []]]);
    expect(neighbourStatus('todo', -1)).toBeNull();
    expect(neighbourStatus('todo', 1)).toBe('doing');
    expect(neighbourStatus('blocked', 1)).toBeNull();
  });
});

describe('dashboard figures', () => {
  it('counts whole days in a stage', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(daysSince('2026-11-28T13:00:00Z', now)).toBe(2);
    expect(daysSince('2026-12-02T00:00:00Z', now)).toBe(0);
  });

  it('draws the stage distribution with the stage colours and hides an empty "closed" bar', () => {
    const dashboard = { stageDistribution: [{ stage: 'plan', count: 2 }, { stage: 'act', count: 1 }, { stage: 'closed', count: 0 }, { stage: 'none', count: 3 }] } as Dashboard;
    const option = stageDistributionOption(dashboard, { stage: (s) => s.toUpperCase(), open: '', planned: '', stageChanges: '', milestonesDone: '', observations: '', week: (w) => w, number: String }) as {
      xAxis: { data: string[] };
      series: Array<{ data: Array<{ value: number; itemStyle: { color: string } }> }>;
    };
    expect(option.xAxis.data).toEqual(['PLAN', 'ACT', 'NONE']);
    expect(option.series[0].data.map((d) => d.value)).toEqual([2, 1, 3]);
    expect(option.series[0].data[0].itemStyle.color).toBe('#5b4fb3');
  });
});

describe('observation dates', () => {
  const now = new Date('2026-12-01T22:07:00Z'); // already 2 December in Nairobi, still 1 December in Lima

  it('takes "today" in the person’s time zone', () => {
    expect(dateInZone(now, 'Africa/Nairobi')).toBe('2026-12-02');
    expect(dateInZone(now, 'America/Lima')).toBe('2026-12-01');
  });

  it('refuses dates in the future and before the cycle started, in that zone', () => {
    const started = '2026-09-15T22:30:00Z'; // 16 September in Nairobi
    expect(observationDateProblem('2026-12-02', started, 'Africa/Nairobi', now)).toBeNull();
    expect(observationDateProblem('2026-12-02', started, 'America/Lima', now)).toBe('future');
    expect(observationDateProblem('2026-09-15', started, 'Africa/Nairobi', now)).toBe('beforeStart');
    expect(observationDateProblem('2026-09-16', started, 'Africa/Nairobi', now)).toBeNull();
    expect(observationDateProblem('2026-09-15', started, 'America/Lima', now)).toBeNull();
  });
});
