// Tables: a wrapper that scrolls sideways inside itself (never the page) and is reachable by keyboard, plus header and
// cell styles. The wrapper is `relative` so screen-reader-only text inside the table cannot widen the page.
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

type TableProps = { label: string; children: ReactNode; className?: string; testId?: string };

export function Table({ label, children, className = '', testId }: TableProps) {
  return (
    // NOTE: tabIndex makes the scroll area focusable so keyboard users can scroll it; the region names it.
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative max-w-full overflow-x-auto rounded-card border border-border ${className}`.trim()}
      data-testid={testId}
    >
      <table className="w-full text-sm">
        <caption className="sr-only">{label}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return <thead className="bg-surface-raised text-fg-muted">{children}</thead>;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-border">{children}</tbody>;
}

export function Th({ className = '', ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`px-4 py-3 text-start font-medium ${className}`.trim()} {...rest} />;
}

export function Td({ className = '', ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`px-4 py-3 ${className}`.trim()} {...rest} />;
}
