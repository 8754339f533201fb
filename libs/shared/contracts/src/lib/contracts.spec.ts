import { UpdateProfileRequestSchema } from './accounts.schema';
import { PersonNameSchema } from './common.schema';
import { CalendarDateSchema, InitiativeInputSchema } from './cycles.schema';
import { driverDepth, driverDescendants, driverHeight, fitsUnder } from './driver-tree';
import { LessonInputSchema } from './lessons.schema';
import { ChangeFollowingRequestSchema, CreateMeetingRequestSchema, ListMeetingsQuerySchema, OccurrenceParamsSchema } from './meetings.schema';
import { CreateInvitationRequestSchema, CreateOrganisationRequestSchema } from './organisations.schema';
import { ApplicationInputSchema } from './membership-calls.schema';
import { CreateReportRequestSchema } from './reports.schema';
import { SearchQuerySchema } from './search.schema';

describe('shared contracts', () => {
  it('normalise emails and reject unknown roles and fields', () => {
    expect(CreateInvitationRequestSchema.parse({ email: ' New.Person@Example.ORG ', role: 'editor' })).toEqual({
      email: 'new.person@example.org',
      role: 'editor',
    });
    expect(CreateInvitationRequestSchema.safeParse({ email: 'a@b.org', role: 'owner' }).success).toBe(false);
    expect(CreateInvitationRequestSchema.safeParse({ email: 'a@b.org', role: 'viewer', admin: true }).success).toBe(false);
  });

  it('accept IANA time zones and reject made-up ones', () => {
    expect(UpdateProfileRequestSchema.safeParse({ timeZone: 'America/Sao_Paulo' }).success).toBe(true);
    const bad = UpdateProfileRequestSchema.safeParse({ timeZone: 'Mars/Olympus_Mons' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/IANA/);
    expect(UpdateProfileRequestSchema.safeParse({}).success).toBe(false);
    expect(UpdateProfileRequestSchema.safeParse({ preferredLanguage: 'de' }).success).toBe(false);
  });

  it('require a country for pathfinders and a region for regional offices', () => {
    expect(CreateOrganisationRequestSchema.safeParse({ name: 'Peru pathfinder', kind: 'country_pathfinder' }).success).toBe(false);
    expect(CreateOrganisationRequestSchema.safeParse({ name: 'Office', kind: 'who_regional_office' }).success).toBe(false);
    expect(
      CreateOrganisationRequestSchema.safeParse({ name: 'Peru pathfinder', kind: 'country_pathfinder', countryIso3: 'PER' }).success,
    ).toBe(true);
  });

  describe('names and titles', () => {
    const ORGANISATION = '7d9e4c1a-2b3f-4a5e-8c6d-0e1f2a3b4c5d';
    type Parsed = { success: boolean; data?: unknown; error?: { issues: Array<{ message: string }> } };
    const parsers: Array<[string, (value: string) => Parsed]> = [
      ['person name', (value) => PersonNameSchema.safeParse(value)],
      ['organisation name', (value) => CreateOrganisationRequestSchema.safeParse({ name: value, kind: 'secretariat' })],
      ['report title', (value) => CreateReportRequestSchema.safeParse({ organisationId: ORGANISATION, title: value, periodStart: '2026-01-01', periodEnd: '2026-03-31', templateId: ORGANISATION })],
      ['lesson title', (value) => LessonInputSchema.safeParse({ organisationId: ORGANISATION, title: value, language: 'en' })],
      ['initiative title', (value) => InitiativeInputSchema.safeParse({ organisationId: ORGANISATION, title: value, aimWhat: 'Fewer falls' })],
      [
        'meeting title',
        (value) =>
          CreateMeetingRequestSchema.safeParse({
            organiserOrganisationId: ORGANISATION,
            title: value,
            kind: 'webinar',
            localStart: '2026-03-17T14:00',
            localEnd: '2026-03-17T15:00',
            timeZone: 'Africa/Nairobi',
          }),
      ],
    ];
    const field = (result: Parsed) => result.error?.issues.map((issue) => issue.message).join('; ');
    const text = (result: Parsed) => {
      const data = result.data as string | { name?: string; title?: string };
      return typeof data === 'string' ? data : (data.title ?? data.name);
    };

    it.each(parsers)('%s: bidi embeddings, overrides and isolates are stripped', (_what, parse) => {
      const result = parse('\u202eAmina \u202aOduya\u202c \u2066Report\u2069\u202b\u202d');
      expect(result.success).toBe(true);
      expect(text(result)).toBe('Amina Oduya Report');
      // Right-to-left text and its marks stay as written.
      expect(text(parse('تقرير الصحة \u200f2026'))).toBe('تقرير الصحة \u200f2026');
    });

    it.each(parsers)('%s: only zero-width characters or only overrides is refused, naming the field', (_what, parse) => {
      const invisible = parse('\u200b\u200c\u200d\u2060\ufeff\u200b');
      expect(invisible.success).toBe(false);
      expect(field(invisible)).toMatch(/^(Name|Title) cannot be made only of invisible characters/);
      const overrides = parse(' \u202e\u2066 ');
      expect(overrides.success).toBe(false);
      expect(field(overrides)).toMatch(/^(Name|Title) (is required|must be at least)/);
      // A joiner inside real text (an emoji sequence) is kept.
      expect(text(parse('Team 👩\u200d💻 Nairobi'))).toBe('Team 👩\u200d💻 Nairobi');
    });

    it('counts the length after stripping, so overrides cannot pad a too-short title', () => {
      expect(field(LessonInputSchema.safeParse({ organisationId: ORGANISATION, title: 'a\u202e\u202eb', language: 'en' }))).toBe(
        'Title must be at least 3 characters',
      );
      expect(ChangeFollowingRequestSchema.safeParse({ localStart: '2026-03-17T14:00', localEnd: '2026-03-17T15:00', title: '\u200b' }).success).toBe(false);
    });
  });

  it('refuse local date-times that do not exist on the calendar, naming the field', () => {
    const id = '7d9e4c1a-2b3f-4a5e-8c6d-0e1f2a3b4c5d';
    expect(OccurrenceParamsSchema.safeParse({ id, occurrence: '2028-02-29T14:00' }).success).toBe(true);
    for (const occurrence of ['2027-02-30T14:00', '2026-13-01T10:00', '2026-06-31T10:00', '2026-06-01T24:00', '2026-06-01T10:60', '0000-01-01T10:00']) {
      const result = OccurrenceParamsSchema.safeParse({ id, occurrence });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['occurrence'], message: expect.stringMatching(/does not exist on the calendar/) })]);
    }
    expect(OccurrenceParamsSchema.safeParse({ id, occurrence: '2026-6-1T10:00' }).error?.issues.map((issue) => issue.message)).toEqual([
      'Use a local date and time such as 2026-03-17T14:00',
    ]);
  });

  it('keep report periods to dates PostgreSQL stores (it has no year 0000)', () => {
    const report = { organisationId: '7d9e4c1a-2b3f-4a5e-8c6d-0e1f2a3b4c5d', title: 'Q1', periodEnd: '2026-03-31', templateId: '7d9e4c1a-2b3f-4a5e-8c6d-0e1f2a3b4c5d' };
    expect(CreateReportRequestSchema.safeParse({ ...report, periodStart: '2026-01-01' }).success).toBe(true);
    const result = CreateReportRequestSchema.safeParse({ ...report, periodStart: '0000-01-01' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['periodStart'], message: 'Use a date between 1900 and 2200' })]);
  });
});

describe('dates', () => {
  const messages = (result: { error?: { issues: Array<{ message: string }> } }) => result.error?.issues.map((issue) => issue.message) ?? [];

  it('say whether a date does not exist or lies outside the years stored, one message each', () => {
    expect(messages(CalendarDateSchema.safeParse('2026-11-30'))).toEqual([]);
    expect(messages(CalendarDateSchema.safeParse('2027-02-30'))).toEqual(['This date does not exist on the calendar']);
    expect(messages(CalendarDateSchema.safeParse('9999-12-31'))).toEqual(['Use a date between 1900 and 2200']);
    expect(messages(CalendarDateSchema.safeParse('0000-01-01'))).toEqual(['Use a date between 1900 and 2200']);
  });

  it('of a calendar window run forwards (a reversed one answered an empty calendar)', () => {
    expect(messages(ListMeetingsQuerySchema.safeParse({ from: '2026-06-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }))).toEqual(['The date range must end after it starts']);
    expect(ListMeetingsQuerySchema.safeParse({ from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }).success).toBe(true);
    expect(ListMeetingsQuerySchema.safeParse({ from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }).success).toBe(true);
    // A malformed end says only what is wrong with it.
    expect(messages(ListMeetingsQuerySchema.safeParse({ from: 'soon', to: '2026-06-01T00:00:00Z' }))).toEqual(['from must be an ISO date-time']);
  });

  it('in a search keep to dates PostgreSQL reads (year 0 was a 500)', () => {
    expect(messages(SearchQuerySchema.safeParse({ from: '0000-01-01' }))).toEqual(['Use a date between 1900 and 2200']);
    expect(messages(SearchQuerySchema.safeParse({ to: '0000-12-31' }))).toEqual(['Use a date between 1900 and 2200']);
    expect(messages(SearchQuerySchema.safeParse({ from: '2026-02-30' }))).toEqual(['Not a real date']);
    expect(SearchQuerySchema.safeParse({ from: '2026-01-01', to: '2026-12-31' }).success).toBe(true);
  });
});

describe('the public membership application', () => {
  it('asks for a country as the applicant sees it, not as an ISO code', () => {
    const result = ApplicationInputSchema.safeParse({ countryIso3: '' });
    expect(result.error?.issues.find((issue) => issue.path[0] === 'countryIso3')?.message).toBe('Choose a country');
  });
});

describe('driver diagram shape', () => {
  // a ── a1 ── a1x ;  b
  const nodes = [
    { id: 'a', parentId: null },
    { id: 'a1', parentId: 'a' },
    { id: 'a1x', parentId: 'a1' },
    { id: 'b', parentId: null },
  ];
  it('measures depth, height and descendants', () => {
    expect(driverDepth(nodes, 'a1x')).toBe(2);
    expect(driverHeight(nodes, 'a')).toBe(2);
    expect([...driverDescendants(nodes, 'a')].sort()).toEqual(['a1', 'a1x']);
  });
  it('keeps three levels and no loops', () => {
    expect(fitsUnder(nodes, 'b', 'a1')).toBe(true);
    expect(fitsUnder(nodes, 'a', 'b')).toBe(false); // a's idea would become a fourth level
    expect(fitsUnder(nodes, 'a', 'a1x')).toBe(false); // under its own idea
    expect(fitsUnder(nodes, 'a1', null)).toBe(true);
  });
});
