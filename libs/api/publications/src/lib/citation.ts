import type { Publication, PublicationKind } from '@simashe/contracts';

/** BibTeX entry types and RIS reference types, by kind of output. */
const BIBTEX_TYPE: Record<PublicationKind, string> = { article: 'article', conference_abstract: 'inproceedings', brief: 'techreport' };
const RIS_TYPE: Record<PublicationKind, string> = { article: 'JOUR', conference_abstract: 'CONF', brief: 'RPRT' };

const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  // Not \{ and \}: BibTeX counts those braces, so one unbalanced brace would end the field (or the entry) early.
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text inside a BibTeX value: control characters as spaces, and the characters TeX reads as commands escaped. */
export function bibtexText(value: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what this replaces
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/[\\{}&%$#_~^]/g, (c) => TEX_SPECIALS[c]);
}

function bibtexName(name: string): string {
  return /\band\b/i.test(name) ? `{${bibtexText(name)}}` : bibtexText(name);
}

/** A citation key such as `otieno2026monitoring`: first author's family name, year and first long title word, ASCII only. */
export function citationKey(publication: Pick<Publication, 'authors' | 'year' | 'publishedAt' | 'title' | 'id'>): string {
  const ascii = (value: string) => value.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  const author = ascii(publication.authors[0]?.familyName ?? '') || 'simashe';
  const word = publication.title.split(/\s+/).map(ascii).find((candidate) => candidate.length > 3) ?? ascii(publication.id.slice(0, 8));
  return `${author}${year(publication) ?? ''}${word}`;
}

function year(publication: Pick<Publication, 'year' | 'publishedAt'>): string | null {
  return publication.year ? String(publication.year) : publication.publishedAt ? publication.publishedAt.slice(0, 4) : null;
}

/** One BibTeX entry: authors as "Family, Given" joined with "and", the venue in the field its type reads. */
export function toBibtex(publication: Publication): string {
  const fields: Array<[string, string | null]> = [
    // A name without a given name (an institution) is braced, so BibTeX does not split it.
    // A name holding the word "and" is braced too, or BibTeX would split it into two authors.
    ['author', publication.authors.map((a) => (a.givenName ? `${bibtexName(a.familyName)}, ${bibtexName(a.givenName)}` : `{${bibtexText(a.familyName)}}`)).join(' and ') || null],
    ['title', `{${bibtexText(publication.title)}}`],
    [publication.kind === 'article' ? 'journal' : publication.kind === 'conference_abstract' ? 'booktitle' : 'institution', publication.kind === 'brief' ? bibtexText(publication.venue || publication.organisationName) : publication.venue ? bibtexText(publication.venue) : null],
    ['year', year(publication)],
    // A DOI is read verbatim by the doi field (underscores and all); it never holds braces or backslashes (DoiSchema).
    ['doi', publication.doi],
    ['abstract', publication.abstract ? bibtexText(publication.abstract) : null],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== null)
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(',\n');
  return `@${BIBTEX_TYPE[publication.kind]}{${citationKey(publication)},\n${body}\n}\n`;
}

/** One RIS record (tags of two letters, CRLF line ends, as reference managers expect). */
export function toRis(publication: Publication): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/[\r\n]+/g, ' ')}`;
  const lines = [line('TY', RIS_TYPE[publication.kind])];
  for (const author of publication.authors) lines.push(line('AU', author.givenName ? `${author.familyName}, ${author.givenName}` : author.familyName));
  lines.push(line('TI', publication.title));
  if (publication.venue) lines.push(line(publication.kind === 'conference_abstract' ? 'T2' : publication.kind === 'article' ? 'JO' : 'PB', publication.venue));
  else if (publication.kind === 'brief') lines.push(line('PB', publication.organisationName));
  const published = year(publication);
  if (published) lines.push(line('PY', published));
  if (publication.doi) lines.push(line('DO', publication.doi));
  if (publication.abstract) lines.push(line('AB', publication.abstract));
  lines.push(line('ER', ''));
  return `${lines.join('\r\n')}\r\n`;
}
