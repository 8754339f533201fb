import { AUDIT_ACTIONS, type AuditEntry } from '@simashe/contracts';
import { initI18n, loadCatalogue } from '@simashe/web-i18n';
import {
  actionLabelKey,
  auditQuery,
  csvHref,
  currentCursor,
  describeEntry,
  filtersFromParams,
  firstPage,
  newerPage,
  olderPage,
  pageNumber,
  paramsFromFilters,
  type Translate,
} from './audit-logic';

const KENYA = '7d9e4c1a-2b3f-4a5e-8c6d-0e1f2a3b4c5d';

// The real catalogues through i18next, so plural forms and placeholders are checked as the app renders them.
let i18n: Awaited<ReturnType<typeof initI18n>>;
const fixed = (language: string) => i18n.getFixedT(language) as unknown as Translate;
let t: Translate;
let ar: Translate;
beforeAll(async () => {
  jest.spyOn(console, 'info').mockImplementation(() => undefined); // i18next's greeting
  i18n = await initI18n();
  await Promise.all((['fr', 'es', 'ar'] as const).map((language) => loadCatalogue(language)));
  await i18n.changeLanguage('en');
  t = fixed('en');
  ar = fixed('ar');
});

/** The sentence as read aloud: without the invisible direction isolates around names and titles. */
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');

const entry = (action: AuditEntry['action'], rest: Partial<AuditEntry> = {}): AuditEntry => ({
  id: '00000000-0000-4000-8000-000000000001',
  occurredAt: '2026-03-01T09:30:00.000Z',
  action,
  actor: { userId: '00000000-0000-4000-8000-000000000002', name: 'Amina Wanjiru', email: 'amina@example.org' },
  ip: '203.0.113.1',
  userAgent: null,
  organisation: { id: KENYA, name: 'Kenya pathfinder' },
  target: null,
  details: {},
  ...rest,
});

describe('audit filters in the address', () => {
  it('read back what they wrote, and drop anything malformed', () => {
    const filters = { organisationId: KENYA, action: 'report.submitted' as const, actor: 'amina', from: '2026-01-01', to: '2026-01-31' };
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
    expect(filtersFromParams(new URLSearchParams('organisationId=kenya&action=report.deleted&from=yesterday&to=2026-13&actor=%20%20'))).toEqual({
      organisationId: undefined, action: undefined, actor: undefined, from: undefined, to: undefined,
    });
    expect(paramsFromFilters({ actor: '  ', action: undefined }).toString()).toBe('');
  });

  it('send the reader’s time zone only with days, and page by cursor', () => {
    expect(auditQuery({ action: 'auth.signed_in' }, 'Africa/Nairobi')).toBe('?action=auth.signed_in');
    expect(auditQuery({ from: '2026-03-01' }, 'Africa/Nairobi', { cursor: 'abc', limit: 50 })).toBe('?from=2026-03-01&timeZone=Africa%2FNairobi&cursor=abc&limit=50');
    expect(csvHref({ organisationId: KENYA, to: '2026-03-31' }, 'UTC')).toBe(`/api/audit.csv?organisationId=${KENYA}&to=2026-03-31&timeZone=UTC`);
  });
});

describe('audit paging', () => {
  it('goes older along the server’s cursors and back newer without asking for one', () => {
    let trail = firstPage();
    expect([pageNumber(trail), currentCursor(trail)]).toEqual([1, undefined]);
    expect(newerPage(trail)).toBe(trail);
    trail = olderPage(trail, 'c1');
    trail = olderPage(trail, 'c2');
    expect([pageNumber(trail), currentCursor(trail)]).toEqual([3, 'c2']);
    expect(olderPage(trail, null)).toBe(trail); // the last page
    trail = newerPage(trail);
    expect([pageNumber(trail), currentCursor(trail)]).toEqual([2, 'c1']);
  });
});

describe('audit entries in words', () => {
  it('have a label for every action in every language, never falling back to English', () => {
    for (const action of AUDIT_ACTIONS) {
      for (const language of ['en', 'fr', 'es', 'ar']) {
        expect(typeof i18n.getResource(language, 'translation', actionLabelKey(action))).toBe('string');
      }
    }
    expect(ar(actionLabelKey('auth.sign_in_failed'))).toBe('محاولة دخول فاشلة');
  });

  it('say what happened, with translated roles and statuses', () => {
    const chloe = { type: 'user', id: '00000000-0000-4000-8000-000000000003', name: 'Chloé Mwangi' };
    expect(plain(describeEntry(entry('member.role_changed', { target: chloe, details: { from: 'viewer', to: 'editor' } }), t))).toBe('Changed the role of Chloé Mwangi from viewer to editor');
    expect(plain(describeEntry(entry('member.role_changed', { target: chloe, details: { from: 'viewer', to: 'editor' } }), ar))).toBe('غيّر دور Chloé Mwangi من قارئ إلى محرّر');
    // A Latin title inside an Arabic sentence is isolated, so its quotes and the sentence keep their order.
    const reopened = entry('report.submitted', { target: { type: 'report', id: 'r', name: 'Informe de avance, 2026' } });
    expect(describeEntry(reopened, ar)).toBe('قدّم «\u2068Informe de avance, 2026\u2069»');
    expect(plain(describeEntry(entry('member.removed', { target: chloe, details: { role: 'viewer', left: true } }), t))).toBe('Left the organisation');
    expect(plain(describeEntry(entry('member.removed', { target: { ...chloe, name: null }, details: { role: 'admin', left: false } }), t))).toBe('Removed someone (admin)');
    expect(plain(describeEntry(entry('auth.sign_in_failed', { actor: { userId: null, name: null, email: 'who@example.org' } }), t))).toBe('Wrong email or password for who@example.org');
    expect(plain(describeEntry(entry('invitation.sent', { target: { type: 'invitation', id: 'x', name: 'new@example.org' }, details: { role: 'editor', emailSent: false } }), t))).toMatch(
      /^Invited new@example.org as editor \(the invitation email could not be sent/,
    );
    expect(plain(describeEntry(entry('invitation.accepted', { details: { role: 'viewer', newAccount: true } }), t))).toBe('Created an account from the invitation and joined as viewer');
    expect(plain(describeEntry(entry('report.reopened', { target: { type: 'report', id: 'r', name: 'Report 2026' }, details: { to: 'in_review' } }), t))).toBe('Reopened “Report 2026” as in review');
  });

  it('name what was exported and how much', () => {
    const exported = (details: Record<string, unknown>, target: AuditEntry['target'] = null) => plain(describeEntry(entry('data.exported', { target, details }), t));
    expect(exported({ dataset: 'report', format: 'docx' }, { type: 'report', id: 'r', name: 'Report 2026' })).toBe('Exported “Report 2026” as DOCX');
    expect(exported({ dataset: 'lessons', format: 'xlsx', rows: 1 })).toBe('Exported 1 lesson as XLSX');
    expect(exported({ dataset: 'lessons', format: 'csv', rows: 12 })).toBe('Exported 12 lessons as CSV');
    expect(exported({ dataset: 'cycles_dashboard', format: 'pdf', rows: 5 })).toBe('Exported the cycles dashboard as PDF');
    expect(exported({ dataset: 'audit_log', format: 'csv', rows: 40 })).toBe('Exported 40 audit entries as CSV');
    const download = entry('file.downloaded', { target: { type: 'file', id: 'f', name: 'minutes.pdf' }, details: { parentType: 'lesson', parentTitle: 'Housing' } });
    expect(plain(describeEntry(download, t))).toBe('Downloaded “minutes.pdf” from the lesson “Housing”');
  });
});
