/** A stable colour per person, readable on white (for cursors and avatars). */
// Every colour keeps white text above WCAG AA contrast (4.5:1).
const PALETTE = ['#b03a2e', '#1f618d', '#117a65', '#7d3c98', '#a04000', '#2e4053', '#7b5800', '#196f3d'];

export function colourFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}
