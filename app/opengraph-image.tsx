// The Open Graph image shared by every page: the brand mark and promise on the dark slate theme.
import { ImageResponse } from 'next/og';

export const alt = 'Levqor: automations and backups for small businesses';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

export default function OpenGraphImage() {
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        padding: 96,
        background: '#020617',
        color: '#f8fafc',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <div
          style={{
            width: 88,
            height: 88,
            borderRadius: 24,
            background: 'linear-gradient(120deg, #7c6cff, #a855f7, #22d3ee)',
          }}
        />
        <div style={{ fontSize: 72, fontWeight: 700 }}>Levqor</div>
      </div>
      <div style={{ marginTop: 48, fontSize: 56, lineHeight: 1.15, maxWidth: 960 }}>
        Automations and backups that run themselves.
      </div>
      <div style={{ marginTop: 24, fontSize: 30, color: '#94a3b8' }}>
        Workflows, approvals and verified backups for small businesses.
      </div>
    </div>,
    size,
  );
}
