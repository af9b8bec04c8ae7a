// The rooms of an application, picked on the building table itself: one building at a time,
// rooms that may be chosen in their legend colour, the others dimmed; a click adds or removes.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Empty, Segmented, Skeleton, Space, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useResource } from '../../../components/usePagedList';
import { buildingsApi } from '../../realestate/api';
import { LegendBar } from '../../realestate/LegendBar';
import { RoomGrid, type GridRoom } from '../../realestate/RoomGrid';
import '../../realestate/buildingTable.css';

export interface PickerBuilding {
  id: number;
  buildingNo: string;
}

export function RoomPicker({
  value, onChange, buildings, selectable, disabled, emptyText, idPrefix,
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  buildings: PickerBuilding[];
  selectable: (room: GridRoom) => boolean;
  disabled?: boolean;
  /** What an empty choice means for this form (e.g. "all not-yet-sellable rooms"). */
  emptyText: string;
  /** Distinguishes two pickers on one page (rooms added / withdrawn). */
  idPrefix?: string;
}) {
  const chosen = useMemo(() => new Set(value ?? []), [value]);
  const [active, setActive] = useState<number | null>(buildings[0]?.id ?? null);
  // Which building each room seen so far is in: a building taken out of scope takes its rooms.
  const buildingOf = useRef(new Map<number, number>());

  useEffect(() => {
    if (!buildings.some((b) => b.id === active)) setActive(buildings[0]?.id ?? null);
    const inScope = new Set(buildings.map((b) => b.id));
    const kept = (value ?? []).filter((id) => {
      const b = buildingOf.current.get(id);
      return b === undefined || inScope.has(b);
    });
    if (!disabled && kept.length !== (value ?? []).length) onChange?.(kept);
  }, [buildings]);

  const table = useResource((signal) => (active ? buildingsApi.table(active, signal) : Promise.resolve(null)), [active]);
  const t = table.data && table.data.building.id === active ? table.data : null;
  const rooms = useMemo(() => (t ? t.floors.flatMap((f) => f.rooms) : []), [t]);
  useEffect(() => {
    for (const r of rooms) buildingOf.current.set(r.id, t!.building.id);
  }, [rooms]);

  if (buildings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="请先选择楼栋" />;

  const pickable = rooms.filter(selectable);
  const here = rooms.filter((r) => chosen.has(r.id));
  const set = (ids: Iterable<number>) => onChange?.([...new Set(ids)].sort((a, b) => a - b));
  const toggle = (r: GridRoom) => {
    const next = new Set(chosen);
    if (next.has(r.id)) next.delete(r.id);
    else next.add(r.id);
    set(next);
  };
  const roomIds = new Set(rooms.map((r) => r.id));

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} id={idPrefix}>
      {buildings.length > 1 && (
        <Segmented
          aria-label="选择楼栋"
          value={active ?? undefined}
          onChange={(v) => setActive(Number(v))}
          options={buildings.map((b) => ({ value: b.id, label: b.buildingNo }))}
        />
      )}
      <Space wrap>
        <Typography.Text>
          已选 <Typography.Text strong>{chosen.size}</Typography.Text> 套
          {t && `（${t.building.buildingNo} ${here.length} 套${disabled ? '' : `，可选 ${pickable.length} 套`}）`}
        </Typography.Text>
        {!disabled && (
          <>
            <Button size="small" disabled={!pickable.length} onClick={() => set([...chosen, ...pickable.map((r) => r.id)])}>
              全选本栋可选房屋
            </Button>
            <Button size="small" disabled={!here.length} onClick={() => set([...chosen].filter((id) => !roomIds.has(id)))}>
              清空本栋
            </Button>
            <Button size="small" type="link" disabled={!chosen.size} onClick={() => set([])}>
              全部清空
            </Button>
          </>
        )}
      </Space>
      {chosen.size === 0 && <Typography.Text type="secondary">{emptyText}</Typography.Text>}
      <ErrorAlert error={table.error} />
      <LegendBar counts={t?.counts} />
      {table.loading && !t ? (
        <Skeleton active />
      ) : t && rooms.length ? (
        <RoomGrid table={t} onOpen={toggle} selection={{ selected: chosen, selectable, disabled }} />
      ) : (
        !table.error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该楼栋暂无房屋" />
      )}
    </Space>
  );
}
