import { REPORT_DOCUMENT_FIELD, type Version } from '@simashe/contracts';
import { diffDocuments, sameDocument } from '@simashe/editor';
import { useCurrentUser } from '@simashe/web-accounts';
import { isolate, useDateFormatter } from '@simashe/web-i18n';
import { Alert, Button, EmptyState, LoadingState, QueryError } from '@simashe/web-ui';
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { attributionBetween, colouring, diffMarks, diffSummary, inTimeOrder, newestVersion, summaryText, versionLabel, type Attribution, type CompareSide, type Colouring } from './compare-logic';
import { DiffView } from './diff-view';
import { useVersionContent } from './queries';

/**
 * The live text, read once when the comparison opens (comparing against text that moves while one reads would
 * shift the marks); `stale` once anyone has typed since, and `refresh` reads it again.
 */
function useLiveSnapshot(doc: Y.Doc | null) {
  const read = useCallback(() => (doc ? yDocToProsemirrorJSON(doc, REPORT_DOCUMENT_FIELD) : null), [doc]);
  const [snapshot, setSnapshot] = useState(read);
  const [stale, setStale] = useState(false);
  useEffect(() => {
    if (!doc) return;
    const changed = () => setStale(true);
    doc.on('update', changed);
    return () => doc.off('update', changed);
  }, [doc]);
  const refresh = () => {
    setSnapshot(read());
    setStale(false);
  };
  return { snapshot, stale, refresh };
}

function AttributionNote({ attribution, colours }: { attribution: Attribution; colours: Colouring }) {
  const { t, i18n } = useTranslation();
  if (colours.kind === 'author') {
    return (
      <p className="diff-attribution">
        <span className="swatch" style={{ backgroundColor: colours.colour }} aria-hidden="true" /> {t('history.compare.byOne', { name: isolate(colours.name) })}
      </p>
    );
  }
  const people = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    attribution.contributors.map((person) => t('history.compare.contributor', { name: isolate(person.name), count: person.changes })),
  );
  return (
    <p className="diff-attribution">
      {attribution.contributors.length > 0 ? `${t('history.compare.people', { names: people })} ${t('history.compare.notPerChange')}` : t('history.compare.nobody')}
      {attribution.unrecorded && <> {t('history.compare.unrecorded')}</>}
    </p>
  );
}

export interface VersionComparisonProps {
  reportId: string;
  versions: Version[];
  /** The version the comparison was opened from, and what it is compared with (in either order). */
  from: string;
  against: CompareSide;
  /** The live document once it has synced; null where the current text cannot be read here. */
  currentDoc: Y.Doc | null;
  onClose: () => void;
}

/** Two versions of a report, or a version and the current text, with additions and removals marked. */
export function VersionComparison({ reportId, versions, from, against, currentDoc, onClose }: VersionComparisonProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useDateFormatter(user.timeZone);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const order = useMemo(() => inTimeOrder(versions, from, against), [versions, from, against]);
  const toCurrent = order?.newer === 'current';
  const newest = newestVersion(versions);
  const older = useVersionContent(reportId, order?.older.id ?? null);
  const newer = useVersionContent(reportId, order && order.newer !== 'current' ? order.newer.id : null);
  // Compared with the current text: whether it still equals the newest version says if any edit is unattributed.
  const newestContent = useVersionContent(reportId, toCurrent ? (newest?.id ?? null) : null);
  const live = useLiveSnapshot(toCurrent ? currentDoc : null);

  // Keyboard and screen-reader users land on what they opened.
  useEffect(() => heading.current?.focus(), []);

  const newerJson = toCurrent ? live.snapshot : newer.data?.content;
  const ready = !!older.data && !!newerJson && (!toCurrent || !!newestContent.data);
  const result = useMemo(() => {
    if (!ready || !order) return null;
    const attribution = attributionBetween(versions, order.older, order.newer, !toCurrent || sameDocument(newestContent.data!.content, newerJson));
    const colours = colouring(attribution);
    const diff = diffDocuments(older.data!.content, newerJson, colours.kind === 'author' ? { author: { colour: colours.colour } } : {});
    return { attribution, colours, diff, marks: diffMarks(diff.doc, diff.changes), summary: diffSummary(diff) };
  }, [ready, order, versions, toCurrent, newestContent.data, newerJson, older.data]);

  const name = (side: Version | 'current') =>
    side === 'current'
      ? t('history.compare.current')
      : t('history.compare.versionName', { name: isolate(versionLabel(side, t)), date: format(side.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) });
  const failed = [older, newer, newestContent].find((query) => query.isError);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <section
      className="diff-view"
      aria-labelledby={headingId}
      onKeyDown={closeOnEscape}
      style={{
        ['--diff-added-label' as string]: JSON.stringify(t('history.compare.addedMarker')),
        ['--diff-removed-label' as string]: JSON.stringify(t('history.compare.removedMarker')),
      }}
    >
      <div className="diff-head">
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          {order ? t('history.compare.title', { from: name(order.older), to: name(order.newer) }) : t('history.compare.titleUnknown')}
        </h3>
        <Button variant="secondary" onClick={onClose}>
          {t('history.compare.close')}
        </Button>
      </div>
      {!order ? (
        <EmptyState>{t('history.compare.versionGone')}</EmptyState>
      ) : failed?.error ? (
        <QueryError error={failed.error} onRetry={() => void failed.refetch()} />
      ) : toCurrent && !currentDoc ? (
        <Alert kind="info">{t('history.compare.currentUnavailable')}</Alert>
      ) : !result ? (
        <LoadingState label={t('history.compare.loading')} />
      ) : (
        <>
          {toCurrent && live.stale && (
            <div className="diff-stale" role="status">
              {t('history.compare.stale')}{' '}
              <Button variant="secondary" onClick={live.refresh}>
                {t('history.compare.refresh')}
              </Button>
            </div>
          )}
          {result.summary.kind === 'identical' ? (
            <EmptyState>{t('history.compare.identical')}</EmptyState>
          ) : result.summary.kind === 'formattingOnly' ? (
            <EmptyState>{t('history.compare.formattingOnly')}</EmptyState>
          ) : (
            <>
              <p className="diff-summary" role="status">
                {summaryText(result.summary, t)}
              </p>
              <ul className="diff-legend" aria-label={t('history.compare.legend')}>
                <li>
                  <ins className="diff-ins" style={result.colours.kind === 'author' ? { ['--diff-colour' as string]: result.colours.colour } : undefined}>
                    {t('history.compare.added')}
                  </ins>
                </li>
                <li>
                  <del className="diff-del" style={result.colours.kind === 'author' ? { ['--diff-colour' as string]: result.colours.colour } : undefined}>
                    {t('history.compare.removed')}
                  </del>
                </li>
              </ul>
              <AttributionNote attribution={result.attribution} colours={result.colours} />
              <p className="muted diff-note">{t('history.compare.formattingNotMarked')}</p>
              <DiffView
                doc={result.diff.doc}
                marks={result.marks}
                label={t('history.compare.textLabel', { from: name(order.older), to: name(order.newer) })}
                removedObject={t('history.compare.removedObject')}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
