import type { MeetingOccurrence } from '@simashe/contracts';
import { formatCalendarDate, formatDayLabel, formatMonth, formatNumber, formatTime } from '@simashe/web-i18n';
import { DateTime } from 'luxon';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { layoutDay, MONTH_CELL_LIMIT, meetingsOn, monthCell, nowIndex, nowMinute, openingHour, PHONE_QUERY } from './calendar-layout';

export type CalendarView = 'month' | 'week' | 'list';

/** The instants a view covers, for the day `anchor` (yyyy-LL-dd) in the viewer's zone. Weeks start on Monday. */
export function viewRange(view: CalendarView, anchor: string, zone: string): { from: DateTime; to: DateTime } {
  const day = DateTime.fromISO(anchor, { zone }).startOf('day');
  if (view === 'month') {
    const from = day.startOf('month').startOf('week');
    return { from, to: day.endOf('month').endOf('week').plus({ milliseconds: 1 }) };
  }
  if (view === 'week') return { from: day.startOf('week'), to: day.startOf('week').plus({ weeks: 1 }) };
  return { from: day, to: day.plus({ days: 90 }) };
}

export function shiftAnchor(view: CalendarView, anchor: string, direction: 1 | -1): string {
  const day = DateTime.fromISO(anchor);
  const moved = view === 'month' ? day.plus({ months: direction }) : view === 'week' ? day.plus({ weeks: direction }) : day.plus({ days: 90 * direction });
  return moved.toISODate()!;
}

function subscribeToWidth(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True on a phone-sized screen (and while the window is resized below it): the calendars change layout there. */
export function usePhoneLayout(): boolean {
  return useSyncExternalStore(
    subscribeToWidth,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}

/**
 * Focuses the element of `container` showing `day` (a day opened from the month's "+N more" or count) and scrolls
 * `reveal` (the day itself, or the whole week grid so its day names stay in sight) into view.
 */
function focusDay(container: HTMLElement | null, day: string | undefined, reveal?: HTMLElement | null): void {
  const target = day ? container?.querySelector<HTMLElement>(`[data-day="${day}"]`) : null;
  if (!target) return;
  target.focus({ preventScroll: true });
  (reveal ?? target).scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
}

function days(from: DateTime, to: DateTime): DateTime[] {
  const result: DateTime[] = [];
  for (let day = from; day < to; day = day.plus({ days: 1 })) result.push(day);
  return result;
}

/** Times through the shared formatter: the locale's own 12- or 24-hour clock, the same as in lists. */
function useTime(zone: string) {
  const { i18n } = useTranslation();
  return (iso: string) => formatTime(iso, i18n.language, zone);
}

function OccurrenceChip({ occurrence, zone }: { occurrence: MeetingOccurrence; zone: string }) {
  const time = useTime(zone);
  const range = `${time(occurrence.start)}–${time(occurrence.end)}`;
  return (
    // The full title and times in a tooltip too: narrow cells may still wrap a long title over several lines.
    <Link className={`chip chip-${occurrence.kind}`} to={`/meetings/${occurrence.meetingId}`} title={`${range} ${occurrence.title}`}>
      <span className="chip-time">{time(occurrence.start)}</span> <bdi className="chip-title">{occurrence.title}</bdi>
    </Link>
  );
}

/**
 * A month grid. On a phone a cell shows a dot and the day's count (a button opening that day, the titles in its
 * tooltip) instead of titles cut to a few letters; wider, the first meetings and "+N more".
 */
export function MonthView({
  items,
  anchor,
  zone,
  onShowDay,
  phone = false,
}: {
  items: MeetingOccurrence[];
  anchor: string;
  zone: string;
  onShowDay?: (day: string) => void;
  phone?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const time = useTime(zone);
  const { from, to } = viewRange('month', anchor, zone);
  const month = DateTime.fromISO(anchor, { zone }).month;
  const all = days(from, to);
  const weeks = Array.from({ length: all.length / 7 }, (_, index) => all.slice(index * 7, index * 7 + 7));
  const [expanded, setExpanded] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  // Shown in place (no onShowDay): focus the first meeting that "+N more" revealed, not the page's top.
  useEffect(() => {
    if (expanded) table.current?.querySelectorAll<HTMLElement>(`[data-day="${expanded}"] .chip`)[MONTH_CELL_LIMIT]?.focus();
  }, [expanded]);
  return (
    <table className={`calendar-month ${phone ? 'calendar-month-phone' : ''}`} ref={table}>
      <caption className="visually-hidden">{formatMonth(`${anchor}T12:00:00Z`, i18n.language, 'UTC')}</caption>
      <thead>
        <tr>
          {weeks[0].map((day) => (
            <th key={day.weekday} scope="col">
              {formatDayLabel(day.toISODate()!, i18n.language, 'weekday')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0].toISODate()}>
            {week.map((day) => {
              const iso = day.toISODate()!;
              const today = day.hasSame(DateTime.now().setZone(zone), 'day');
              const dayItems = meetingsOn(items, iso, zone);
              const { shown, more } = expanded === iso ? { shown: monthCell(dayItems, Infinity).shown, more: 0 } : monthCell(dayItems);
              const date = formatCalendarDate(iso, i18n.language, { weekday: true });
              return (
                <td key={iso} data-day={iso} className={[day.month !== month ? 'other-month' : '', today ? 'today' : ''].join(' ')} aria-current={today ? 'date' : undefined}>
                  <div className="day-number">{formatDayLabel(day.toISODate()!, i18n.language, 'day')}</div>
                  {phone ? (
                    dayItems.length > 0 && (
                      <button
                        type="button"
                        className="month-count"
                        title={dayItems.map((o) => `${time(o.start)} ${o.title}`).join('\n')}
                        aria-label={t('polish.calendar.dayCount', { count: dayItems.length, date })}
                        onClick={() => (onShowDay ? onShowDay(iso) : setExpanded(iso))}
                      >
                        <span className="month-dot" aria-hidden="true" />
                        {formatNumber(dayItems.length, i18n.language)}
                      </button>
                    )
                  ) : (
                    <>
                      {shown.map((o) => (
                        <OccurrenceChip key={`${o.meetingId}-${o.occurrence}`} occurrence={o} zone={zone} />
                      ))}
                      {more > 0 && (
                        <button
                          type="button"
                          className="more-link"
                          aria-label={t('meetings.moreOn', { count: more, date })}
                          onClick={() => (onShowDay ? onShowDay(iso) : setExpanded(iso))}
                        >
                          {t('meetings.more', { count: more })}
                        </button>
                      )}
                    </>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const HOUR_HEIGHT_REM = 3;

/** The current time, moved on every minute (the "now" markers). */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * A week: seven day columns on a 24-hour scale, or on a phone the seven days as a list (every title whole, no
 * sideways scrolling). `focus` is a day to move focus to, when the week was opened from a month cell.
 */
export function WeekView({ items, anchor, zone, phone = false, focus }: { items: MeetingOccurrence[]; anchor: string; zone: string; phone?: boolean; focus?: string }) {
  return phone ? <WeekAgenda items={items} anchor={anchor} zone={zone} focus={focus} /> : <WeekGrid items={items} anchor={anchor} zone={zone} focus={focus} />;
}

/** The phone's week: each day with its meetings in time order, today named and the current time placed among them. */
function WeekAgenda({ items, anchor, zone, focus }: { items: MeetingOccurrence[]; anchor: string; zone: string; focus?: string }) {
  const { t, i18n } = useTranslation();
  const { from, to } = viewRange('week', anchor, zone);
  const time = useTime(zone);
  const now = useNow();
  const list = useRef<HTMLDivElement>(null);
  const weekStart = from.toISODate();
  useEffect(() => focusDay(list.current, focus), [focus, weekStart]);
  const nowMarker = (
    <li key="now" className="agenda-now">
      {t('polish.calendar.nowAt', { time: time(now.toISOString()) })}
    </li>
  );
  return (
    <div className="calendar-agenda" ref={list}>
      {days(from, to).map((day) => {
        const iso = day.toISODate()!;
        const dayItems = meetingsOn(items, iso, zone);
        const long = formatDayLabel(iso, i18n.language, 'long');
        const nowAt = nowIndex(dayItems, iso, zone, now);
        const label = nowAt !== null ? t('meetings.todayLabel', { date: long }) : long;
        return (
          <section key={iso} data-day={iso} tabIndex={-1} className={`agenda-day ${nowAt !== null ? 'today' : ''}`} aria-label={label} aria-current={nowAt !== null ? 'date' : undefined}>
            <h3 className="agenda-day-name">{label}</h3>
            {dayItems.length === 0 && <p className="muted agenda-empty">{t('polish.calendar.noMeetings')}</p>}
            {(dayItems.length > 0 || nowAt !== null) && (
              <ul className="agenda-items">
                {dayItems.map((o, index) => [
                  index === nowAt ? nowMarker : null,
                  <li key={`${o.meetingId}-${o.occurrence}`}>
                    <Link className={`chip chip-${o.kind}`} to={`/meetings/${o.meetingId}`}>
                      <span className="chip-time">
                        {time(o.start)}–{time(o.end)}
                      </span>{' '}
                      <bdi className="chip-title">{o.title}</bdi>
                    </Link>
                  </li>,
                ])}
                {nowAt === dayItems.length && nowMarker}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/**
 * Seven day columns on a 24-hour scale in the viewer's zone, opened at working hours (or just before an earlier
 * meeting of the week). Today's column is marked, with a line at the current time; meetings that overlap share the
 * column's width.
 */
function WeekGrid({ items, anchor, zone, focus }: { items: MeetingOccurrence[]; anchor: string; zone: string; focus?: string }) {
  const { t, i18n } = useTranslation();
  const { from, to } = viewRange('week', anchor, zone);
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow();
  const time = useTime(zone);
  const weekStart = from.toISODate()!;
  const opening = openingHour(items, weekStart, zone);

  useEffect(() => {
    const body = scroller.current;
    if (!body) return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    // The frame shows 12 of the 24 hours (see .calendar-week), so even 12:00 can reach the top.
    body.scrollTop = opening * HOUR_HEIGHT_REM * rem;
    focusDay(body, focus, body.parentElement);
  }, [weekStart, zone, opening, focus]);

  const hourLabel = (hour: number) => time(from.set({ hour, minute: 0 }).toISO()!);

  return (
    <div className="calendar-week-frame">
      <div className="calendar-week calendar-week-head" aria-hidden="true">
        <div className="week-hours" />
        {days(from, to).map((day) => (
          <div key={day.toISODate()} className={`week-day-name ${nowMinute(day.toISODate()!, zone, now) !== null ? 'today' : ''}`}>
            {formatDayLabel(day.toISODate()!, i18n.language, 'weekdayDay')}
          </div>
        ))}
      </div>
      <div className="calendar-week calendar-week-body" ref={scroller} tabIndex={0} role="group" aria-label={t('meetings.weekGrid')} data-opening-hour={opening}>
        <div className="week-hours" aria-hidden="true">
          {Array.from({ length: 24 }, (_, hour) => (
            <div key={hour} style={{ blockSize: `${HOUR_HEIGHT_REM}rem` }}>
              {hourLabel(hour)}
            </div>
          ))}
        </div>
        {days(from, to).map((day) => {
          const iso = day.toISODate()!;
          const label = formatDayLabel(day.toISODate()!, i18n.language, 'long');
          const current = nowMinute(iso, zone, now);
          return (
            <section key={iso} data-day={iso} tabIndex={-1} className={`week-day ${current !== null ? 'today' : ''}`} aria-label={current !== null ? t('meetings.todayLabel', { date: label }) : label} aria-current={current !== null ? 'date' : undefined}>
              <ul className="week-day-body" style={{ blockSize: `${24 * HOUR_HEIGHT_REM}rem` }}>
                {layoutDay(items, iso, zone).map((event) => (
                  <li
                    key={`${event.occurrence.meetingId}-${event.occurrence.occurrence}`}
                    className="week-event"
                    style={{
                      insetBlockStart: `${(event.startMinute / 60) * HOUR_HEIGHT_REM}rem`,
                      blockSize: `${(event.minutes / 60) * HOUR_HEIGHT_REM}rem`,
                      insetInlineStart: `${(event.lane / event.lanes) * 100}%`,
                      inlineSize: `${100 / event.lanes}%`,
                    }}
                  >
                    <OccurrenceChip occurrence={event.occurrence} zone={zone} />
                  </li>
                ))}
              </ul>
              {current !== null && <div className="week-now" style={{ insetBlockStart: `${(current / 60) * HOUR_HEIGHT_REM}rem` }} role="img" aria-label={t('polish.calendar.nowAt', { time: time(now.toISOString()) })} title={t('meetings.now')} />}
            </section>
          );
        })}
      </div>
    </div>
  );
}
