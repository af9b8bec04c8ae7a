import type { AdminBuildingTable } from '@hq/common';
import { formatArea } from '@hq/common';

type Room = AdminBuildingTable['floors'][number]['rooms'][number];

/** Floors highest first (as the API sends them), each room a button in its legend colour. */
export function RoomGrid({ table, onOpen }: { table: AdminBuildingTable; onOpen: (room: Room) => void }) {
  return (
    <div className="bt-grid" role="grid" aria-label={`${table.building.buildingNo}楼盘表`}>
      {table.floors.map(({ floor, rooms }) => (
        <div key={floor} className="bt-floor" role="row">
          <div className="bt-floor-label" role="rowheader">
            {floor < 0 ? `B${-floor}` : floor}层
          </div>
          <div className="bt-rooms">
            {rooms.map((r) => (
              <button
                key={r.id}
                type="button"
                role="gridcell"
                className="bt-room"
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
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
