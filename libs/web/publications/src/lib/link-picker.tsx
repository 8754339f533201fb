import type { LinkedItemKind } from '@simashe/contracts';
import { useInitiative, useInitiatives } from '@simashe/web-cycles';
import { useLessons } from '@simashe/web-lessons';
import { useDatasets } from '@simashe/web-monitoring';
import { useReports } from '@simashe/web-reports';
import { Button, LoadingState, QueryError, SelectField, TextField } from '@simashe/web-ui';
import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { filterChoices, LINK_KINDS, type LinkDraft } from './publications-logic';

interface Choice {
  id: string;
  title: string;
}

interface ChoicesProps {
  text: string;
  linked: readonly LinkDraft[];
  chosen: Choice | null;
  onChoose: (choice: Choice | null) => void;
}

/** The items of one kind the reader may read, filtered by the typed text, as a select. */
function ItemSelect({ kind, items, text, linked, chosen, onChoose, label }: ChoicesProps & { kind: LinkedItemKind; items: readonly Choice[]; label?: string }) {
  const { t } = useTranslation();
  const shown = filterChoices(items, text, kind, linked);
  const value = chosen && shown.some((item) => item.id === chosen.id) ? chosen.id : '';
  return (
    <SelectField
      label={label ?? t('publications.links.item')}
      value={value}
      dir="auto"
      onChange={(e) => onChoose(shown.find((item) => item.id === e.target.value) ?? null)}
      hint={shown.length === 0 ? t('publications.links.noChoices') : undefined}
      options={[{ value: '', label: t('publications.links.choose') }, ...shown.map((item) => ({ value: item.id, label: item.title }))]}
    />
  );
}

/** A list still loading or refused: said in place of the select. */
function Pending({ query }: { query: { isPending: boolean; isError: boolean; error: Error | null; refetch: () => unknown } }) {
  const { t } = useTranslation();
  if (query.isPending) return <LoadingState label={t('common.loading')} />;
  if (query.isError && query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return null;
}

// One component per kind, mounted only while that kind is chosen: each list is asked for when it is needed.
function LessonChoices(props: ChoicesProps) {
  const lessons = useLessons({});
  if (!lessons.data) return <Pending query={lessons} />;
  return <ItemSelect kind="lesson" items={lessons.data.items} {...props} />;
}

function ReportChoices(props: ChoicesProps) {
  const reports = useReports({ sort: 'lastEdited', pageSize: 100 });
  if (!reports.data) return <Pending query={reports} />;
  return <ItemSelect kind="report" items={reports.data.items} {...props} />;
}

function DatasetChoices(props: ChoicesProps) {
  const datasets = useDatasets();
  if (!datasets.data) return <Pending query={datasets} />;
  return <ItemSelect kind="dataset" items={datasets.data.items.map((dataset) => ({ id: dataset.id, title: dataset.name }))} {...props} />;
}

/** Cycles belong to an initiative: the initiative first, then its cycles. */
function CycleChoices(props: ChoicesProps) {
  const { t } = useTranslation();
  const initiatives = useInitiatives({});
  const [initiativeId, setInitiativeId] = useState('');
  if (!initiatives.data) return <Pending query={initiatives} />;
  return (
    <>
      <SelectField
        label={t('publications.links.initiative')}
        value={initiativeId}
        dir="auto"
        onChange={(e) => {
          setInitiativeId(e.target.value);
          props.onChoose(null);
        }}
        options={[{ value: '', label: t('publications.links.chooseInitiative') }, ...initiatives.data.items.map((initiative) => ({ value: initiative.id, label: initiative.title }))]}
      />
      {initiativeId && <InitiativeCycles key={initiativeId} initiativeId={initiativeId} {...props} />}
    </>
  );
}

function InitiativeCycles({ initiativeId, ...props }: ChoicesProps & { initiativeId: string }) {
  const { t } = useTranslation();
  const detail = useInitiative(initiativeId);
  if (!detail.data) return <Pending query={detail} />;
  const cycles = detail.data.cycles.map((cycle) => ({ id: cycle.id, title: t('publications.links.cycleOption', { number: cycle.number, title: cycle.title }) }));
  return <ItemSelect kind="cycle" items={cycles} {...props} />;
}

const CHOICES: Record<LinkedItemKind, ComponentType<ChoicesProps>> = {
  lesson: LessonChoices,
  report: ReportChoices,
  cycle: CycleChoices,
  dataset: DatasetChoices,
};

/** Link an item: its kind, then a list of what the reader may read, narrowed by a text box. The server checks again. */
export function LinkPicker({ linked, onAdd, disabled }: { linked: readonly LinkDraft[]; onAdd: (link: LinkDraft) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<LinkedItemKind>('lesson');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Choice | null>(null);
  const Choices = CHOICES[kind];
  const add = () => {
    if (!chosen) return;
    onAdd({ kind, id: chosen.id, title: chosen.title });
    setChosen(null);
  };
  return (
    <div className="publication-link-picker">
      <div className="form-row">
        <SelectField
          label={t('publications.links.kind')}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as LinkedItemKind);
            setChosen(null);
          }}
          options={LINK_KINDS.map((value) => ({ value, label: t(`publications.links.kinds.${value}`) }))}
        />
        <TextField
          label={t('publications.links.filter')}
          type="search"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter narrows the list; it must not send the whole form.
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
      </div>
      <Choices key={kind} text={text} linked={linked} chosen={chosen} onChoose={setChosen} />
      <Button variant="secondary" disabled={!chosen || disabled} onClick={add}>
        {t('publications.links.add')}
      </Button>
    </div>
  );
}
