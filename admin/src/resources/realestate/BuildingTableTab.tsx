// 楼盘表: pick a building, see its floors and rooms in the legend's colours, open a room for its
// facts and bus history, print the grid with the same colours and legend.
import { useState } from 'react';
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Select, Skeleton, Space, Typography } from 'antd';
import { formatShanghai } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { buildingsApi, type ProjectDetail } from './api';
import { LegendBar } from './LegendBar';
import { RoomDrawer } from './RoomDrawer';
import { RoomGrid } from './RoomGrid';
import './buildingTable.css';

export function BuildingTableTab({
  project, buildingId, onPickBuilding,
}: { project: ProjectDetail; buildingId: number | null; onPickBuilding: (id: number) => void }) {
  const [roomId, setRoomId] = useState<number | null>(null);
  const table = useResource((signal) => (buildingId ? buildingsApi.table(buildingId, signal) : Promise.resolve(null)), [buildingId]);

  if (project.buildings.length === 0) {
    return <Empty description="本项目还没有单体，请先新增单体或进行测绘导入" />;
  }
  const t = table.data;
  const roomCount = t ? t.floors.reduce((n, f) => n + f.rooms.length, 0) : 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap className="no-print">
        <span>单体：</span>
        <Select
          aria-label="选择单体"
          showSearch={{ optionFilterProp: 'label' }}
          value={buildingId ?? undefined}
          style={{ width: 220 }}
          onChange={onPickBuilding}
          options={project.buildings.map((b) => ({ value: b.id, label: `${b.buildingNo}（${b.roomCount} 套）` }))}
        />
        <Button icon={<ReloadOutlined />} onClick={table.reload} loading={table.loading}>
          刷新
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!t || roomCount === 0}>
          打印楼盘表
        </Button>
      </Space>
      <ErrorAlert error={table.error} />
      {t && (
        <div className="bt-print-only">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t.project.name} {t.building.buildingNo} 楼盘表
          </Typography.Title>
          <Typography.Text type="secondary">打印时间：{formatShanghai(new Date().toISOString())}</Typography.Text>
        </div>
      )}
      <LegendBar counts={t?.counts} />
      {table.loading && !t ? (
        <Skeleton active />
      ) : t && roomCount > 0 ? (
        <RoomGrid table={t} onOpen={(r) => setRoomId(r.id)} />
      ) : (
        !table.error && <Empty description="该单体暂无房屋，可通过测绘导入建立" />
      )}
      {roomId !== null && <RoomDrawer roomId={roomId} onClose={() => setRoomId(null)} onChanged={table.reload} />}
    </Space>
  );
}
