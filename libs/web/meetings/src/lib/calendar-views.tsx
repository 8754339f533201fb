import type { MeetingOccurrence } from '@simashe/contracts';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

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

function startsOn(occurrence: MeetingOccurrence, day: DateTime, zone: string): boolean {
  return DateTime.fromISO(occurrence.start).setZone(zone).hasSame(day, 'day');
}

function OccurrenceChip({ occurrence, zone }: { occurrence: MeetingOccurrence; zone: string }) {
  const { i18n } = useTranslation();
  const time = DateTime.fromISO(occurrence.start).setZone(zone).setLocale(i18n.language).toLocaleString(DateTime.TIME_SIMPLE);
  return (
    <Link className={`chip chip-${occurrence.kind}`} to={`/meetings/${occurrence.meetingId}`}>
      <span dir="ltr">{time}</span> {occurrence.title}
    </Link>
  );
}

export function MonthView({ items, anchor, zone }: { items: MeetingOccurrence[]; anchor: string; zone: string }) {
  const { i18n } = useTranslation();
  const { from, to } = viewRange('month', anchor, zone);
  const month = DateTime.fromISO(anchor, { zone }).month;
  const all = days(from, to);
  const weeks = Array.from({ length: all.length / 7 }, (_, index) => all.slice(index * 7, index * 7 + 7));
  return (
    <table className="calendar-month">
      <caption className="visually-hidden">{DateTime.fromISO(anchor).setLocale(i18n.language).toFormat('LLLL yyyy')}</caption>
      <thead>
        <tr>
          {weeks[0].map((day) => (
            <th key={day.weekday} scope="col">
              {day.setLocale(i18n.language).toFormat('ccc')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0].toISODate()}>
            {week.map((day) => {
              const today = day.hasSame(DateTime.now().setZone(zone), 'day');
              return (
                <td key={day.toISODate()} className={[day.month !== month ? 'other-month' : '', today ? 'today' : ''].join(' ')} aria-current={today ? 'date' : undefined}>
                  <div className="day-number">{day.day}</div>
                  {items
                    .filter((o) => startsOn(o, day, zone))
                    .map((o) => (
                      <OccurrenceChip key={`${o.meetingId}-${o.occurrence}`} occurrence={o} zone={zone} />
                    ))}
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

/** Seven day columns on a 24-hour scale in the viewer's zone; each meeting is placed at its start and sized by its length. */
export function WeekView({ items, anchor, zone }: { items: MeetingOccurrence[]; anchor: string; zone: string }) {
  const { i18n } = useTranslation();
  const { from, to } = viewRange('week', anchor, zone);
  return (
    <div className="calendar-week">
      <div className="week-hours" aria-hidden="true">
        <div className="week-day-name" />
        {Array.from({ length: 24 }, (_, hour) => (
          <div key={hour} style={{ blockSize: `${HOUR_HEIGHT_REM}rem` }}>
            {String(hour).padStart(2, '0')}:00
          </div>
        ))}
      </div>
      {days(from, to).map((day) => {
        const label = day.setLocale(i18n.language).toFormat('cccc d LLLL');
        const events = items.filter((o) => startsOn(o, day, zone));
        return (
          <section key={day.toISODate()} className="week-day" aria-label={label}>
            <div className="week-day-name" aria-hidden="true">
              {day.setLocale(i18n.language).toFormat('ccc d')}
            </div>
            <ul className="week-day-body" style={{ blockSize: `${24 * HOUR_HEIGHT_REM}rem` }}>
              {events.map((o) => {
                const start = DateTime.fromISO(o.start).setZone(zone);
                const startMinute = start.hour * 60 + start.minute;
                const minutes = Math.min(DateTime.fromISO(o.end).diff(DateTime.fromISO(o.start), 'minutes').minutes, 24 * 60 - startMinute);
                return (
                  <li
                    key={`${o.meetingId}-${o.occurrence}`}
                    className="week-event"
                    style={{ insetBlockStart: `${(startMinute / 60) * HOUR_HEIGHT_REM}rem`, blockSize: `${Math.max(0.75, (minutes / 60) * HOUR_HEIGHT_REM)}rem` }}
                  >
                    <OccurrenceChip occurrence={o} zone={zone} />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
