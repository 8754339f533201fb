import { chartLabels, measureChartOption, type MeasureChartLabels } from '@simashe/charts';
import { CHART_TYPES, MEASURE_DIRECTIONS, MEASURE_FREQUENCIES, MEASURE_KINDS, type ChartSignal, type Measure, type MeasureInput } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { formatCalendarDate, formatNumber, useLanguage } from '@simashe/web-i18n';
import { Alert, Button, Card, LoadingState, QueryError, SelectField, TextField, useConfirm } from '@simashe/web-ui';
import { useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DeleteLink, fieldError } from './common';
import { EChart, type EChartHandle } from './echart';
import { useAddMeasure, useAddPoints, useImportCsv, useMeasureChart, useRemoveMeasure, useRemovePoint, useUpdateMeasure } from './queries';

/** The chart's words, numbers and dates in the interface language: the same labels the API's SVG export uses. */
export function useChartLabels(): MeasureChartLabels {
  const language = useLanguage();
  return useMemo(() => chartLabels(language), [language]);
}

function MeasureForm({ measure, busy, error, onSubmit, onCancel }: { measure?: Measure; busy: boolean; error: Error | null; onSubmit: (input: MeasureInput) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MeasureInput>({
    name: measure?.name ?? '',
    kind: measure?.kind ?? 'outcome',
    definition: measure?.definition ?? '',
    unit: measure?.unit ?? '',
    direction: measure?.direction ?? 'higher_is_better',
    target: measure?.target ?? null,
    frequency: measure?.frequency ?? 'monthly',
    chartType: measure?.chartType ?? 'run',
    baselineLength: measure?.baselineLength ?? null,
    changePoints: measure?.changePoints ?? [],
  });
  const apiError = error instanceof ApiError ? error : null;
  const set = <K extends keyof MeasureInput>(key: K) => (value: MeasureInput[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const number = (value: string) => (value.trim() === '' ? null : Number(value));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  return (
    <form onSubmit={submit} noValidate className="measure-form">
      {apiError && <Alert kind="error">{apiError.message}</Alert>}
      <TextField label={t('cycles.measures.name')} value={draft.name} required maxLength={200} onChange={(e) => set('name')(e.target.value)} error={fieldError(apiError, 'name')} />
      <TextField label={t('cycles.measures.definition')} value={draft.definition} maxLength={2000} onChange={(e) => set('definition')(e.target.value)} />
      <div className="form-row">
        <SelectField label={t('cycles.measures.kind')} value={draft.kind} onChange={(e) => set('kind')(e.target.value as MeasureInput['kind'])} options={MEASURE_KINDS.map((k) => ({ value: k, label: t(`cycles.measures.kinds.${k}`) }))} />
        <SelectField label={t('cycles.measures.chartType')} value={draft.chartType} onChange={(e) => set('chartType')(e.target.value as MeasureInput['chartType'])} options={CHART_TYPES.map((c) => ({ value: c, label: t(`cycles.measures.chartTypes.${c}`) }))} />
        <SelectField label={t('cycles.measures.direction')} value={draft.direction} onChange={(e) => set('direction')(e.target.value as MeasureInput['direction'])} options={MEASURE_DIRECTIONS.map((d) => ({ value: d, label: t(`cycles.measures.directions.${d}`) }))} />
        <SelectField label={t('cycles.measures.frequency')} value={draft.frequency} onChange={(e) => set('frequency')(e.target.value as MeasureInput['frequency'])} options={MEASURE_FREQUENCIES.map((f) => ({ value: f, label: t(`cycles.measures.frequencies.${f}`) }))} />
      </div>
      <div className="form-row">
        <TextField label={t('cycles.measures.unit')} value={draft.unit} maxLength={50} onChange={(e) => set('unit')(e.target.value)} />
        <TextField label={t('cycles.measures.target')} type="number" step="any" value={draft.target ?? ''} onChange={(e) => set('target')(number(e.target.value))} error={fieldError(apiError, 'target')} />
        <TextField label={t('cycles.measures.baseline')} hint={t('cycles.measures.baselineHint')} type="number" min={2} value={draft.baselineLength ?? ''} onChange={(e) => set('baselineLength')(number(e.target.value))} error={fieldError(apiError, 'baselineLength')} />
        <TextField label={t('cycles.measures.changePoint')} hint={t('cycles.measures.changePointHint')} type="date" value={draft.changePoints[0] ?? ''} onChange={(e) => set('changePoints')(e.target.value ? [e.target.value] : [])} error={fieldError(apiError, 'changePoints.0')} />
      </div>
      <div className="button-row">
        <Button type="submit" busy={busy} disabled={!draft.name.trim()}>
          {measure ? t('common.save') : t('cycles.measures.add')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function signalText(signal: ChartSignal, t: TFunction, dates: string[]): string {
  const from = dates[signal.indexes[0]];
  const to = dates[signal.indexes[signal.indexes.length - 1]];
  return t('cycles.chart.signalLine', {
    assessment: t(`cycles.chart.assessment.${signal.assessment}`),
    rule: t(`cycles.chart.rules.${signal.rule}`),
    range: from === to ? from : `${from} – ${to}`,
  });
}

function DataEntry({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const add = useAddPoints(measure.id);
  const importCsv = useImportCsv(measure.id);
  const [date, setDate] = useState('');
  const [value, setValue] = useState('');
  const [numerator, setNumerator] = useState('');
  const [denominator, setDenominator] = useState('');
  const [csv, setCsv] = useState('');
  const proportion = measure.chartType === 'p';
  const toNumber = (text: string) => (text.trim() === '' ? null : Number(text));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const point = proportion ? { date, value: null, numerator: toNumber(numerator), denominator: toNumber(denominator) } : { date, value: toNumber(value), numerator: null, denominator: null };
    add.mutate([point], { onSuccess: () => (setValue(''), setNumerator(''), setDenominator('')) });
  };
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setCsv(await file.text());
  };
  const importError = importCsv.error instanceof ApiError ? importCsv.error : null;
  return (
    <div className="data-entry">
      <form onSubmit={submit} className="form-row" aria-label={t('cycles.measures.addPoint')}>
        <TextField label={t('cycles.measures.date')} type="date" required value={date} onChange={(e) => setDate(e.target.value)} error={fieldError(add.error, 'points.0.date')} />
        {proportion ? (
          <>
            <TextField label={t('cycles.measures.numerator')} type="number" min={0} step={1} value={numerator} onChange={(e) => setNumerator(e.target.value)} error={fieldError(add.error, 'points.0.numerator')} />
            <TextField label={t('cycles.measures.denominator')} type="number" min={1} step={1} value={denominator} onChange={(e) => setDenominator(e.target.value)} error={fieldError(add.error, 'points.0.denominator')} />
          </>
        ) : (
          <TextField label={t('cycles.measures.value')} type="number" step="any" value={value} onChange={(e) => setValue(e.target.value)} error={fieldError(add.error, 'points.0.value')} />
        )}
        <Button type="submit" busy={add.isPending} disabled={!date}>
          {t('cycles.measures.addPoint')}
        </Button>
      </form>
      {add.error && !fieldError(add.error, 'points.0.date') && <Alert kind="error">{add.error.message}</Alert>}
      <details>
        <summary>{t('cycles.measures.import')}</summary>
        <p className="field-hint">{t(proportion ? 'cycles.measures.importHintP' : 'cycles.measures.importHint')}</p>
        <div className="field">
          <label htmlFor={`csv-file-${measure.id}`}>{t('cycles.measures.csvFile')}</label>
          <input id={`csv-file-${measure.id}`} type="file" accept=".csv,text/csv" onChange={readFile} />
        </div>
        <div className="field">
          <label htmlFor={`csv-${measure.id}`}>{t('cycles.measures.csvText')}</label>
          <textarea id={`csv-${measure.id}`} rows={4} value={csv} onChange={(e) => setCsv(e.target.value)} />
        </div>
        <Button busy={importCsv.isPending} disabled={!csv.trim()} onClick={() => importCsv.mutate(csv, { onSuccess: () => setCsv('') })}>
          {t('cycles.measures.importButton')}
        </Button>
        {importCsv.data && <Alert kind="success">{t('cycles.measures.imported', { count: importCsv.data.imported })}</Alert>}
        {importError && (
          <Alert kind="error">
            {importError.message}
            {importError.details.length > 0 && (
              <ul>
                {importError.details.map((detail, index) => {
                  const where = /^csv\.line (\d+)\.(.+)$/.exec(detail.path);
                  return <li key={index}>{where ? t('cycles.measures.csvLine', { line: where[1], column: where[2], message: detail.message }) : detail.message}</li>;
                })}
              </ul>
            )}
          </Alert>
        )}
      </details>
    </div>
  );
}

export function MeasureCard({ measure, canEdit }: { measure: Measure; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const chart = useMeasureChart(measure.id);
  const labels = useChartLabels();
  const language = useLanguage();
  const rtl = i18n.dir() === 'rtl';
  const option = useMemo(() => (chart.data ? measureChartOption(chart.data, labels, { rtl }) : null), [chart.data, labels, rtl]);
  const handle = useRef<EChartHandle>(null);
  const [editing, setEditing] = useState(false);
  const update = useUpdateMeasure(measure.id);
  const remove = useRemoveMeasure(measure.id);
  const removePoint = useRemovePoint(measure.id);
  const confirm = useConfirm();
  const downloadPng = () => {
    const url = handle.current?.png();
    if (!url) return;
    const link = document.createElement('a');
    link.href = url;
    link.download = `${measure.name.replace(/[\\/:*?"<>|]+/g, '-')}.png`;
    link.click();
  };
  const dates = chart.data?.points.map((p) => p.date) ?? [];
  return (
    <Card title={measure.name} headingLevel={3}>
      {confirm.dialog}
      <p className="muted">
        {t(`cycles.measures.kinds.${measure.kind}`)} · {t(`cycles.measures.chartTypes.${measure.chartType}`)} · {t(`cycles.measures.directions.${measure.direction}`)}
        {measure.unit && ` · ${measure.unit}`}
        {measure.target !== null && ` · ${t('cycles.measures.targetValue', { value: formatNumber(measure.target, language) })}`}
      </p>
      {measure.definition && <p>{measure.definition}</p>}
      {editing ? (
        <MeasureForm measure={measure} busy={update.isPending} error={update.error} onSubmit={(input) => update.mutate(input, { onSuccess: () => setEditing(false) })} onCancel={() => setEditing(false)} />
      ) : chart.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : chart.isError ? (
        <QueryError error={chart.error} onRetry={() => chart.refetch()} />
      ) : chart.data.points.length === 0 ? (
        <p className="muted">{t('cycles.measures.noData')}</p>
      ) : (
        <>
          {option && <EChart ref={handle} option={option} label={t('cycles.chart.label', { name: measure.name })} height={measure.chartType === 'xmr' ? 400 : 300} />}
          <ul className="signal-list" aria-label={t('cycles.chart.signals')}>
            {chart.data.chart.signals.length === 0 ? (
              <li className="muted">{t('cycles.chart.noSignals')}</li>
            ) : (
              chart.data.chart.signals.map((signal, index) => (
                <li key={index} className={`signal-${signal.assessment}`}>
                  <bdi>{signalText(signal, t, dates)}</bdi>
                </li>
              ))
            )}
          </ul>
          {chart.data.chart.type === 'run' && (
            <p className="muted">{t('cycles.chart.runSummary', { median: chart.data.chart.median, runs: chart.data.chart.runs, useful: chart.data.chart.usefulObservations })}</p>
          )}
          <div className="button-row">
            <a className="btn btn-secondary" href={`/api/measures/${measure.id}/chart.svg?lang=${language}`} download>
              {t('cycles.chart.svg')}
            </a>
            <Button variant="secondary" onClick={downloadPng}>
              {t('cycles.chart.png')}
            </Button>
          </div>
          <details>
            <summary>{t('cycles.measures.data', { count: chart.data.points.length })}</summary>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('cycles.measures.date')}</th>
                  <th scope="col">{t('cycles.measures.value')}</th>
                  {measure.chartType === 'p' && <th scope="col">{t('cycles.measures.numerator')} / {t('cycles.measures.denominator')}</th>}
                  {canEdit && <th scope="col"><span className="visually-hidden">{t('cycles.delete')}</span></th>}
                </tr>
              </thead>
              <tbody>
                {chart.data.points.map((point) => (
                  <tr key={point.date}>
                    <td>{formatCalendarDate(point.date, i18n.language)}</td>
                    <td>{formatNumber(point.value, i18n.language, { maximumFractionDigits: 4 })}</td>
                    {measure.chartType === 'p' && <td>{point.numerator} / {point.denominator}</td>}
                    {canEdit && (
                      <td>
                        <DeleteLink
                          label={t('cycles.measures.deletePointOf', { date: formatCalendarDate(point.date, i18n.language) })}
                          message={t('cycles.measures.confirmDeletePoint', { date: formatCalendarDate(point.date, i18n.language) })}
                          ask={confirm.ask}
                          onConfirmed={() => removePoint.mutate(point.date)}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      {canEdit && !editing && (
        <>
          <DataEntry measure={measure} />
          <div className="button-row">
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('cycles.measures.edit')}
            </Button>
            <Button variant="danger" busy={remove.isPending} onClick={async () => (await confirm.ask({ title: t('cycles.measures.delete'), message: t('cycles.measures.confirmDelete', { name: measure.name }), confirmLabel: t('cycles.measures.delete'), danger: true })) && remove.mutate()}>
              {t('cycles.measures.delete')}
            </Button>
          </div>
        </>
      )}
    </Card>
  );
}

export function AddMeasure({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const add = useAddMeasure(initiativeId);
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('cycles.measures.new')}
      </Button>
    );
  }
  return (
    <Card title={t('cycles.measures.new')} headingLevel={3}>
      <MeasureForm busy={add.isPending} error={add.error} onSubmit={(input) => add.mutate(input, { onSuccess: () => setOpen(false) })} onCancel={() => setOpen(false)} />
    </Card>
  );
}
