import type { SessionDevice } from '@simashe/contracts';

// Order matters: Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari".
const BROWSERS: Array<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\bChromium\//, 'Chromium'],
  [/(?:\bHeadless|\b)Chrome\/|\bCriOS\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

// iPhone and Android before Linux and macOS: their user agents name those too ("like Mac OS X", "Linux; Android").
const SYSTEMS: Array<[RegExp, string]> = [
  [/\b(?:iPhone|iPod)\b/, 'iOS'],
  [/\biPad\b/, 'iPadOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\b(?:Macintosh|Mac OS X)\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/**
 * A short, readable description of the device behind a session ("Firefox", "Windows"), for the person's list of
 * sessions. Not for decisions: user agents are whatever the client says. Programs that are not browsers
 * ("curl/8.5.0") are named by their first product token.
 */
export function describeUserAgent(userAgent: string | null | undefined): SessionDevice {
  const ua = userAgent ?? '';
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? programName(ua);
  const os = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  const mobile = /\bMobi|\biPhone\b|\biPod\b/.test(ua);
  return { browser, os, mobile };
}

function programName(ua: string): string | null {
  if (ua.startsWith('Mozilla/')) return null;
  const product = /^([A-Za-z][\w.-]{0,39})\//.exec(ua);
  return product ? product[1] : null;
}
