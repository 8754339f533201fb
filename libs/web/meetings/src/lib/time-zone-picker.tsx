import { supportedTimeZones } from '@simashe/web-i18n';
import { SelectField, TextField } from '@simashe/web-ui';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsolate } from './occurrence-item';
import { canonicalZone, filterTimeZones, stepZone, timeZoneOptions, zoneForSearch } from './time-zones';

/**
 * A time zone, found by typing a city, an old or current IANA name or an offset; each shown with its offset now.
 * Typing selects the first match (unless the chosen zone still matches), the arrow keys step through the matches
 * without leaving the box, and a status line says which zone is chosen. The person's own zone comes first. Values
 * are current IANA ids (never "Asia/Calcutta").
 */
export function TimeZonePicker({ label, value, ownZone, onChange, error }: { label: string; value: string; ownZone: string; onChange: (zone: string) => void; error?: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const all = useMemo(() => timeZoneOptions(supportedTimeZones(), ownZone), [ownZone]);
  const current = canonicalZone(value);
  const shown = filterTimeZones(all, query, current);
  const matches = query.trim() === '' ? shown.length : filterTimeZones(all, query).length;
  const isolate = useIsolate();
  const chosen = isolate(all.find((option) => option.id === current)?.label ?? current);
  const search = (next: string) => {
    setQuery(next);
    const zone = zoneForSearch(all, next, current);
    if (zone !== current) onChange(zone);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const zone = stepZone(shown, current, event.key === 'ArrowDown' ? 1 : -1);
      if (zone !== current) onChange(zone);
    } else if (event.key === 'Enter') {
      // The zone is already chosen as one types: Enter must not submit the form around the picker.
      event.preventDefault();
    } else if (event.key === 'Escape' && query !== '') {
      // Clears the search only; a second Escape closes the dialog around it.
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
    }
  };
  return (
    <div className="time-zone-picker">
      <TextField
        type="search"
        label={t('meetings.zoneSearch', { label })}
        value={query}
        onChange={(e) => search(e.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        hint={t('polish.zonePicker.keys')}
      />
      <SelectField
        label={label}
        value={current}
        onChange={(e) => onChange(e.target.value)}
        options={shown.map((option) => ({ value: option.id, label: option.id === canonicalZone(ownZone) ? t('meetings.zoneYours', { zone: option.label }) : option.label }))}
        error={error}
        dir="ltr"
      />
      {query.trim() !== '' && (
        <p className="muted" role="status">
          {matches === 0 ? t('polish.zonePicker.none', { zone: chosen }) : `${t('meetings.zoneMatches', { count: matches })} ${t('polish.zonePicker.selected', { zone: chosen })}`}
        </p>
      )}
    </div>
  );
}

const SHOWN_ZONE_KEY = 'simashe.meetings.showTimesIn';

/** The "Show times in" zone, remembered in this browser across reloads; the person's own zone until they pick one. */
export function useShownZone(ownZone: string): [string, (zone: string) => void] {
  const [zone, setZone] = useState(() => {
    const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(SHOWN_ZONE_KEY);
    return canonicalZone(stored && isZone(stored) ? stored : ownZone);
  });
  const choose = (next: string) => {
    setZone(next);
    try {
      localStorage.setItem(SHOWN_ZONE_KEY, next);
    } catch {
      // Private windows may refuse storage: the choice then lasts for this page only.
    }
  };
  return [zone, choose];
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
