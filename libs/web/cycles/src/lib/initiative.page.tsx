import type { Cycle } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useDateFormatter, useFormatters } from '@simashe/web-i18n';
import { Alert, BackLink, Button, Card, LoadingState, QueryError, useConfirm, usePageTitle } from '@simashe/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { StageBadge } from './common';
import { daysSince, STAGE_COLOURS } from './cycle-logic';
import { CyclePanel, StartCycleForm } from './cycle-panel';
import { DriverDiagram } from './driver-diagram';
import { InitiativeForm } from './initiative-form';
import { AddMeasure, MeasureCard } from './measures';
import { useDeleteInitiative, useInitiative, useUpdateInitiative } from './queries';

/** Every cycle as a row of stage segments, from its start to its close (or today). */
function CycleTimeline({ cycles, onSelect, selected }: { cycles: Cycle[]; onSelect: (id: string) => void; selected: string | null }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useDateFormatter(user.timeZone);
  // The timeline's "now", fixed when it is first drawn.
  const [now] = useState(() => Date.now());
  if (cycles.length === 0) return <p className="muted">{t('cycles.noCycles')}</p>;
  const today = new Date(now).toISOString();
  const ordered = [...cycles].sort((a, b) => a.number - b.number);
  const start = Math.min(...ordered.map((c) => Date.parse(c.startedAt)));
  const end = Math.max(now, ...ordered.map((c) => Date.parse(c.closedAt ?? today)));
  const span = Math.max(1, end - start);
  const at = (iso: string) => ((Date.parse(iso) - start) / span) * 100;
  return (
    <ol className="cycle-timeline">
      {ordered.map((cycle) => {
        const segments = cycle.events.map((event, index) => {
          const from = at(event.at);
          const to = at(cycle.events[index + 1]?.at ?? cycle.closedAt ?? today);
          return { stage: event.to, from, width: Math.max(0.8, to - from), at: event.at };
        });
        return (
          <li key={cycle.id} className={selected === cycle.id ? 'timeline-selected' : undefined}>
            <button type="button" className="link-button timeline-label" onClick={() => onSelect(cycle.id)} aria-pressed={selected === cycle.id}>
              {t('cycles.cycleTitle', { number: cycle.number, title: cycle.title })}
            </button>{' '}
            <StageBadge stage={cycle.stage} />
            <div className="timeline-track" aria-hidden="true">
              {segments.filter((s) => s.stage !== 'closed').map((segment, index) => (
                <span key={index} className="timeline-segment" style={{ insetInlineStart: `${segment.from}%`, width: `${segment.width}%`, backgroundColor: STAGE_COLOURS[segment.stage] }} title={t(`cycles.stages.${segment.stage}`)} />
              ))}
            </div>
            <div className="muted">
              {format(cycle.startedAt, { dateStyle: 'medium' })} – {cycle.closedAt ? format(cycle.closedAt, { dateStyle: 'medium' }) : t('cycles.ongoing')}
              {cycle.stage !== 'closed' && ` · ${t('cycles.daysInStage', { count: daysSince(cycle.stageChangedAt) })}`}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function InitiativePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useInitiative(id);
  const update = useUpdateInitiative(id);
  const remove = useDeleteInitiative(id);
  const user = useCurrentUser();
  const { calendarDate } = useFormatters(user.timeZone);
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const confirm = useConfirm();
  usePageTitle(detail.data?.initiative.title);
  if (detail.isPending) return <LoadingState label={t('common.loading')} />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;
  const { initiative, drivers, cycles, measures, people } = detail.data;
  const active = cycles.find((cycle) => cycle.stage !== 'closed') ?? null;
  const shown = cycles.find((cycle) => cycle.id === selected) ?? active ?? cycles[0] ?? null;
  const changeIdeas = drivers.filter((node) => node.kind === 'change_idea');
  return (
    <>
      {confirm.dialog}
      <BackLink to="/cycles">{t('cycles.title')}</BackLink>
      <h1 dir="auto">{initiative.title}</h1>
      <p className="muted">
        <bdi>{initiative.organisationName}</bdi>
        {initiative.partners.length > 0 && ` · ${t('cycles.withPartners', { partners: initiative.partners.map((p) => `\u2068${p.name}\u2069`).join(', ') })}`}
      </p>
      {!initiative.canEdit && <Alert kind="info">{t('cycles.readOnlyNotice')}</Alert>}
      <Card title={t('cycles.aim')}>
        {editing ? (
          <InitiativeForm
            initiative={initiative}
            canManage={initiative.canManage}
            busy={update.isPending}
            error={update.error}
            onSubmit={({ organisationId: _owner, ...input }) => update.mutate(input, { onSuccess: () => setEditing(false) })}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <>
            <p className="aim-statement">
              {initiative.aimWhat}
              {initiative.aimHowMuch && ` — ${initiative.aimHowMuch}`}
              {initiative.aimByWhen && ` — ${t('cycles.byWhen', { date: calendarDate(initiative.aimByWhen) })}`}
            </p>
            <p className="tags">
              {initiative.determinants.map((d) => (
                <span key={d} className="badge">{t(`lessons.determinant.${d}`)}</span>
              ))}{' '}
              {initiative.sectors.map((s) => (
                <span key={s} className="badge badge-sector">{t(`lessons.sector.${s}`)}</span>
              ))}
            </p>
            {initiative.canEdit && (
              <div className="button-row">
                <Button variant="secondary" onClick={() => setEditing(true)}>
                  {t('cycles.editInitiative')}
                </Button>
                {initiative.canManage && (
                  <Button variant="danger" busy={remove.isPending} onClick={async () => (await confirm.ask({ title: t('cycles.deleteInitiative'), message: t('cycles.confirmDeleteInitiative', { title: initiative.title }), confirmLabel: t('cycles.deleteInitiative'), danger: true })) && remove.mutate(undefined, { onSuccess: () => navigate('/cycles') })}>
                    {t('cycles.deleteInitiative')}
                  </Button>
                )}
              </div>
            )}
          </>
        )}
      </Card>
      <Card title={t('cycles.timeline')}>
        <CycleTimeline cycles={cycles} selected={shown?.id ?? null} onSelect={setSelected} />
      </Card>
      {shown && (
        <Card title={shown.id === active?.id ? t('cycles.activeCycle') : t('cycles.pastCycle')}>
          <CyclePanel key={shown.id} cycle={shown} changeIdeas={changeIdeas} people={people} canEdit={initiative.canEdit} />
        </Card>
      )}
      {!active && initiative.canEdit && (
        <Card title={t('cycles.startHeading')}>
          <p className="field-hint">{t('cycles.pdsaHelp')}</p>
          <StartCycleForm initiativeId={initiative.id} changeIdeas={changeIdeas} nextNumber={cycles.length + 1} />
        </Card>
      )}
      <Card title={t('cycles.drivers.heading')}>
        <DriverDiagram initiativeId={initiative.id} aim={initiative.aimWhat} nodes={drivers} cycles={cycles} canEdit={initiative.canEdit} />
      </Card>
      <section aria-labelledby="measures-heading">
        <h2 id="measures-heading">{t('cycles.measures.heading')}</h2>
        <p className="field-hint">{t('cycles.measures.help')}</p>
        {measures.length === 0 && <p className="muted">{t('cycles.measures.empty')}</p>}
        {measures.map((measure) => (
          <MeasureCard key={measure.id} measure={measure} canEdit={initiative.canEdit} />
        ))}
        {initiative.canEdit && <AddMeasure initiativeId={initiative.id} />}
      </section>
    </>
  );
}
