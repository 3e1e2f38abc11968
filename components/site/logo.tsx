// The Levqor mark: a looped path in the brand gradient, with the word mark beside it.
export function Logo({ className }: { className?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-2 font-display text-lg font-semibold tracking-tight ${className ?? ''}`}
    >
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <defs>
          <linearGradient id="levqor-mark" x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor="#7c6cff" />
            <stop offset="0.5" stopColor="#a855f7" />
            <stop offset="1" stopColor="#22d3ee" />
          </linearGradient>
        </defs>
        <rect x="1" y="1" width="30" height="30" rx="9" fill="url(#levqor-mark)" />
        <path
          d="M10 9v14h12"
          fill="none"
          stroke="#020617"
          strokeWidth="3"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="21" cy="12" r="3" fill="#020617" />
      </svg>
      <span>Levqor</span>
    </span>
  );
}
