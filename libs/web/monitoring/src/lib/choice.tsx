import { monitoringChartLabels, type MonitoringChartLabels } from '@simashe/charts';
import { MEASURE_IDS, SUPPORTED_LANGUAGES, type DatasetCatalogue, type Language, type MeasureId } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useFormatters } from '@simashe/web-i18n';
import { SelectField } from '@simashe/web-ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { completeChoice, measuresFor, type Choice } from './monitoring-logic';

/**
 * The Explore and Compare views share one choice (indicator, dimension, setting, year, measure), kept in the
 * address so a view can be bookmarked or sent, and completed with defaults from the version's catalogue.
 */
export function useChoice(catalogue: DatasetCatalogue | undefined) {
  const [params, setParams] = useSearchParams();
  const wanted: Partial<Choice> = {
    indicator: params.get('indicator') ?? undefined,
    dimension: params.get('dimension') ?? undefined,
    setting: params.get('setting') ?? undefined,
    date: params.get('year') ? Number(params.get('year')) : undefined,
  };
  const choice = catalogue ? completeChoice(catalogue, wanted) : null;
  const dimension = catalogue?.dimensions.find((d) => d.name === choice?.dimension);
  const ordered = dimension?.ordered ?? false;
  const offered = measuresFor(ordered, dimension?.subgroups ?? 0);
  const requestedMeasure = params.get('measure') as MeasureId | null;
  const measure: MeasureId = requestedMeasure && offered.includes(requestedMeasure) ? requestedMeasure : offered[0];
  const set = (key: 'indicator' | 'dimension' | 'setting' | 'year' | 'measure', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );
  return { choice, measure, offered, ordered, set };
}

/** The chart labels in the reader's language, numbers written by the workspace's formatter. */
export function useMonitoringLabels(): { labels: MonitoringChartLabels; rtl: boolean } {
  const { i18n } = useTranslation();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const language = (SUPPORTED_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';
  const labels = useMemo(() => ({ ...monitoringChartLabels(language), number: (value: number) => format.number(value, { maximumFractionDigits: 2 }) }), [language, format]);
  return { labels, rtl: i18n.dir() === 'rtl' };
}

export function ChoicePickers({
  catalogue,
  choice,
  set,
  show,
}: {
  catalogue: DatasetCatalogue;
  choice: Choice;
  set: (key: 'indicator' | 'dimension' | 'setting' | 'year', value: string) => void;
  show: { setting: boolean; year: boolean };
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  return (
    <fieldset className="choice-pickers">
      <legend>{t('monitoring.explore.filters')}</legend>
      {/* Names from the file, often English in an Arabic page: dir="auto" keeps their start in view. */}
      <SelectField
        label={t('monitoring.explore.indicator')}
        dir="auto"
        value={choice.indicator}
        onChange={(e) => set('indicator', e.target.value)}
        options={catalogue.indicators.map((i) => ({ value: i.abbr, label: i.name }))}
      />
      <SelectField label={t('monitoring.explore.dimension')} dir="auto" value={choice.dimension} onChange={(e) => set('dimension', e.target.value)} options={catalogue.dimensions.map((d) => ({ value: d.name, label: d.name }))} />
      {show.setting && <SelectField label={t('monitoring.explore.setting')} dir="auto" value={choice.setting} onChange={(e) => set('setting', e.target.value)} options={catalogue.settings.map((s) => ({ value: s.name, label: s.name }))} />}
      {show.year && (
        <SelectField
          label={t('monitoring.explore.year')}
          value={String(choice.date ?? '')}
          onChange={(e) => set('year', e.target.value)}
          options={[...catalogue.dates].sort((a, b) => b - a).map((date) => ({ value: String(date), label: format.number(date, { useGrouping: false }) }))}
        />
      )}
    </fieldset>
  );
}

export function MeasurePicker({ value, offered, onChange, label }: { value: MeasureId; offered: MeasureId[]; onChange: (measure: MeasureId) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as MeasureId)}
      options={offered.filter((id) => MEASURE_IDS.includes(id)).map((id) => ({ value: id, label: t(`monitoring.measureNames.${id}`) }))}
      hint={t(`monitoring.measureDescriptions.${value}`)}
    />
  );
}
