import type { AdminBuildingTable } from '@hq/common';
import { formatArea } from '@hq/common';

export type GridRoom = AdminBuildingTable['floors'][number]['rooms'][number];

/** Picking rooms (an application's scope) rather than opening them: what is chosen, what may be. */
export interface RoomSelection {
  selected: ReadonlySet<number>;
  selectable: (room: GridRoom) => boolean;
  disabled?: boolean;
}

/**
 * Floors highest first (as the API sends them), each room a button in its legend colour. With a
 * selection the grid is a picker: chosen rooms are outlined and ticked, the others dimmed.
 */
export function RoomGrid({ table, onOpen, selection }: { table: AdminBuildingTable; onOpen: (room: GridRoom) => void; selection?: RoomSelection }) {
  return (
    <div className="bt-grid" role="grid" aria-label={`${table.building.buildingNo}楼盘表`}>
      {table.floors.map(({ floor, rooms }) => (
        <div key={floor} className="bt-floor" role="row">
          <div className="bt-floor-label" role="rowheader">
            {floor < 0 ? `B${-floor}` : floor}层
          </div>
          <div className="bt-rooms">
            {rooms.map((r) => {
              const pickable = selection ? selection.selectable(r) : true;
              const chosen = selection?.selected.has(r.id) ?? false;
              // Read-only, the chosen rooms stand out; while picking, the ones that may not be chosen step back.
              const muted = selection ? !chosen && (selection.disabled || !pickable) : false;
              return (
                <button
                  key={r.id}
                  type="button"
                  role="gridcell"
                  className={`bt-room${muted ? ' bt-room--muted' : ''}${chosen ? ' bt-room--chosen' : ''}`}
                  aria-selected={selection ? chosen : undefined}
                  // A chosen room that may no longer be chosen stays clickable, so it can be taken out.
                  disabled={selection ? selection.disabled || (!pickable && !chosen) : undefined}
                  style={{ background: r.colour }}
                  title={`${r.unit ? `${r.unit} ` : ''}${r.roomNo}｜${r.label}${r.badges.length ? `｜${r.badges.join('、')}` : ''}｜${r.unitNumber}`}
                  aria-label={`${r.roomNo} ${r.label}${r.badges.length ? ` ${r.badges.join(' ')}` : ''}`}
                  onClick={() => onOpen(r)}
                >
                  <span className="bt-room-no">{r.roomNo}</span>
                  <span className="bt-room-area">{formatArea(r.buildArea).replace(' m²', '㎡')}</span>
                  {r.badges.length > 0 && (
                    <span className="bt-badges">
                      {r.badges.map((b) => (
                        <span key={b} className="bt-badge">
                          {b}
                        </span>
                      ))}
                    </span>
                  )}
                </button>
              );
            })}
          </div>
        </div>
      ))}
    </div>
  );
}
