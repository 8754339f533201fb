import type { Resource } from '@simashe/contracts';
import { formatDate, useLanguage, LANGUAGE_NAMES } from '@simashe/web-i18n';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ResourceActions } from './resource-card';
import { formatFileSize } from './resources-logic';
import type { Audience } from './queries';

/**
 * A resource's page body, the same signed in and signed out; `tools` are the editor's buttons. `timeZone` is the
 * person's own when signed in, the browser's otherwise.
 */
export function ResourceDetail({ resource, audience, timeZone, tools }: { resource: Resource; audience: Audience; timeZone: string; tools?: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <article className="resource-detail">
      <p>
        <span className={`badge resource-kind-${resource.kind}`}>{t(`resources.kinds.${resource.kind}`)}</span>{' '}
        <span className="badge badge-sector">{t(`resources.topics.${resource.topic}`)}</span>
        {resource.determinant && (
          <>
            {' '}
            <span className="badge badge-level">{t(`lessons.determinant.${resource.determinant}`)}</span>
          </>
        )}
      </p>
      <h1 dir="auto" lang={resource.language}>
        {resource.title}
      </h1>
      <dl className="resource-facts">
        <div>
          <dt>{t('resources.organisation')}</dt>
          <dd>
            <bdi>{resource.organisationName}</bdi>
          </dd>
        </div>
        {resource.authors.length > 0 && (
          <div>
            <dt>{t('resources.authors')}</dt>
            <dd>
              {resource.authors.map((author, index) => (
                <span key={index}>
                  {index > 0 && ', '}
                  <bdi>{author}</bdi>
                </span>
              ))}
            </dd>
          </div>
        )}
        {resource.year !== null && (
          <div>
            <dt>{t('resources.year')}</dt>
            <dd>{resource.year}</dd>
          </div>
        )}
        <div>
          <dt>{t('resources.language')}</dt>
          <dd>{LANGUAGE_NAMES[resource.language]}</dd>
        </div>
        {resource.regionCode && (
          <div>
            <dt>{t('resources.region')}</dt>
            <dd>{t(`resources.regions.${resource.regionCode}`, { defaultValue: resource.regionCode })}</dd>
          </div>
        )}
        {audience === 'member' && (
          <div>
            <dt>{t('resources.visibility')}</dt>
            <dd>{t(`resources.visibilities.${resource.visibility}`)}</dd>
          </div>
        )}
        <div>
          <dt>{t('resources.updated')}</dt>
          <dd>{formatDate(resource.updatedAt, language, timeZone)}</dd>
        </div>
      </dl>
      {resource.summary && (
        <section className="resource-section" aria-labelledby="resource-summary">
          <h2 id="resource-summary">{t('resources.summary')}</h2>
          <p className="post-text" dir="auto" lang={resource.language}>
            {resource.summary}
          </p>
        </section>
      )}
      {(resource.file || resource.url) && (
        <section className="resource-section" aria-labelledby="resource-access">
          <h2 id="resource-access">{t('resources.access')}</h2>
          {resource.file && (
            <p>
              <bdi>{resource.file.name}</bdi> <span className="muted">({formatFileSize(resource.file.size, language)})</span>
            </p>
          )}
          {resource.url && (
            <p>
              <span dir="ltr" className="resource-url">
                {resource.url}
              </span>
            </p>
          )}
          <div className="button-row">
            <ResourceActions resource={resource} audience={audience} />
          </div>
        </section>
      )}
      {tools}
    </article>
  );
}
