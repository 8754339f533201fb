import type { MeasureOption, MonitoringChart } from '@simashe/contracts';
import { ChartEmbed, readChartEmbedAttributes } from '@simashe/editor';
import { api } from '@simashe/web-api-client';
import { NodeViewWrapper, ReactNodeViewRenderer, type Editor, type NodeViewProps } from '@tiptap/react';
import { useQuery } from '@tanstack/react-query';
import type { AnyExtension } from '@tiptap/core';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The chart itself (ECharts) comes with the cycles screens, loaded only when a document shows one.
const MeasureChartEmbed = lazy(async () => ({ default: (await import('@simashe/web-cycles')).MeasureChartEmbed }));
// Inequality-monitoring charts come with the monitoring screens, the same way.
const MonitoringChartEmbed = lazy(async () => ({ default: (await import('@simashe/web-monitoring')).MonitoringChartEmbed }));
const MonitoringChartPicker = lazy(async () => ({ default: (await import('@simashe/web-monitoring')).MonitoringChartPicker }));

function ChartEmbedView({ node, selected }: NodeViewProps) {
  const { t } = useTranslation();
  const attrs = readChartEmbedAttributes(node.attrs);
  return (
    <NodeViewWrapper as="figure" className={`chart-embed${selected ? ' chart-embed-selected' : ''}`} data-drag-handle="">
      {attrs ? (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          {attrs.source === 'monitoring' ? <MonitoringChartEmbed id={attrs.id} title={attrs.title} /> : <MeasureChartEmbed id={attrs.id} title={attrs.title} />}
        </Suspense>
      ) : (
        <p className="muted">{t('cycles.embed.unavailable', { title: '' })}</p>
      )}
    </NodeViewWrapper>
  );
}

/** The document extensions with embedded charts drawn live (the shared schema only knows what they point at). */
export function withLiveCharts(extensions: AnyExtension[]): AnyExtension[] {
  return extensions.map((extension) => (extension.name === ChartEmbed.name ? ChartEmbed.extend({ addNodeView: () => ReactNodeViewRenderer(ChartEmbedView) }) : extension));
}

/**
 * Inserts a live chart of a measure the writer may read, after the current block. Opened from its button or from
 * the "/" menu (the editor holds `open`); the measure list takes the keyboard as it opens.
 */
export function ChartEmbedTools({ editor, editable, open, setOpen }: { editor: Editor; editable: boolean; open: boolean; setOpen: (open: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const sourceId = useId();
  const [choice, setChoice] = useState('');
  const [source, setSource] = useState<'measure' | 'monitoring'>('measure');
  const measures = useQuery({ queryKey: ['cycles', 'measure-options'], queryFn: () => api.get<{ items: MeasureOption[] }>('/measures'), enabled: open && source === 'measure' });
  const insertMonitoring = (chart: MonitoringChart) => {
    editor
      .chain()
      .focus()
      .insertContent([{ type: 'chartEmbed', attrs: { source: 'monitoring', id: chart.id, title: chart.title } }, { type: 'paragraph' }])
      .run();
    setOpen(false);
  };
  const insert = () => {
    const measure = measures.data?.items.find((m) => m.id === choice);
    if (!measure) return;
    // A paragraph after the chart takes the cursor: typing on must never replace the chart just inserted.
    editor
      .chain()
      .focus()
      .insertContent([{ type: 'chartEmbed', attrs: { source: 'measure', id: measure.id, title: measure.name } }, { type: 'paragraph' }])
      .run();
    setOpen(false);
    setChoice('');
  };
  return (
    <div className="action-item-tools" role="group" aria-label={t('cycles.embed.tools')}>
      <button type="button" className="tool" aria-expanded={open} disabled={!editable} onMouseDown={(e) => e.preventDefault()} onClick={() => setOpen(!open)}>
        {t('cycles.embed.insert')}
      </button>
      {open && (
        <>
          <label htmlFor={sourceId}>{t('monitoringEmbed.source')}</label>
          <select id={sourceId} value={source} onChange={(event) => setSource(event.target.value as 'measure' | 'monitoring')}>
            <option value="measure">{t('monitoringEmbed.sourceMeasure')}</option>
            <option value="monitoring">{t('monitoringEmbed.sourceMonitoring')}</option>
          </select>
        </>
      )}
      {open && source === 'monitoring' && (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <MonitoringChartPicker onInsert={insertMonitoring} />
        </Suspense>
      )}
      {open && source === 'measure' && (
        <>
          <label htmlFor={id}>{t('cycles.embed.measure')}</label>
          <select id={id} value={choice} autoFocus onChange={(event) => setChoice(event.target.value)}>
            <option value="">{measures.isPending ? t('common.loading') : measures.data?.items.length ? t('cycles.embed.choose') : t('cycles.embed.none')}</option>
            {(measures.data?.items ?? []).map((measure) => (
              <option key={measure.id} value={measure.id}>
                {measure.organisationName} · {measure.initiativeTitle} · {measure.name}
              </option>
            ))}
          </select>
          <button type="button" className="tool" disabled={!choice} onClick={insert}>
            {t('cycles.embed.add')}
          </button>
        </>
      )}
    </div>
  );
}
