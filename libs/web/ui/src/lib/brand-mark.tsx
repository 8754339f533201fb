/** The product's mark: an inline SVG, so it needs no request and takes the header's colour. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg className="brand-mark" aria-hidden="true" focusable="false" width={size} height={size} viewBox="0 0 32 32">
      <circle cx="16" cy="16" r="15" fill="currentColor" opacity="0.18" />
      <circle cx="16" cy="16" r="15" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M9 19c2 3 4.5 4 7 4s5-1 7-4M10 12.5a2 2 0 1 0 4 0a2 2 0 1 0-4 0M18 12.5a2 2 0 1 0 4 0a2 2 0 1 0-4 0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
