import { LEGEND, ROOM_FLAG_LABELS, BADGE_FLAGS } from '@hq/common';

/** The shared legend (same colours as the mini-program and the public portal), with counts when known. */
export function LegendBar({ counts }: { counts?: Record<string, number> }) {
  return (
    <div className="bt-legend" aria-label="图例">
      {LEGEND.map((l) => (
        <span key={l.key} className="bt-legend-item">
          <span className="bt-swatch" style={{ background: l.colour }} />
          {l.label}
          {counts && <span style={{ color: '#888' }}>（{counts[l.key] ?? 0}）</span>}
        </span>
      ))}
      <span className="bt-legend-item">
        <span className="bt-badge" style={{ border: '1px solid #c62828' }}>
          标
        </span>
        限制标记：{BADGE_FLAGS.map((f) => ROOM_FLAG_LABELS[f]).join('、')}
      </span>
    </div>
  );
}
