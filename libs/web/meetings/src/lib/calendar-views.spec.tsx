import type { MeetingOccurrence } from '@simashe/contracts';
import { catalogueFor } from '@simashe/web-i18n';
import i18next, { type i18n as I18n } from 'i18next';
import { DateTime } from 'luxon';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { MonthView, WeekView } from './calendar-views';

const LONG_TITLE = 'Intercountry exchange on school meals, drains and the measures each pathfinder keeps';

const meeting = (title: string, start: string, minutes = 60): MeetingOccurrence => ({
  meetingId: '00000000-0000-4000-8000-000000000000',
  occurrence: start.slice(0, 16),
  title,
  kind: 'steering_meeting',
  organiserOrganisationName: 'Secretariat',
  start,
  end: new Date(new Date(start).getTime() + minutes * 60_000).toISOString(),
  timeZone: 'UTC',
  localStart: start.slice(0, 16),
  modified: false,
  myRsvp: null,
  attended: false,
  attendees: 0,
  registration: null,
});

let i18n: I18n;
beforeAll(async () => {
  i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: await catalogueFor('en') } }, interpolation: { escapeValue: false }, showSupportNotice: false });
});

const render = (element: ReactElement) =>
  renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>{element}</MemoryRouter>
    </I18nextProvider>,
  );

const DAY = [meeting('A', '2027-03-02T08:00:00Z'), meeting('B', '2027-03-02T10:00:00Z'), meeting('C', '2027-03-02T12:00:00Z'), meeting(LONG_TITLE, '2027-03-02T14:00:00Z')];

describe('month view', () => {
  it('on a phone, shows a day’s count (a button naming the day) instead of cut titles', () => {
    const html = render(<MonthView items={DAY} anchor="2027-03-02" zone="UTC" phone onShowDay={() => undefined} />);
    expect(html).toContain('class="month-count"');
    expect(html).toMatch(/aria-label="4 meetings on [^"]*2027: show the day"/);
    expect(html).toContain(LONG_TITLE); // whole, in the tooltip
    expect(html).not.toContain('class="chip');
  });

  it('wider, lists the first meetings and "+N more"', () => {
    const html = render(<MonthView items={DAY} anchor="2027-03-02" zone="UTC" onShowDay={() => undefined} />);
    expect(html.match(/class="chip /g)).toHaveLength(3);
    expect(html).toContain('+1 more');
    expect(html).not.toContain('month-count');
  });
});

describe('week view', () => {
  it('on a phone, lists the seven days with whole titles, today named and now placed', () => {
    const today = DateTime.now().setZone('UTC').toISODate()!;
    const html = render(<WeekView items={[meeting(LONG_TITLE, `${today}T23:59:00Z`, 1)]} anchor={today} zone="UTC" phone />);
    expect(html.match(/<section [^>]*data-day=/g)).toHaveLength(7);
    expect(html.match(/aria-current="date"/g)).toHaveLength(1);
    expect(html).toMatch(/<section [^>]*aria-label="Today, [^"]+"/);
    expect(html).toContain(LONG_TITLE);
    expect(html).toContain('Now, ');
    expect(html).not.toContain('week-hours');
  });

  it('wider, is the 24-hour grid, opening at working hours or before an earlier meeting', () => {
    expect(render(<WeekView items={DAY} anchor="2027-03-02" zone="UTC" />)).toContain('data-opening-hour="7"');
    expect(render(<WeekView items={DAY.slice(1)} anchor="2027-03-02" zone="UTC" />)).toContain('data-opening-hour="8"');
  });
});
