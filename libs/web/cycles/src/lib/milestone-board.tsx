import type { Milestone, MilestoneStatus } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useFormatters } from '@simashe/web-i18n';
import { Alert, Button, SelectField, TextField, useConfirm } from '@simashe/web-ui';
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { boardColumns, neighbourStatus } from './cycle-logic';
import { useAddMilestone, useRemoveMilestone, useUpdateMilestone } from './queries';
import { DeleteLink } from './common';

/**
 * To do / doing / done / blocked. Cards are dragged between columns; without a pointer, the arrow buttons (or
 * Alt+← / Alt+→ on a focused card) move a card one column. Overdue cards are marked in words, not only colour.
 */
export function MilestoneBoard({ cycleId, milestones, people, canEdit }: { cycleId: string; milestones: Milestone[]; people: Array<{ id: string; name: string }>; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const { calendarDate } = useFormatters(user.timeZone);
  const update = useUpdateMilestone();
  const remove = useRemoveMilestone();
  const confirm = useConfirm();
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState<MilestoneStatus | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const rtl = i18n.dir() === 'rtl';
  const board = useRef<HTMLDivElement>(null);
  // A card moved with the keyboard lands in another column (a new element): focus follows it there.
  const follow = useRef<{ id: string; status: MilestoneStatus } | null>(null);
  useEffect(() => {
    const target = follow.current;
    if (!target || milestones.find((m) => m.id === target.id)?.status !== target.status) return;
    board.current?.querySelector<HTMLElement>(`[data-milestone-id="${target.id}"]`)?.focus();
    follow.current = null;
  }, [milestones]);
  const move = (milestone: Milestone, status: MilestoneStatus | null, keepFocus = false) => {
    if (!status || status === milestone.status) return;
    if (keepFocus) follow.current = { id: milestone.id, status };
    update.mutate({ id: milestone.id, status }, { onError: (e) => setError(e.message), onSuccess: () => setError(null) });
  };
  const drop = (status: MilestoneStatus) => (event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    const milestone = milestones.find((m) => m.id === event.dataTransfer.getData('text/plain'));
    if (milestone) move(milestone, status);
  };
  return (
    <>
      {confirm.dialog}
      {error && <Alert kind="error">{error}</Alert>}
      <div className="milestone-board" ref={board}>
        {boardColumns(milestones).map((column) => (
          <section
            key={column.status}
            className={`board-column${over === column.status ? ' board-over' : ''}`}
            aria-labelledby={`col-${cycleId}-${column.status}`}
            onDragOver={(event) => {
              if (!canEdit) return;
              event.preventDefault();
              setOver(column.status);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={drop(column.status)}
          >
            <h4 id={`col-${cycleId}-${column.status}`}>
              {t(`cycles.milestones.status.${column.status}`)} <span className="muted">({column.items.length})</span>
            </h4>
            <ul>
              {column.items.map((milestone) => (
                <li
                  key={milestone.id}
                  className={`milestone-card${milestone.overdue ? ' milestone-overdue' : ''}`}
                  draggable={canEdit}
                  tabIndex={0}
                  data-milestone-id={milestone.id}
                  onDragStart={(event) => event.dataTransfer.setData('text/plain', milestone.id)}
                  onKeyDown={(event) => {
                    if (!canEdit || !event.altKey) return;
                    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                      event.preventDefault();
                      const forward = (event.key === 'ArrowRight') !== rtl;
                      move(milestone, neighbourStatus(milestone.status, forward ? 1 : -1), true);
                    }
                  }}
                >
                  {editing === milestone.id ? (
                    <EditMilestone milestone={milestone} people={people} onDone={() => setEditing(null)} />
                  ) : (
                    <strong dir="auto">{milestone.title}</strong>
                  )}
                  <div className="muted">
                    {milestone.ownerName ?? t('cycles.milestones.noOwner')}
                    {milestone.dueOn && ` · ${t('cycles.milestones.due', { date: calendarDate(milestone.dueOn) })}`}
                  </div>
                  {milestone.overdue && <span className="badge badge-overdue">{t('cycles.milestones.overdue')}</span>}
                  {canEdit && (
                    <div className="card-tools">
                      <Button variant="link" className="link-dark" aria-label={t('cycles.milestones.moveBack', { title: milestone.title })} disabled={!neighbourStatus(milestone.status, -1)} onClick={() => move(milestone, neighbourStatus(milestone.status, -1), true)}>
                        {rtl ? '→' : '←'}
                      </Button>
                      <Button variant="link" className="link-dark" aria-label={t('cycles.milestones.moveOn', { title: milestone.title })} disabled={!neighbourStatus(milestone.status, 1)} onClick={() => move(milestone, neighbourStatus(milestone.status, 1), true)}>
                        {rtl ? '←' : '→'}
                      </Button>
                      <Button variant="link" className="link-dark" aria-label={t('cycles.milestones.editOf', { title: milestone.title })} onClick={() => setEditing(milestone.id)}>
                        {t('cycles.milestones.edit')}
                      </Button>
                      <DeleteLink label={t('cycles.milestones.deleteOf', { title: milestone.title })} message={t('cycles.milestones.confirmDelete', { title: milestone.title })} ask={confirm.ask} onConfirmed={() => remove.mutate(milestone.id)} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {canEdit && <p className="field-hint">{t('cycles.milestones.keyboardHint')}</p>}
      {canEdit && <AddMilestone cycleId={cycleId} people={people} />}
    </>
  );
}

/** Title, owner and due date of one milestone, edited in its card. */
function EditMilestone({ milestone, people, onDone }: { milestone: Milestone; people: Array<{ id: string; name: string }>; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateMilestone();
  const [title, setTitle] = useState(milestone.title);
  const [ownerId, setOwnerId] = useState(milestone.ownerId ?? '');
  const [dueOn, setDueOn] = useState(milestone.dueOn ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: milestone.id, title, ownerId: ownerId || null, dueOn: dueOn || null }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="milestone-edit" onKeyDown={(event) => event.stopPropagation()}>
      {update.error && <Alert kind="error">{update.error.message}</Alert>}
      <TextField label={t('cycles.milestones.title')} value={title} required maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      <SelectField label={t('cycles.milestones.owner')} value={ownerId} onChange={(e) => setOwnerId(e.target.value)} options={[{ value: '', label: t('cycles.milestones.noOwner') }, ...people.map((p) => ({ value: p.id, label: p.name }))]} />
      <TextField label={t('cycles.milestones.dueOn')} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      <div className="button-row">
        <Button type="submit" busy={update.isPending} disabled={!title.trim()}>{t('common.save')}</Button>
        <Button variant="secondary" onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}

function AddMilestone({ cycleId, people }: { cycleId: string; people: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const add = useAddMilestone(cycleId);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ title, ownerId: ownerId || null, dueOn: dueOn || null, status: 'todo' }, { onSuccess: () => (setTitle(''), setDueOn('')) });
  };
  return (
    <form className="form-row" onSubmit={submit} aria-label={t('cycles.milestones.add')}>
      {add.error && <Alert kind="error">{add.error.message}</Alert>}
      <TextField label={t('cycles.milestones.title')} value={title} required maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      <SelectField label={t('cycles.milestones.owner')} value={ownerId} onChange={(e) => setOwnerId(e.target.value)} options={[{ value: '', label: t('cycles.milestones.noOwner') }, ...people.map((p) => ({ value: p.id, label: p.name }))]} />
      <TextField label={t('cycles.milestones.dueOn')} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      <Button type="submit" busy={add.isPending} disabled={!title.trim()}>
        {t('cycles.milestones.add')}
      </Button>
    </form>
  );
}
