import { PUBLICATION_KINDS, type Publication, type PublicationKind } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { canWriteIn, useDirectory, useOrganisations } from '@simashe/web-organisations';
import { Alert, Button, Card, ConfirmDialog, SelectField, TextAreaField, TextField, useFocusFirstInvalid } from '@simashe/web-ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { LinkPicker } from './link-picker';
import {
  addAuthor,
  addLink,
  authorName,
  draftFromPublication,
  emptyDraft,
  linkKey,
  MAX_AUTHORS,
  MAX_LINKS,
  moveAuthor,
  publicationInput,
  removeAuthor,
  removeLink,
  updateAuthor,
  type AuthorDraft,
  type PublicationDraft,
} from './publications-logic';
import { useCreatePublication, useDeletePublication, useUpdatePublication } from './queries';

let nextKey = 0;
/** Author rows need an identity that survives moves (React keys, the focus after a move). */
const newKey = () => `author-${++nextKey}`;

type FocusAfter = { key: string; action: 'up' | 'down' | 'remove' | 'add' } | null;

/** The authors in order: each row its names, affiliation and workspace organisation, and buttons to move or remove it. */
function AuthorsFieldset({ authors, onChange, error }: { authors: AuthorDraft[]; onChange: (authors: AuthorDraft[]) => void; error?: ApiError | null }) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const rows = useRef<HTMLOListElement>(null);
  const focusAfter = useRef<FocusAfter>(null);
  const [announcement, setAnnouncement] = useState('');
  const organisations = [
    { value: '', label: t('publications.authors.noOrganisation') },
    ...[...(directory.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name)).map((organisation) => ({ value: organisation.id, label: organisation.name })),
  ];
  // Marks the controls the focus may move to; ids are the fields' own (their labels point at them).
  const focusMark = (key: string, action: string) => `${key}-${action}`;

  // After a move the focus follows the author (on the same button, or the other one at either end); after a removal
  // it goes to the row that took its place; after an addition, to the new row's first field.
  useEffect(() => {
    if (!focusAfter.current) return;
    const { key, action } = focusAfter.current;
    focusAfter.current = null;
    const candidates = action === 'add' ? [`${key}-given`] : action === 'remove' ? [`${key}-remove`] : [`${key}-${action}`, `${key}-${action === 'up' ? 'down' : 'up'}`, `${key}-remove`];
    const marked = [...(rows.current?.querySelectorAll<HTMLButtonElement | HTMLInputElement>('[data-focus]') ?? [])];
    for (const candidate of candidates) {
      const element = marked.find((control) => control.dataset['focus'] === candidate);
      if (element && !element.disabled) {
        element.focus();
        break;
      }
    }
  }, [authors]);

  const move = (index: number, by: -1 | 1) => {
    const author = authors[index];
    onChange(moveAuthor(authors, index, by));
    focusAfter.current = { key: author.key, action: by === -1 ? 'up' : 'down' };
    setAnnouncement(t('publications.authors.moved', { name: authorName(author) || t('publications.authors.unnamed'), number: index + by + 1 }));
  };
  const remove = (index: number) => {
    const next = removeAuthor(authors, index, newKey());
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    focusAfter.current = { key: neighbour.key, action: 'remove' };
  };
  const add = () => {
    const next = addAuthor(authors, newKey());
    onChange(next);
    focusAfter.current = { key: next[next.length - 1].key, action: 'add' };
  };
  const field = (index: number, name: string) => error?.fieldError(`authors.${index}.${name}`);
  const listError = error?.fieldError('authors');

  return (
    <fieldset className={`publication-authors ${listError ? 'field-invalid' : ''}`}>
      <legend>{t('publications.authors.legend')}</legend>
      <p className="field-hint">{t('publications.authors.hint')}</p>
      <ol ref={rows} className="publication-author-rows">
        {authors.map((author, index) => (
          <li key={author.key}>
            <fieldset className="publication-author">
              <legend>{t('publications.authors.row', { number: index + 1 })}</legend>
              <div className="form-row">
                <TextField
                  data-focus={focusMark(author.key, 'given')}
                  label={t('publications.authors.givenName')}
                  value={author.givenName}
                  maxLength={120}
                  dir="auto"
                  autoComplete="off"
                  onChange={(e) => onChange(updateAuthor(authors, index, { givenName: e.target.value }))}
                  error={field(index, 'givenName')}
                />
                <TextField
                  label={t('publications.authors.familyName')}
                  value={author.familyName}
                  maxLength={120}
                  dir="auto"
                  autoComplete="off"
                  required
                  onChange={(e) => onChange(updateAuthor(authors, index, { familyName: e.target.value }))}
                  error={field(index, 'familyName') ?? error?.fieldError(`authors.${index}`)}
                />
              </div>
              <div className="form-row">
                <TextField
                  label={t('publications.authors.affiliation')}
                  value={author.affiliation}
                  maxLength={300}
                  dir="auto"
                  onChange={(e) => onChange(updateAuthor(authors, index, { affiliation: e.target.value }))}
                  error={field(index, 'affiliation')}
                />
                <SelectField
                  label={t('publications.authors.organisation')}
                  value={author.organisationId}
                  dir="auto"
                  onChange={(e) => onChange(updateAuthor(authors, index, { organisationId: e.target.value }))}
                  options={organisations}
                  error={field(index, 'organisationId')}
                />
              </div>
              <div className="button-row publication-author-tools">
                <Button data-focus={focusMark(author.key, 'up')} variant="secondary" disabled={index === 0} onClick={() => move(index, -1)}>
                  {t('publications.authors.up', { number: index + 1 })}
                </Button>
                <Button data-focus={focusMark(author.key, 'down')} variant="secondary" disabled={index === authors.length - 1} onClick={() => move(index, 1)}>
                  {t('publications.authors.down', { number: index + 1 })}
                </Button>
                <Button data-focus={focusMark(author.key, 'remove')} variant="secondary" disabled={authors.length === 1} onClick={() => remove(index)}>
                  {t('publications.authors.remove', { number: index + 1 })}
                </Button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {listError && <p className="field-error">{listError}</p>}
      {authors.length < MAX_AUTHORS && (
        <Button variant="secondary" onClick={add}>
          {t('publications.authors.add')}
        </Button>
      )}
    </fieldset>
  );
}

/** The linked items, each removable, and the picker to add one. */
function LinksFieldset({ links, onChange, error }: { links: PublicationDraft['links']; onChange: (links: PublicationDraft['links']) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className={`publication-links-field ${error ? 'field-invalid' : ''}`}>
      <legend>{t('publications.links.legend')}</legend>
      <p className="field-hint">{t('publications.links.hint')}</p>
      {links.length === 0 ? (
        <p className="muted">{t('publications.links.none')}</p>
      ) : (
        <ul className="publication-link-rows">
          {links.map((link) => {
            const title = link.title ?? t('publications.links.unreadable');
            return (
              <li key={linkKey(link)}>
                <span className="badge">{t(`publications.links.kinds.${link.kind}`)}</span> <bdi className={link.title ? undefined : 'muted'}>{title}</bdi>{' '}
                <Button variant="link" aria-label={t('publications.links.remove', { title })} onClick={() => onChange(removeLink(links, link))}>
                  {t('common.remove')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {error && <p className="field-error">{error}</p>}
      {links.length >= MAX_LINKS ? <p className="muted">{t('publications.links.full', { max: MAX_LINKS })}</p> : <LinkPicker linked={links} onAdd={(link) => onChange(addLink(links, link))} />}
    </fieldset>
  );
}

/**
 * Creating or editing a publication: the whole of it is sent on save (authors in order, links). When creating, the
 * lead organisation is one where the person is an editor or admin. Deleting (lead organisation's admins) asks first.
 */
export function PublicationForm({ publication }: { publication?: Publication }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const organisations = useOrganisations();
  const writable = (organisations.data?.items ?? []).filter(canWriteIn);
  const [draft, setDraft] = useState<PublicationDraft>(() => (publication ? draftFromPublication(publication, newKey) : emptyDraft('', newKey())));
  const [attempt, setAttempt] = useState(0);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const create = useCreatePublication();
  const update = useUpdatePublication(publication?.id ?? '');
  const remove = useDeletePublication(publication?.id ?? '');
  const save = publication ? update : create;
  const apiError = save.error instanceof ApiError ? save.error : null;
  const organisationId = draft.organisationId || writable[0]?.id || '';
  const set = <K extends keyof PublicationDraft>(key: K) => (value: PublicationDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  useFocusFirstInvalid(form, attempt, save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const input = publicationInput({ ...draft, organisationId });
    save.mutate(input, {
      onSuccess: (saved) => navigate(`/publications/${saved.id}`),
      onSettled: () => setAttempt((n) => n + 1),
    });
  };

  return (
    <Card>
      <form ref={form} className="publication-form" onSubmit={submit} noValidate>
        {save.error && <Alert kind="error">{apiError?.details.length ? t('publications.form.fixErrors') : save.error.message}</Alert>}
        {!publication && writable.length === 0 && organisations.isSuccess && <Alert kind="info">{t('publications.form.noOrganisation')}</Alert>}
        {!publication && (
          <SelectField
            label={t('publications.fields.organisation')}
            hint={t('publications.fields.organisationHint')}
            value={organisationId}
            dir="auto"
            onChange={(e) => set('organisationId')(e.target.value)}
            options={writable.map((o) => ({ value: o.id, label: o.name }))}
            error={apiError?.fieldError('organisationId')}
          />
        )}
        <SelectField
          label={t('publications.kind')}
          value={draft.kind}
          onChange={(e) => set('kind')(e.target.value as PublicationKind)}
          options={PUBLICATION_KINDS.map((kind) => ({ value: kind, label: t(`publications.kinds.${kind}`) }))}
          error={apiError?.fieldError('kind')}
        />
        <TextField label={t('publications.fields.title')} value={draft.title} maxLength={300} required dir="auto" onChange={(e) => set('title')(e.target.value)} error={apiError?.fieldError('title')} />
        <TextAreaField label={t('publications.fields.abstract')} value={draft.abstract} maxLength={5000} rows={6} onChange={(event) => set('abstract')(event.target.value)} error={apiError?.fieldError('abstract')} />
        <div className="form-row">
          <TextField label={t('publications.fields.venue')} hint={t('publications.fields.venueHint')} value={draft.venue} maxLength={300} dir="auto" onChange={(e) => set('venue')(e.target.value)} error={apiError?.fieldError('venue')} />
          <TextField
            label={t('publications.fields.year')}
            type="number"
            inputMode="numeric"
            min={1950}
            max={2100}
            step={1}
            value={draft.year}
            onChange={(e) => set('year')(e.target.value)}
            error={apiError?.fieldError('year')}
          />
        </div>
        <AuthorsFieldset authors={draft.authors} onChange={set('authors')} error={apiError} />
        <LinksFieldset links={draft.links} onChange={set('links')} error={apiError?.details.find((detail) => detail.path === 'links' || detail.path.startsWith('links.'))?.message} />
        <div className="button-row">
          <Button type="submit" busy={save.isPending} disabled={!publication && !organisationId}>
            {publication ? t('common.save') : t('publications.form.create')}
          </Button>
          <Link className="btn btn-secondary" to={publication ? `/publications/${publication.id}` : '/publications'}>
            {t('common.cancel')}
          </Link>
          {publication?.canDelete && (
            <Button variant="danger" onClick={() => setConfirmingDelete(true)}>
              {t('publications.delete.button')}
            </Button>
          )}
        </div>
      </form>
      {publication?.canDelete && (
        <ConfirmDialog
          open={confirmingDelete}
          danger
          title={t('publications.delete.title')}
          message={<p>{t('publications.delete.body', { title: publication.title })}</p>}
          confirmLabel={t('publications.delete.button')}
          busy={remove.isPending}
          error={remove.error && <Alert kind="error">{remove.error.message}</Alert>}
          onCancel={() => {
            setConfirmingDelete(false);
            remove.reset();
          }}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/publications', { replace: true }) })}
        />
      )}
    </Card>
  );
}
