// One room: its facts, its full history from the building-table bus, and — for regulators — a
// change applied through the bus (status, set flag, clear flag) against the last event seen.
import { useMemo } from 'react';
import { App, Alert, Button, Descriptions, Divider, Drawer, Empty, Form, Input, Radio, Select, Skeleton, Table, Tag, Typography } from 'antd';
import {
  OFFICE_SUBTYPES, ROOM_EVENT_SOURCES, ROOM_FLAGS, ROOM_FLAG_LABELS, SALE_STATUS_LABELS, SALE_TRANSITIONS, applyRoomChange, formatArea,
  formatShanghai, formatUnitPrice, isRefusal, type AdminRoomDetail, type RoomChange, type RoomEventSource, type RoomEventView, type SaleStatus,
} from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { useSubmit } from '../../components/useSubmit';
import { roomsApi } from './api';
import { flagsText, statusLabel, useLabel } from './dictionary';
import { useRealEstatePermissions } from './permissions';

const yuan = (fen: number | null) => (fen == null ? '—' : `${(fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`);

export function RoomDrawer({ roomId, onClose, onChanged }: { roomId: number; onClose: () => void; onChanged: () => void }) {
  const room = useResource((signal) => roomsApi.get(roomId, signal), [roomId]);
  const { canMaintain } = useRealEstatePermissions();
  const r = room.data;
  return (
    <Drawer open size={820} title={r ? `房屋 ${r.building.buildingNo} ${r.roomNo}` : '房屋'} onClose={onClose} destroyOnHidden>
      <ErrorAlert error={room.error} />
      {!r ? (
        room.loading && <Skeleton active />
      ) : (
        <>
          <RoomFacts room={r} />
          <Divider titlePlacement="start">楼盘表总线记录</Divider>
          <RoomHistory events={r.events} />
          {canMaintain && (
            <>
              <Divider titlePlacement="start">变更状态或限制标记</Divider>
              <RoomChangeForm
                room={r}
                onDone={() => {
                  room.reload();
                  onChanged();
                }}
                onStale={room.reload}
              />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

function RoomFacts({ room: r }: { room: AdminRoomDetail }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      items={[
        { label: '不动产单元号', children: <Typography.Text copyable code>{r.unitNumber}</Typography.Text>, span: 2 },
        { label: '项目', children: r.project.name },
        { label: '幢 / 单元', children: `${r.building.buildingNo}${r.unit ? ` / ${r.unit}` : ''}` },
        { label: '楼层', children: `${r.floor}层` },
        { label: '房号', children: r.roomNo },
        {
          label: '用途',
          children: `${useLabel(r.use)}${r.officeSubtype ? `（${OFFICE_SUBTYPES[r.officeSubtype]}）` : ''}`,
        },
        { label: '装修交付', children: r.fitout ? '是' : '否' },
        { label: '建筑面积', children: formatArea(r.buildArea) },
        { label: '套内面积', children: formatArea(r.innerArea) },
        { label: '分摊面积', children: formatArea(r.sharedArea) },
        { label: '层高', children: r.floorHeight == null ? '—' : `${(r.floorHeight / 100).toFixed(2)} m` },
        { label: '备案单价', children: formatUnitPrice(r.unitPrice) },
        { label: '备案总价', children: yuan(r.totalPrice) },
        {
          label: '销售状态',
          children: (
            <Tag style={{ background: r.colour, borderColor: r.colour, color: '#fff' }}>
              {r.label}
            </Tag>
          ),
        },
        {
          label: '限制标记',
          children: r.flags.length ? r.flags.map((f) => <Tag key={f} color="red">{ROOM_FLAG_LABELS[f]}</Tag>) : '无',
        },
      ]}
    />
  );
}

const stateText = (status: SaleStatus | null, flags: readonly string[]) => (status ? `${statusLabel(status)}｜标记：${flagsText(flags)}` : '—');

function RoomHistory({ events }: { events: RoomEventView[] }) {
  // Newest first: the last change is what a person usually looks for.
  const rows = useMemo(() => [...events].sort((a, b) => b.seq - a.seq), [events]);
  return (
    <Table<RoomEventView>
      rowKey="id"
      size="small"
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      dataSource={rows}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" /> }}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 56 },
        { title: '时间', dataIndex: 'at', width: 150, render: (at: string) => formatShanghai(at) },
        { title: '操作人', dataIndex: 'actorName', width: 110, render: (v: string | null) => v ?? '系统' },
        { title: '来源', dataIndex: 'sourceLabel', width: 110 },
        { title: '依据文号', dataIndex: 'reference', width: 130, render: (v: string | null) => v ?? '—' },
        { title: '变更', dataIndex: 'text', width: 170 },
        {
          title: '变更前 → 变更后',
          key: 'diff',
          width: 260,
          render: (_, e) => (
            <>
              <div>
                <Typography.Text type="secondary">{stateText(e.beforeStatus, e.beforeFlags)}</Typography.Text>
              </div>
              <div>→ {stateText(e.afterStatus, e.afterFlags)}</div>
            </>
          ),
        },
        { title: '原因', dataIndex: 'reason', width: 160, render: (v: string | null) => v ?? '—' },
      ]}
    />
  );
}

interface ChangeValues {
  kind: RoomChange['kind'];
  value?: string;
  source: RoomEventSource;
  reference?: string;
  reason: string;
}

// Seed and survey-import events are written by the system itself, never typed in by a person.
const SOURCE_OPTIONS = (Object.keys(ROOM_EVENT_SOURCES) as RoomEventSource[])
  .filter((s) => s !== 'seed' && s !== 'survey_import')
  .map((value) => ({ value, label: ROOM_EVENT_SOURCES[value] }));

function RoomChangeForm({ room, onDone, onStale }: { room: AdminRoomDetail; onDone: () => void; onStale: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ChangeValues>();
  const kind = Form.useWatch('kind', form) ?? 'status';
  const value = Form.useWatch('value', form);

  const valueOptions: { value: string; label: string }[] =
    kind === 'status'
      ? SALE_TRANSITIONS[room.status].map((s) => ({ value: s, label: SALE_STATUS_LABELS[s] }))
      : ROOM_FLAGS.filter((f) => (kind === 'flag_on' ? !room.flags.includes(f) : room.flags.includes(f))).map((f) => ({
          value: f,
          label: ROOM_FLAG_LABELS[f],
        }));
  // The same derivation rule the bus uses: a refused change is shown before it is sent.
  const preview = value ? applyRoomChange({ status: room.status, flags: room.flags }, { kind, value } as RoomChange) : null;

  const submit = useSubmit(async (v: ChangeValues) => {
    const change = { kind: v.kind, value: v.value } as RoomChange;
    try {
      await roomsApi.change(room.id, {
        ...change,
        source: v.source,
        reference: v.reference?.trim() || null,
        reason: v.reason.trim(),
        expectedSeq: room.seq,
      });
    } catch (e) {
      // A newer event arrived (or the move is no longer allowed): show the server's reason and the fresh room.
      if ((e as { status?: number }).status === 409) onStale();
      throw e;
    }
    message.success('已写入楼盘表');
    form.resetFields(['value', 'reference', 'reason']);
    onDone();
  });

  const confirm = (v: ChangeValues) => {
    const after = applyRoomChange({ status: room.status, flags: room.flags }, { kind: v.kind, value: v.value } as RoomChange);
    modal.confirm({
      title: '确认变更楼盘表？',
      content: (
        <div>
          <p>
            房屋 {room.building.buildingNo} {room.roomNo}（{room.unitNumber}）
          </p>
          <p>变更前：{stateText(room.status, room.flags)}</p>
          {!isRefusal(after) && <p>变更后：{stateText(after.status, after.flags)}</p>}
          <p>变更将写入楼盘表总线并留痕，不能撤销；如需恢复须另行变更。</p>
        </div>
      ),
      okText: '确认变更',
      cancelText: '取消',
      onOk: () => submit.run(v),
    });
  };

  return (
    <>
      <ErrorAlert error={submit.error} />
      <Form<ChangeValues>
        form={form}
        layout="vertical"
        name="roomChange"
        initialValues={{ kind: 'status', source: 'regulator' }}
        onFinish={confirm}
        onValuesChange={(changed: Partial<ChangeValues>) => {
          if ('kind' in changed) form.setFieldValue('value', undefined);
        }}
      >
        <Form.Item label="变更类型" name="kind">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'status', label: '销售状态' },
              { value: 'flag_on', label: '加限制标记' },
              { value: 'flag_off', label: '解除限制标记' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={kind === 'status' ? '变更为' : '限制标记'}
          name="value"
          rules={[{ required: true, message: kind === 'status' ? '请选择新状态' : '请选择限制标记' }]}
          extra={valueOptions.length === 0 ? (kind === 'status' ? '当前状态不能再变更' : kind === 'flag_off' ? '房屋没有限制标记' : '已有全部标记') : undefined}
        >
          <Select options={valueOptions} placeholder="请选择" disabled={valueOptions.length === 0} />
        </Form.Item>
        {preview && isRefusal(preview) && <Alert type="warning" showIcon title={preview.message} style={{ marginBottom: 16 }} />}
        <Form.Item label="来源" name="source" rules={[{ required: true, message: '请选择来源' }]}>
          <Select options={SOURCE_OPTIONS} />
        </Form.Item>
        <Form.Item label="依据文号" name="reference">
          <Input maxLength={100} placeholder="如 法院裁定书、登记证明号" />
        </Form.Item>
        <Form.Item label="原因" name="reason" rules={[{ required: true, whitespace: true, min: 2, message: '请填写变更原因（至少2个字）' }]}>
          <Input.TextArea maxLength={300} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.busy} disabled={!!preview && isRefusal(preview)}>
          提交变更
        </Button>
      </Form>
    </>
  );
}
