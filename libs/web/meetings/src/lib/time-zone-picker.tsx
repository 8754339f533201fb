import { supportedTimeZones } from '@simashe/web-i18n';
import { SelectField, TextField } from '@simashe/web-ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canonicalZone, filterTimeZones, timeZoneOptions } from './time-zones';

/**
 * A time zone, found by typing a city, an old or current IANA name or an offset; each shown with its offset now.
 * The person's own zone comes first. Values are current IANA ids (never "Asia/Calcutta").
 */
export function TimeZonePicker({ label, value, ownZone, onChange, error }: { label: string; value: string; ownZone: string; onChange: (zone: string) => void; error?: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const all = useMemo(() => timeZoneOptions(supportedTimeZones(), ownZone), [ownZone]);
  const current = canonicalZone(value);
  const shown = filterTimeZones(all, query, current);
  return (
    <div className="time-zone-picker">
      <TextField type="search" label={t('meetings.zoneSearch', { label })} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
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
          {t('meetings.zoneMatches', { count: shown.length })}
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
