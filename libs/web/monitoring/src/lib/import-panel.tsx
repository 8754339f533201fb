import type { Dataset, DatasetImportResult } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { useFormatters } from '@simashe/web-i18n';
import { Alert, Button, Card } from '@simashe/web-ui';
import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { checkFile, problemText, uploadErrorKey } from './monitoring-logic';
import { useImportFile, type UploadPhase } from './queries';

/**
 * The one-line outcome of an upload, focused when it appears so keyboard and screen-reader users land on it (the
 * button they pressed stays where it was). The alert inside keeps its status or alert role.
 */
function ResultSummary({ summaryRef, children }: { summaryRef: RefObject<HTMLDivElement | null>; children: ReactNode }) {
  return (
    <div ref={summaryRef} tabIndex={-1} className="import-summary">
      {children}
    </div>
  );
}

function ImportReport({ result, summaryRef }: { result: DatasetImportResult; summaryRef: RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  if (result.saved) {
    return (
      <ResultSummary summaryRef={summaryRef}>
        <Alert kind="success">{t('monitoring.import.saved', { count: result.rows, rows: format.number(result.rows), version: format.number(result.version ?? 0) })}</Alert>
      </ResultSummary>
    );
  }
  if (result.problemCount === 0) {
    return (
      <ResultSummary summaryRef={summaryRef}>
        <Alert kind="success">{t('monitoring.import.checked', { count: result.rows, rows: format.number(result.rows) })}</Alert>
      </ResultSummary>
    );
  }
  return (
    <>
      <ResultSummary summaryRef={summaryRef}>
        <Alert kind="error">
          {t('monitoring.import.failed', { count: result.problemCount, problems: format.number(result.problemCount) })}
          {result.problems.length < result.problemCount && <> {t('monitoring.import.listed', { shown: format.number(result.problems.length) })}</>}
        </Alert>
      </ResultSummary>
      <div className="table-scroll problem-table" role="region" aria-label={t('monitoring.import.report')} tabIndex={0}>
        <table className="data-table">
          <caption className="visually-hidden">{t('monitoring.import.report')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitoring.import.line')}</th>
              <th scope="col">{t('monitoring.import.column')}</th>
              <th scope="col">{t('monitoring.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {result.problems.map((problem, index) => (
              <tr key={index}>
                <td className="numeric">{problem.line > 0 ? format.number(problem.line, { useGrouping: false }) : t('monitoring.import.wholeFile')}</td>
                <td>{problem.column && <code dir="ltr">{problem.column}</code>}</td>
                <td dir="auto">{problemText(t, problem)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Upload of a new version: choose or drop a file, watch it go up, then read the validation report. */
export function ImportPanel({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [phase, setPhase] = useState<UploadPhase>({ kind: 'idle' });
  const upload = useImportFile(dataset.id, setPhase);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (upload.data || upload.error) summary.current?.focus();
  }, [upload.data, upload.error]);
  if (!dataset.permissions.write) return <Alert kind="info">{t('monitoring.import.noWrite')}</Alert>;

  const fileCheck = file ? checkFile(file) : null;
  const choose = (chosen: File | null) => {
    setFile(chosen);
    upload.reset();
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file && fileCheck === 'ok') upload.mutate({ file, dryRun });
  };
  // Units through Intl too ("9,1 ko" in French, Arabic digits and unit in Arabic).
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? format.number(bytes / 1024, { maximumFractionDigits: 1, style: 'unit', unit: 'kilobyte' })
      : format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1, style: 'unit', unit: 'megabyte' });

  return (
    <Card title={t('monitoring.import.title')} headingLevel={3}>
      <p>{t('monitoring.import.help')}</p>
      <form onSubmit={submit} noValidate>
        <div
          className={`drop-zone ${dragging ? 'drop-zone-active' : ''}`}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label htmlFor={inputId}>{t('monitoring.import.file')}</label>
          <input id={inputId} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => choose(event.target.files?.[0] ?? null)} />
          <p className="muted">{t('monitoring.import.drop')}</p>
          {file && (
            <p>
              <bdi>{t('monitoring.import.selected', { name: file.name, size: size(file.size) })}</bdi>
            </p>
          )}
          {fileCheck === 'wrongType' && <Alert kind="error">{t('monitoring.import.wrongType')}</Alert>}
          {fileCheck === 'tooBig' && <Alert kind="error">{t('monitoring.import.tooBig')}</Alert>}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} /> {t('monitoring.import.checkOnly')}
        </label>
        <div className="button-row">
          <Button type="submit" busy={upload.isPending} disabled={fileCheck !== 'ok'}>
            {t('monitoring.import.upload')}
          </Button>
        </div>
      </form>
      <div aria-live="polite" className="upload-status">
        {phase.kind === 'sending' && (
          <>
            <progress max={100} value={Math.round(phase.share * 100)} aria-label={t('monitoring.import.uploading', { percent: '' })} />{' '}
            {t('monitoring.import.uploading', { percent: format.number(phase.share, { style: 'percent' }) })}
          </>
        )}
        {phase.kind === 'checking' && <span>{t('monitoring.import.checking')}</span>}
      </div>
      {upload.isError && (
        <ResultSummary summaryRef={summary}>
          <Alert kind="error">{t(uploadErrorKey(upload.error instanceof ApiError ? upload.error.status : 0), { message: upload.error.message })}</Alert>
        </ResultSummary>
      )}
      {upload.data && <ImportReport result={upload.data} summaryRef={summary} />}
    </Card>
  );
}
