// A JSON value shown as preformatted text, scrollable and left to right in every locale.
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const text = value === undefined || value === null ? 'null' : JSON.stringify(value, null, 2);
  return (
    <pre
      className="mt-1 max-h-72 overflow-auto rounded-lg border border-border bg-surface-sunken p-3 font-mono text-xs leading-relaxed text-fg-muted"
      dir="ltr"
      tabIndex={0}
      aria-label={label}
    >
      {text}
    </pre>
  );
}
