import { DocumentStore } from '@simashe/api-collaboration';
import { bootTestApp, collabClient, createOrganisation, eventually, signedInMember, type TestApp } from '@simashe/api-testing';
import type { CollabProvider } from '@simashe/collab-client';
import { REPORT_DOCUMENT_FIELD, type DocumentRef } from '@simashe/contracts';
import { reportSchema } from '@simashe/editor';
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { ReportsModule } from './reports.module';

/** Small deterministic PRNG (mulberry32) so a failing run can be replayed with the same seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (max: number) => Math.floor(next() * max), pick: <T>(items: T[]) => items[Math.floor(next() * items.length)] };
}

const SEED = Number(process.env['CONVERGENCE_SEED'] ?? 20261123);
const CLIENTS = 8;
const OPERATIONS = 400;

function textNodes(doc: Y.Doc): Y.XmlText[] {
  const result: Y.XmlText[] = [];
  for (const block of doc.getXmlFragment(REPORT_DOCUMENT_FIELD).toArray()) {
    if (block instanceof Y.XmlElement && (block.nodeName === 'paragraph' || block.nodeName === 'heading')) {
      for (const child of block.toArray()) if (child instanceof Y.XmlText) result.push(child);
    }
  }
  return result;
}

/** The text as a person sees it (an embed counts as one position). */
function plain(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC')).join('');
}

/**
 * A position as an editor gives it: never between the two halves of a character outside the Basic Multilingual
 * Plane (👍). Yjs would split the pair there, and each half, alone, travels as U+FFFD: the editor that made the
 * change would keep "👍" and everyone else get "��" (a client-side artefact of random positions, not of the server).
 */
function atCharacter(text: Y.XmlText, index: number): number {
  const code = plain(text).charCodeAt(index - 1);
  return index > 0 && index < text.length && code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}

describe(`convergence under random concurrent edits (seed ${SEED})`, () => {
  let t: TestApp;
  const providers: CollabProvider[] = [];

  beforeAll(async () => {
    t = await bootTestApp([ReportsModule], {}, { listen: true });
  });
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await t.close();
  });

  it('leaves every client and the stored document identical', async () => {
    const rng = random(SEED);
    const organisation = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN' });
    const editors = await Promise.all(Array.from({ length: CLIENTS }, () => signedInMember(t, organisation.id, 'editor')));
    const templates = (await editors[0].get('/api/report-templates')).body.items as Array<{ id: string; name: string }>;
    const report = await editors[0].post('/api/reports', {
      organisationId: organisation.id,
      title: 'Fuzzed report',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      templateId: templates.find((x) => x.name === 'SIMASHE progress report')!.id,
    });
    const ref: DocumentRef = { kind: 'report', documentId: report.body.id };
    for (const editor of editors) providers.push(collabClient(t.baseUrl, editor.cookie, ref));
    await Promise.all(providers.map((p) => p.whenSynced()));

    const counts = { insert: 0, delete: 0, format: 0, paragraph: 0, disconnect: 0, reconnect: 0 };
    for (let op = 0; op < OPERATIONS; op++) {
      const provider = rng.pick(providers);
      const online = provider.socket.connected;
      const roll = rng.next();
      if (!online && roll < 0.3) {
        provider.connect();
        counts.reconnect++;
      } else if (online && roll < 0.04) {
        provider.disconnect();
        counts.disconnect++;
      } else {
        const nodes = textNodes(provider.doc);
        const target = rng.pick(nodes);
        const action = rng.next();
        const range = (longest: number) => {
          const start = atCharacter(target, rng.int(target.length));
          const end = atCharacter(target, Math.min(start + 1 + rng.int(longest), target.length));
          return [start, Math.max(0, end - start)] as const;
        };
        if (action < 0.5 || target.length === 0) {
          target.insert(atCharacter(target, rng.int(target.length + 1)), rng.pick(['equity ', 'data ', 'Nairobi ', 'é ', 'سلام ', '👍 ', 'x']));
          counts.insert++;
        } else if (action < 0.75) {
          const [index, length] = range(6);
          target.delete(index, length);
          counts.delete++;
        } else if (action < 0.92) {
          const [index, length] = range(8);
          target.format(index, length, { [rng.pick(['bold', 'italic', 'underline'])]: {} });
          counts.format++;
        } else {
          const fragment = provider.doc.getXmlFragment(REPORT_DOCUMENT_FIELD);
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(`new paragraph ${op}`)]);
          fragment.insert(rng.int(fragment.length + 1), [paragraph]);
          counts.paragraph++;
        }
      }
      if (rng.next() < 0.2) await new Promise((resolve) => setTimeout(resolve, rng.int(5)));
    }

    for (const provider of providers) if (!provider.socket.connected) provider.connect();
    await Promise.all(providers.map((p) => p.whenSaved()));
    const reference = () => JSON.stringify(providers[0].doc.getXmlFragment(REPORT_DOCUMENT_FIELD).toJSON());
    await eventually(
      () => providers.every((p) => JSON.stringify(p.doc.getXmlFragment(REPORT_DOCUMENT_FIELD).toJSON()) === reference()),
      20_000,
      'all clients to converge',
    );
    const { doc: stored } = await t.app.get(DocumentStore).load(ref.documentId);
    expect(JSON.stringify(stored.getXmlFragment(REPORT_DOCUMENT_FIELD).toJSON())).toBe(reference());
    // The converged document is still a valid report for the editor's schema.
    expect(() => reportSchema().nodeFromJSON(yDocToProsemirrorJSON(stored, REPORT_DOCUMENT_FIELD)).check()).not.toThrow();
    expect(counts.insert + counts.delete + counts.format + counts.paragraph).toBeGreaterThan(OPERATIONS * 0.8);
    expect(counts.disconnect).toBeGreaterThan(0);
  }, 120_000);
});
