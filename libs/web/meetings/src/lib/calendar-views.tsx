import type { MeetingOccurrence } from '@simashe/contracts';
import { formatCalendarDate, formatDayLabel, formatMonth, formatTime } from '@simashe/web-i18n';
import { DateTime } from 'luxon';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { layoutDay, monthCell, nowMinute, WORKDAY_START_HOUR } from './calendar-layout';

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

export function MonthView({ items, anchor, zone, onShowDay }: { items: MeetingOccurrence[]; anchor: string; zone: string; onShowDay?: (day: string) => void }) {
  const { t, i18n } = useTranslation();
  const { from, to } = viewRange('month', anchor, zone);
  const month = DateTime.fromISO(anchor, { zone }).month;
  const all = days(from, to);
  const weeks = Array.from({ length: all.length / 7 }, (_, index) => all.slice(index * 7, index * 7 + 7));
  const [expanded, setExpanded] = useState<string | null>(null);
  return (
    <table className="calendar-month">
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
              const dayItems = items.filter((o) => DateTime.fromISO(o.start).setZone(zone).hasSame(day, 'day'));
              const { shown, more } = expanded === iso ? { shown: monthCell(dayItems, Infinity).shown, more: 0 } : monthCell(dayItems);
              return (
                <td key={iso} className={[day.month !== month ? 'other-month' : '', today ? 'today' : ''].join(' ')} aria-current={today ? 'date' : undefined}>
                  <div className="day-number">{formatDayLabel(day.toISODate()!, i18n.language, 'day')}</div>
                  {shown.map((o) => (
                    <OccurrenceChip key={`${o.meetingId}-${o.occurrence}`} occurrence={o} zone={zone} />
                  ))}
                  {more > 0 && (
                    <button
                      type="button"
                      className="more-link"
                      aria-label={t('meetings.moreOn', { count: more, date: formatCalendarDate(day.toISODate()!, i18n.language, { weekday: true }) })}
                      onClick={() => (onShowDay ? onShowDay(iso) : setExpanded(iso))}
                    >
                      {t('meetings.more', { count: more })}
                    </button>
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

const HOUR_HEIGHT_REM = 2;

/**
 * Seven day columns on a 24-hour scale in the viewer's zone, opened at the start of the working day. Today's column
 * is marked, with a line at the current time; meetings that overlap share the column's width.
 */
export function WeekView({ items, anchor, zone }: { items: MeetingOccurrence[]; anchor: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const { from, to } = viewRange('week', anchor, zone);
  const scroller = useRef<HTMLDivElement>(null);
  const [now, setNow] = useState(() => new Date());
  const time = useTime(zone);

  useEffect(() => {
    const body = scroller.current;
    if (!body) return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    body.scrollTop = WORKDAY_START_HOUR * HOUR_HEIGHT_REM * rem;
  }, [anchor, zone]);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);

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
      <div className="calendar-week calendar-week-body" ref={scroller} tabIndex={0} role="group" aria-label={t('meetings.weekGrid')}>
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
            <section key={iso} className={`week-day ${current !== null ? 'today' : ''}`} aria-label={current !== null ? t('meetings.todayLabel', { date: label }) : label} aria-current={current !== null ? 'date' : undefined}>
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
              {current !== null && <div className="week-now" style={{ insetBlockStart: `${(current / 60) * HOUR_HEIGHT_REM}rem` }} role="presentation" title={t('meetings.now')} />}
            </section>
          );
        })}
      </div>
    </div>
  );
}
