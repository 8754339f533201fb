import type { Resource } from '@simashe/contracts';
import { LANGUAGE_NAMES } from '@simashe/web-i18n';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fileHref, resourceHref, type Audience } from './queries';

/** Download the file, or open the link, whichever the resource has (both when it has both). */
export function ResourceActions({ resource, audience }: { resource: Resource; audience: Audience }) {
  const { t } = useTranslation();
  return (
    <>
      {resource.file && (
        <a className="btn btn-secondary" href={fileHref(audience, resource.id)} download={resource.file.name}>
          {t('resources.download')}
          <span className="visually-hidden">
            {': '}
            <bdi>{resource.title}</bdi>
          </span>
        </a>
      )}
      {resource.url && (
        <a className="btn btn-secondary" href={resource.url} target="_blank" rel="noopener noreferrer nofollow">
          {t('resources.openLink')}
          <span className="visually-hidden">
            {': '}
            <bdi>{resource.title}</bdi>
            {` (${t('resources.newTab')})`}
          </span>
        </a>
      )}
    </>
  );
}

/** One resource in a collection row or the library: what kind it is, its title, who made it, when and in which language. */
export function ResourceCard({ resource, audience }: { resource: Resource; audience: Audience }) {
  const { t } = useTranslation();
  return (
    <article className="resource-card">
      <p className="resource-card-kind">
        <span className={`badge resource-kind-${resource.kind}`}>{t(`resources.kinds.${resource.kind}`)}</span>
      </p>
      <h3 className="resource-card-title" dir="auto" lang={resource.language}>
        <Link to={resourceHref(audience, resource.id)}>{resource.title}</Link>
      </h3>
      <p className="resource-card-meta muted">
        <bdi>{resource.organisationName}</bdi>
        {resource.year !== null && <> · {resource.year}</>} · {LANGUAGE_NAMES[resource.language]}
      </p>
      <div className="resource-card-actions">
        <ResourceActions resource={resource} audience={audience} />
      </div>
    </article>
  );
}

export function ResourceGrid({ items, audience }: { items: Resource[]; audience: Audience }) {
  return (
    <ul className="resource-grid">
      {items.map((resource) => (
        <li key={resource.id}>
          <ResourceCard resource={resource} audience={audience} />
        </li>
      ))}
    </ul>
  );
}
