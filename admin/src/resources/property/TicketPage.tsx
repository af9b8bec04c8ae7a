// One repair, complaint or patrol issue: what was reported (with photos), where and by whom (as
// masked as this person's side of it requires), its deadline and escalation, the result, the
// buttons the table allows now, and the history. Notices link here (/property/tickets/:id).
import { useCallback } from 'react';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Rate, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { formatShanghai, isTicketOpen, type TicketDetail } from '@hq/common';
import { Link, useParams } from 'react-router-dom';
import { useResource } from '../../components/usePagedList';
import { ticketsApi } from './api';
import {
  COMPLAINT_TARGET_LABELS, PLACE_LABELS, STATUS_COLOURS, TICKET_CHANNEL_LABELS, TICKET_KIND_LABELS, escalationColour, escalationLabel,
} from './dictionary';
import { TicketActionsCard } from './TicketActionsCard';
import { TicketPhotos } from './TicketPhotos';
import { TicketTimeline } from './TicketTimeline';
import './property.css';

export function TicketPage() {
  const id = Number(useParams().id);
  const ticket = useResource((signal) => ticketsApi.get(id, signal), [id]);
  const reload = useCallback(() => ticket.reload(), [ticket.reload]);
  if (!Number.isInteger(id) || id <= 0) return <Result status="404" title="工单不存在" />;
  if (!ticket.data) {
    return (
      <Card>
        {ticket.error ? (
          <Result
            status={ticket.error.status === 404 ? '404' : ticket.error.status === 403 ? '403' : 'error'}
            title={ticket.error.message}
            extra={<Link to="/property/tickets">返回工单列表</Link>}
          />
        ) : (
          <Skeleton active />
        )}
      </Card>
    );
  }
  return <TicketView detail={ticket.data} onChange={ticket.setData} onReload={reload} />;
}

function TicketView({ detail: d, onChange, onReload }: { detail: TicketDetail; onChange: (d: TicketDetail) => void; onReload: () => void }) {
  const open = isTicketOpen(d.status);
  const place = [PLACE_LABELS[d.place], d.houseLabel, d.placeText].filter(Boolean).join(' · ');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Link to="/property/tickets">
          <span className="pm-back">
            <ArrowLeftOutlined /> 工单列表
          </span>
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {TICKET_KIND_LABELS[d.kind]} {d.ticketNo}
        </Typography.Title>
        <Tag color={STATUS_COLOURS[d.status]} aria-label="工单状态">
          {d.statusLabel}
        </Tag>
        {d.overdue && <Tag color="red">超期</Tag>}
        {d.escalationLevel > 0 && <Tag color={escalationColour(d.escalationLevel)}>已升级：{escalationLabel(d.escalationLevel)}</Tag>}
      </Space>
      {open && d.overdue && (
        <Alert type="error" showIcon title={`已超过办理期限（${d.dueDate}）未办结${d.escalationLevel > 0 ? `，已升级至${escalationLabel(d.escalationLevel)}督办` : ''}`} />
      )}
      {d.duplicateOf && <Alert type="info" showIcon title={`重复件：与 ${d.duplicateOf} 重复`} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title="工单信息">
              <Descriptions
                bordered
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'no', label: '受理编号', children: <Typography.Text copyable>{d.ticketNo}</Typography.Text> },
                  { key: 'kind', label: '类型', children: `${TICKET_KIND_LABELS[d.kind]}｜${d.categoryLabel}` },
                  { key: 'community', label: '小区', children: d.communityName ?? '—' },
                  { key: 'org', label: '处理单位', children: d.orgName ?? (d.target === 'regulator' ? '物业主管部门' : '—') },
                  { key: 'place', label: '位置', children: place || '—' },
                  { key: 'channel', label: '来源', children: `${TICKET_CHANNEL_LABELS[d.channel]}${d.target ? `｜投诉对象：${COMPLAINT_TARGET_LABELS[d.target]}` : ''}` },
                  { key: 'reporter', label: '上报人', children: d.reporterName ?? '—' },
                  { key: 'phone', label: '联系电话', children: d.reporterPhone ?? '—' },
                  { key: 'assignee', label: '处理人/单位', children: d.assigneeName ?? '未派单' },
                  { key: 'preferred', label: '期望上门时间', children: d.preferredTime ?? '—' },
                  { key: 'created', label: '上报时间', children: formatShanghai(d.createdAt, false) },
                  {
                    key: 'due',
                    label: '办理期限',
                    children: <Typography.Text type={d.overdue ? 'danger' : undefined}>{d.dueDate}</Typography.Text>,
                  },
                  { key: 'done', label: '办结时间', children: d.doneAt ? formatShanghai(d.doneAt, false) : '—' },
                  { key: 'reopen', label: '评价/重开期限', children: d.reopenUntil ?? '—' },
                  { key: 'description', label: '问题描述', span: 'filled', children: <div className="pm-text">{d.description}</div> },
                ]}
              />
            </Card>
            <Card title="照片">
              <TicketPhotos photos={d.photos} />
            </Card>
            {(d.result || d.rating != null) && (
              <Card title="处理结果">
                {d.result && <div className="pm-text" aria-label="处理结果">{d.result}</div>}
                {d.rating != null && (
                  <div style={{ marginTop: 8 }}>
                    上报人评价：<Rate disabled value={d.rating} />
                    {d.ratingComment && <div className="pm-text">{d.ratingComment}</div>}
                  </div>
                )}
                {d.reopenCount > 0 && <Typography.Text type="secondary">已重新打开 {d.reopenCount} 次</Typography.Text>}
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <TicketActionsCard detail={d} onDone={onChange} onStale={onReload} />
            <TicketTimeline detail={d} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
