import { MENTION_PATTERN } from './discussions.schema';

/** The pattern admits any 36 characters of hex and dashes; only those shaped like a UUID name anyone. */
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Mentions {
  users: string[];
  organisations: string[];
}

/**
 * The people and organisations a text mentions, written as @[Name](user:<id>) / @[Name](org:<id>): discussion
 * posts and report comments alike.
 */
export function mentionsIn(body: string): Mentions {
  const users = new Set<string>();
  const organisations = new Set<string>();
  for (const match of body.matchAll(new RegExp(MENTION_PATTERN.source, 'g'))) {
    if (UUID_SHAPE.test(match[3])) (match[2] === 'user' ? users : organisations).add(match[3]);
  }
  return { users: [...users], organisations: [...organisations] };
}

/** The text as readers see it: mentions become "@Name". */
export function readableText(body: string): string {
  return body.replace(new RegExp(MENTION_PATTERN.source, 'g'), (_, name: string) => `@${name}`);
}

/**
 * The text with each mention labelled by the name its id has now, as stored: a label is typed by the writer, so
 * "@[SIMASHE Secretariat](user:<someone's id>)" would show a made-up name on a real person. A mention whose id names
 * nobody of its kind (known: what the owners found for `mentionsIn`'s ids) is kept as plain "@label" text.
 */
export function withMentionNames(body: string, known: { users: ReadonlyMap<string, string>; organisations: ReadonlyMap<string, string> }): string {
  return body.replace(new RegExp(MENTION_PATTERN.source, 'g'), (whole: string, label: string, kind: string, id: string) => {
    const name = UUID_SHAPE.test(id) ? (kind === 'user' ? known.users : known.organisations).get(id) : undefined;
    if (name === undefined) return `@${label}`;
    // The pattern's label: no "]" or line break, at most 120 characters.
    const fitted = name.replace(/[\]\n\r]/g, ' ').slice(0, 120).trim();
    return fitted ? `@[${fitted}](${kind}:${id})` : whole;
  });
}
