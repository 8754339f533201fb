import { useTranslation } from 'react-i18next';

const FORMATS = ['md', 'html', 'docx', 'pdf'] as const;

/** Plain links: the browser downloads with the session cookie, no script needed. */
export function ExportLinks({ reportId, versionId }: { reportId: string; versionId?: string }) {
  const { t } = useTranslation();
  const href = (format: string) => `/api/reports/${reportId}/export?format=${format}${versionId ? `&versionId=${versionId}` : ''}`;
  return (
    <p className="export-links">
      {t('export.label')}:{' '}
      {FORMATS.map((format, index) => (
        <span key={format}>
          {index > 0 && ' · '}
          <a href={href(format)} download>
            {t(`export.${format}`)}
          </a>
        </span>
      ))}
    </p>
  );
}
