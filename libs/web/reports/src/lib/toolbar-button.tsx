/** A button of the editor's toolbars: pressing it keeps the cursor (and the selection) in the text. */
export function ToolbarButton({ label, active, onClick, disabled, children }: { label: string; active?: boolean; onClick: () => void; disabled?: boolean; children: string }) {
  return (
    <button type="button" className="tool" aria-label={label === children ? undefined : label} title={label} aria-pressed={active} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {children}
    </button>
  );
}
