import type { Cycle, DriverNode } from '@simashe/contracts';
import { Alert, Button, TextField, useConfirm, type ConfirmRequest } from '@simashe/web-ui';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { driverTree, indentTarget, outdentTarget, siblingMove, type DriverTreeNode } from './cycle-logic';
import { EChart } from './echart';
import { useAddDriver, useRemoveDriver, useUpdateDriver } from './queries';
import { DeleteLink } from './common';

/** The driver diagram drawn left to right (right to left in Arabic): aim → primary → secondary → change ideas. */
export function driverDiagramOption(aim: string, nodes: DriverNode[], rtl: boolean): Record<string, unknown> {
  const toData = (tree: DriverTreeNode[]): unknown[] =>
    tree.map(({ node, children }) => ({
      name: node.label,
      children: toData(children),
      itemStyle: { color: node.kind === 'primary' ? '#1d5fa8' : node.kind === 'secondary' ? '#00796b' : '#b45309' },
    }));
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'tree',
        data: [{ name: aim.length > 80 ? `${aim.slice(0, 78)}…` : aim, children: toData(driverTree(nodes)), itemStyle: { color: '#333' } }],
        orient: rtl ? 'RL' : 'LR',
        top: 16,
        bottom: 16,
        // Room for a 150 px label beside the first and the last column, whatever the chart's width (a share of it cut
        // the aim's label off in a narrow chart).
        left: 165,
        right: 165,
        symbolSize: 10,
        initialTreeDepth: -1,
        expandAndCollapse: false,
        label: { position: rtl ? 'right' : 'left', verticalAlign: 'middle', fontSize: 11, lineHeight: 14, width: 150, overflow: 'break', backgroundColor: 'rgba(255,255,255,0.85)' },
        leaves: { label: { position: rtl ? 'left' : 'right', verticalAlign: 'middle', align: rtl ? 'right' : 'left' } },
        lineStyle: { color: '#9aa3ad' },
      },
    ],
  };
}

function NodeItem({ item, nodes, cycles, canEdit, onError, onMoved, ask }: { item: DriverTreeNode; nodes: DriverNode[]; cycles: Cycle[]; canEdit: boolean; onError: (message: string | null) => void; onMoved: (move: { id: string; parentId?: string | null; position?: number }) => void; ask: (request: ConfirmRequest) => Promise<boolean> }) {
  const { t } = useTranslation();
  const { node, children } = item;
  const update = useUpdateDriver();
  const remove = useRemoveDriver();
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(node.label);
  const report = { onError: (error: Error) => onError(error.message), onSuccess: () => onError(null) };
  const move = (change: { parentId?: string | null; position?: number } | null) => {
    if (!change) return;
    onMoved({ id: node.id, ...change });
    update.mutate({ id: node.id, ...change }, report);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: node.id, label }, { ...report, onSuccess: () => (setEditing(false), onError(null)) });
  };
  // Alt+arrows move the focused node, as in outliners; buttons do the same for pointer users.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!canEdit || !event.altKey) return;
    const actions: Record<string, () => void> = {
      ArrowUp: () => move(siblingMove(nodes, node.id, -1)),
      ArrowDown: () => move(siblingMove(nodes, node.id, 1)),
      ArrowRight: () => move(document.dir === 'rtl' ? outdentTarget(nodes, node.id) : indentTarget(nodes, node.id)),
      ArrowLeft: () => move(document.dir === 'rtl' ? indentTarget(nodes, node.id) : outdentTarget(nodes, node.id)),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
  const testedBy = cycles.filter((cycle) => node.cycleIds.includes(cycle.id));
  return (
    <li className={`driver driver-${node.kind}`}>
      <div className="driver-row" tabIndex={0} data-driver-id={node.id} onKeyDown={onKeyDown} aria-label={`${t(`cycles.drivers.kinds.${node.kind}`)}: ${node.label}`}>
        <span className="badge">{t(`cycles.drivers.kinds.${node.kind}`)}</span>{' '}
        {editing ? (
          <form className="inline-form" onSubmit={save}>
            <TextField label={t('cycles.drivers.rename')} value={label} maxLength={300} onChange={(e) => setLabel(e.target.value)} autoFocus />
            <Button type="submit" busy={update.isPending}>{t('common.save')}</Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </form>
        ) : (
          <span className="driver-label">{node.label}</span>
        )}
        {node.kind === 'change_idea' && (
          <span className="muted">
            {' '}· {testedBy.length ? t('cycles.drivers.testedBy', { cycles: testedBy.map((c) => `${c.number}. ${c.title}`).join(', ') }) : t('cycles.drivers.untested')}
          </span>
        )}
        {canEdit && !editing && (
          <span className="driver-tools">
            <Button variant="link" className="link-dark" aria-label={t('cycles.drivers.renameOf', { name: node.label })} onClick={() => setEditing(true)}>{t('cycles.drivers.rename')}</Button>
            <Button variant="link" className="link-dark" aria-label={t('cycles.drivers.moveUpOf', { name: node.label })} disabled={!siblingMove(nodes, node.id, -1)} onClick={() => move(siblingMove(nodes, node.id, -1))}>↑</Button>
            <Button variant="link" className="link-dark" aria-label={t('cycles.drivers.moveDownOf', { name: node.label })} disabled={!siblingMove(nodes, node.id, 1)} onClick={() => move(siblingMove(nodes, node.id, 1))}>↓</Button>
            <Button variant="link" className="link-dark" aria-label={t('cycles.drivers.indentOf', { name: node.label })} disabled={!indentTarget(nodes, node.id)} onClick={() => move(indentTarget(nodes, node.id))}>{t('cycles.drivers.indent')}</Button>
            <Button variant="link" className="link-dark" aria-label={t('cycles.drivers.outdentOf', { name: node.label })} disabled={!outdentTarget(nodes, node.id)} onClick={() => move(outdentTarget(nodes, node.id))}>{t('cycles.drivers.outdent')}</Button>
            <DeleteLink label={t('cycles.drivers.deleteOf', { name: node.label })} message={t('cycles.drivers.confirmDelete', { name: node.label })} ask={ask} busy={remove.isPending} onConfirmed={() => remove.mutate(node.id, report)} />
          </span>
        )}
      </div>
      {children.length > 0 && (
        <ul>
          {children.map((child) => (
            <NodeItem key={child.node.id} item={child} nodes={nodes} cycles={cycles} canEdit={canEdit} onError={onError} onMoved={onMoved} ask={ask} />
          ))}
        </ul>
      )}
    </li>
  );
}

function AddNode({ initiativeId, nodes, onError }: { initiativeId: string; nodes: DriverNode[]; onError: (message: string | null) => void }) {
  const { t } = useTranslation();
  const add = useAddDriver(initiativeId);
  const [label, setLabel] = useState('');
  const [parentId, setParentId] = useState('');
  const parents = nodes.filter((node) => node.kind !== 'change_idea');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ label, parentId: parentId || null }, { onSuccess: () => (setLabel(''), onError(null)), onError: (error) => onError(error.message) });
  };
  return (
    <form className="form-row" onSubmit={submit}>
      <TextField label={t('cycles.drivers.newLabel')} value={label} maxLength={300} required onChange={(e) => setLabel(e.target.value)} />
      <div className="field">
        <label htmlFor="driver-parent">{t('cycles.drivers.under')}</label>
        <select id="driver-parent" value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">{t('cycles.drivers.underAim')}</option>
          {parents.map((node) => (
            <option key={node.id} value={node.id}>
              {t(`cycles.drivers.kinds.${node.kind}`)}: {node.label}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" busy={add.isPending} disabled={!label.trim()}>
        {t('cycles.drivers.add')}
      </Button>
    </form>
  );
}

export function DriverDiagram({ initiativeId, aim, nodes, cycles, canEdit }: { initiativeId: string; aim: string; nodes: DriverNode[]; cycles: Cycle[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const confirm = useConfirm();
  // A line moved with the keyboard is drawn again under its new parent: focus follows it.
  const follow = useRef<{ id: string; parentId?: string | null; position?: number } | null>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const target = follow.current;
    const moved = target && nodes.find((node) => node.id === target.id);
    if (!target || !moved) return;
    if ((target.parentId !== undefined && moved.parentId !== target.parentId) || (target.position !== undefined && moved.position !== target.position)) return;
    list.current?.querySelector<HTMLElement>(`[data-driver-id="${target.id}"]`)?.focus();
    follow.current = null;
  }, [nodes]);
  const rtl = i18n.dir() === 'rtl';
  const option = useMemo(() => driverDiagramOption(aim, nodes, rtl), [aim, nodes, rtl]);
  const tree = driverTree(nodes);
  return (
    <>
      <p className="field-hint">{t('cycles.drivers.help')}</p>
      {/* At least 44rem wide, scrolled sideways on a phone: squeezed into 390 px its labels ran into each other. */}
      {nodes.length > 0 && (
        <div className="driver-diagram-scroll" tabIndex={0} role="group" aria-label={t('cycles.drivers.diagramLabel')}>
          <EChart option={option} label={t('cycles.drivers.diagramLabel')} height={Math.max(240, nodes.filter((node) => node.kind === 'change_idea').length * 56 + 40)} />
        </div>
      )}
      {error && <Alert kind="error">{error}</Alert>}
      {tree.length === 0 ? (
        <p className="muted">{t('cycles.drivers.empty')}</p>
      ) : (
        <ul className="driver-tree" ref={list} aria-label={t('cycles.drivers.treeLabel')}>
          {tree.map((item) => (
            <NodeItem key={item.node.id} item={item} nodes={nodes} cycles={cycles} canEdit={canEdit} onError={setError} onMoved={(move) => (follow.current = move)} ask={confirm.ask} />
          ))}
        </ul>
      )}
      {canEdit && <p className="field-hint">{t('cycles.drivers.keyboardHint')}</p>}
      {canEdit && <AddNode initiativeId={initiativeId} nodes={nodes} onError={setError} />}
      {confirm.dialog}
    </>
  );
}
