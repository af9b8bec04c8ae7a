// 核定信用评价 explained (RE-063, RE-074): the score and grade, every term that made them — base
// items, each counted event with its points and the last day it counts, public ratings — and the
// events that do not count with the reason. The numbers are the API's; nothing is recomputed here.
import { Alert, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CONDUCT_LABELS, formatShanghai } from '@hq/common';
import { Link } from 'react-router-dom';
import type { CreditSubjectView } from './api';
import { CreditGradeTag } from './CreditGradeTag';
import { signedPoints } from './dictionary';
import './credit.css';

type Explanation = CreditSubjectView['explanation'];

export function CreditExplanation({ explanation: e, eventLink }: { explanation: Explanation; eventLink?: (id: number) => string }) {
  const label = (id: number, text: string) => (eventLink ? <Link to={eventLink(id)}>{text}</Link> : text);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="credit-explanation">
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Statistic title="信用分" value={e.score} suffix="分" />
        </Col>
        <Col xs={12} md={6}>
          <div className="ant-statistic">
            <div className="ant-statistic-title">信用等级</div>
            <CreditGradeTag credit={e} />
          </div>
        </Col>
        <Col xs={8} md={4}>
          <Statistic title="基础分" value={e.baseScore} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title="良好行为加分" value={e.goodPoints} prefix="+" />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title="不良行为扣分" value={e.badPoints} prefix="−" />
        </Col>
      </Row>
      {e.blacklisted && <Alert type="error" showIcon title="存在严重失信行为，已列入失信黑名单" />}
      <div>
        <Typography.Text strong>计分说明（评价日 {e.asOf}）</Typography.Text>
        <ol className="credit-lines" aria-label="计分说明">
          {e.lines.map((l, i) => (
            <li key={`${i}:${l}`}>{l}</li>
          ))}
        </ol>
      </div>
      <Table
        rowKey="eventId"
        size="small"
        title={() => <Typography.Text strong>计入的信用信息</Typography.Text>}
        dataSource={e.counted}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有计入的信用信息" /> }}
        columns={[
          { title: '信用信息', dataIndex: 'label', render: (t: string, c) => label(c.eventId, t) },
          { title: '类别', dataIndex: 'direction', width: 100, render: (d: 'good' | 'bad') => <Tag color={d === 'good' ? 'green' : 'red'}>{CONDUCT_LABELS[d]}</Tag> },
          { title: '分值', dataIndex: 'points', width: 80, align: 'right', render: (p: number) => signedPoints(p) },
          { title: '发生日期', dataIndex: 'occurredOn', width: 110 },
          { title: '有效期至', dataIndex: 'validUntil', width: 110 },
          { title: '失信黑名单', dataIndex: 'blacklist', width: 100, render: (b: boolean) => (b ? <Tag color="red">列入</Tag> : '—') },
        ]}
      />
      {e.excluded.length > 0 && (
        <Table
          rowKey="eventId"
          size="small"
          title={() => <Typography.Text strong>未计入的信用信息</Typography.Text>}
          dataSource={e.excluded}
          pagination={e.excluded.length > 10 ? { pageSize: 10, size: 'small' } : false}
          columns={[
            { title: '信用信息', dataIndex: 'label', render: (t: string, c) => label(c.eventId, t) },
            { title: '分值', dataIndex: 'points', width: 80, align: 'right', render: (p: number) => signedPoints(p) },
            { title: '原因', dataIndex: 'reason' },
          ]}
        />
      )}
      <Table
        rowKey="code"
        size="small"
        title={() => <Typography.Text strong>基础信息分</Typography.Text>}
        dataSource={e.base}
        pagination={false}
        columns={[
          { title: '项目', dataIndex: 'label' },
          { title: '分值', dataIndex: 'points', width: 80, align: 'right' },
          { title: '是否满足', dataIndex: 'met', width: 100, render: (m: boolean) => (m ? <Tag color="green">满足</Tag> : <Tag>未满足</Tag>) },
        ]}
      />
      {e.rating && <Typography.Text type="secondary">{e.rating.note}</Typography.Text>}
    </Space>
  );
}

/** 历年信用档案: the yearly snapshots, newest first. */
export function SnapshotsTable({ history }: { history: CreditSubjectView['history'] }) {
  return (
    <Table
      rowKey="year"
      size="small"
      dataSource={history}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未生成年度信用档案" /> }}
      columns={[
        { title: '年度', dataIndex: 'year', width: 90, render: (y: number) => `${y}年` },
        { title: '信用分', dataIndex: 'score', width: 90, align: 'right' },
        { title: '信用等级', key: 'grade', render: (_: unknown, s) => <CreditGradeTag credit={{ ...s, blacklisted: s.grade === 'blacklist' }} /> },
        { title: '评级标准版本', dataIndex: 'standardVersion', width: 120, render: (v: number) => `第${v}版` },
        { title: '生成时间', dataIndex: 'takenAt', width: 170, render: (at: string) => formatShanghai(at, false) },
      ]}
    />
  );
}
