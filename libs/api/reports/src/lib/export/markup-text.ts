export { escapeHtml } from '@simashe/charts';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text from HTML or SVG markup: its named (the five of XML) and numeric character references read back. */
export function unescapeMarkup(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (reference, name: string) =>
    name[0] === '#' ? String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (NAMED[name] ?? reference),
  );
}
