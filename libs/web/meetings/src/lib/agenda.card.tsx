import type { AgendaItem } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { Alert, Button, Card, EmptyState, LoadingState, QueryError, TextField } from '@simashe/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgenda, useReplaceAgenda } from './queries';

type Draft = Pick<AgendaItem, 'title' | 'presenter'> & { minutes: string; key: string };

let nextKey = 0;
const toDraft = (item: Pick<AgendaItem, 'title' | 'presenter' | 'minutes'>): Draft => ({ ...item, minutes: String(item.minutes), key: `item-${nextKey++}` });

function AgendaEditor({ items, meetingId, onDone }: { items: AgendaItem[]; meetingId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useReplaceAgenda(meetingId);
  const [drafts, setDrafts] = useState<Draft[]>(() => items.map(toDraft));
  const error = save.error instanceof ApiError ? save.error : null;
  const change = (index: number, patch: Partial<Draft>) => setDrafts((list) => list.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const move = (index: number, by: -1 | 1) =>
    setDrafts((list) => {
      const next = [...list];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          { items: drafts.map((d) => ({ title: d.title, presenter: d.presenter, minutes: Number(d.minutes) })) },
          { onSuccess: onDone },
        );
      }}
      noValidate
    >
      {error && <Alert kind="error">{error.message}</Alert>}
      <ol className="agenda-editor">
        {drafts.map((draft, index) => (
          <li key={draft.key} className="form-row">
            <TextField label={t('meetings.agendaItem', { number: index + 1 })} value={draft.title} onChange={(e) => change(index, { title: e.target.value })} error={error?.fieldError(`items.${index}.title`)} />
            <TextField label={t('meetings.presenter')} value={draft.presenter} onChange={(e) => change(index, { presenter: e.target.value })} error={error?.fieldError(`items.${index}.presenter`)} />
            <TextField label={t('meetings.minutesAllotted')} type="number" min={1} max={600} value={draft.minutes} onChange={(e) => change(index, { minutes: e.target.value })} error={error?.fieldError(`items.${index}.minutes`)} />
            <div className="button-row">
              <Button variant="secondary" aria-label={t('meetings.moveUp', { number: index + 1 })} disabled={index === 0} onClick={() => move(index, -1)}>
                ↑
              </Button>
              <Button variant="secondary" aria-label={t('meetings.moveDown', { number: index + 1 })} disabled={index === drafts.length - 1} onClick={() => move(index, 1)}>
                ↓
              </Button>
              <Button variant="danger" aria-label={t('meetings.removeItem', { number: index + 1 })} onClick={() => setDrafts((list) => list.filter((_, i) => i !== index))}>
                ✕
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <Button variant="secondary" onClick={() => setDrafts((list) => [...list, toDraft({ title: '', presenter: '', minutes: 15 })])}>
          {t('meetings.addAgendaItem')}
        </Button>
        <Button type="submit" busy={save.isPending}>
          {t('meetings.saveAgenda')}
        </Button>
        <Button variant="link" className="link-dark" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function AgendaCard({ meetingId, canManage }: { meetingId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const agenda = useAgenda(meetingId);
  const [editing, setEditing] = useState(false);
  return (
    <Card title={t('meetings.agenda')}>
      {agenda.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : agenda.isError ? (
        <QueryError error={agenda.error} onRetry={() => agenda.refetch()} />
      ) : editing ? (
        <AgendaEditor items={agenda.data.items} meetingId={meetingId} onDone={() => setEditing(false)} />
      ) : (
        <>
          {agenda.data.items.length === 0 ? (
            <EmptyState>{t('meetings.agendaEmpty')}</EmptyState>
          ) : (
            <>
              <ol className="agenda">
                {agenda.data.items.map((item) => (
                  <li key={item.id}>
                    <strong>
                      <bdi>{item.title}</bdi>
                    </strong>
                    {item.presenter && (
                      <>
                        {' '}
                        · <bdi>{item.presenter}</bdi>
                      </>
                    )} · <span className="muted">{t('meetings.minutesCount', { count: item.minutes })}</span>
                  </li>
                ))}
              </ol>
              <p className="muted">{t('meetings.agendaTotal', { count: agenda.data.totalMinutes })}</p>
            </>
          )}
          {canManage && (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('meetings.editAgenda')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
