// 评级标准 (RE-059, PM-005): each kind's base items, indicators (points, validity, blacklist),
// grade bands and public-rating rule. Regulators who decide edit every kind, the association
// those of agencies and brokers. An edit is checked here with the API's own rules as it is typed,
// confirmed (every subject of the kind is regraded), and audited on the server.
import { useState } from 'react';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, InputNumber, Row, Select, Skeleton, Space, Switch, Table, Tabs, Tag, Typography,
} from 'antd';
import { CONDUCT_LABELS, checkCreditStandard, formatShanghai, type CreditStandardBody, type CreditSubjectKind } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { asApiError } from '../../components/useSubmit';
import { useAccess } from '../../providers/access';
import type { ApiError } from '../../providers/transport';
import { creditApi, type CreditStandardView } from './api';
import { DIRECTION_OPTIONS, gradeColour, mayReview, signedPoints } from './dictionary';
import './credit.css';

export function CreditStandardsPage() {
  const { hasRole } = useAccess();
  const standards = useResource((signal) => creditApi.standards(signal), []);
  const [active, setActive] = useState<CreditSubjectKind>('developer');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        评级标准
      </Typography.Title>
      <ErrorAlert error={standards.error} />
      {!standards.data ? (
        standards.loading && <Skeleton active />
      ) : (
        <Card>
          <Tabs
            activeKey={active}
            onChange={(k) => setActive(k as CreditSubjectKind)}
            items={standards.data.map((s) => ({
              key: s.kind,
              label: s.kindLabel,
              children: <StandardPanel standard={s} editable={mayReview(hasRole, s.kind)} onSaved={standards.reload} />,
            }))}
          />
        </Card>
      )}
    </Space>
  );
}

function StandardPanel({ standard: s, editable, onSaved }: { standard: CreditStandardView; editable: boolean; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">
          第{s.version}版{s.updatedAt && s.updatedBy ? `，${formatShanghai(s.updatedAt, false)} ${s.updatedBy} 修改` : '（初始标准）'}
        </Typography.Text>
        {editable && !editing && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            修改标准
          </Button>
        )}
      </Space>
      {editing ? (
        <StandardEditor
          standard={s}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onSaved();
          }}
        />
      ) : (
        <StandardView standard={s} />
      )}
    </Space>
  );
}

function StandardView({ standard: s }: { standard: CreditStandardView }) {
  const facts = new Map(s.baseFacts.map((f) => [f.code, f.label]));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Table
        rowKey="code"
        size="small"
        title={() => <Typography.Text strong>基础信息分</Typography.Text>}
        dataSource={s.baseItems}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未设基础分" /> }}
        columns={[
          { title: '项目', dataIndex: 'label' },
          { title: '依据的事实', dataIndex: 'code', render: (c: string) => facts.get(c) ?? c },
          { title: '分值', dataIndex: 'points', width: 80, align: 'right' },
        ]}
      />
      <Table
        rowKey="code"
        size="small"
        title={() => <Typography.Text strong>信用指标</Typography.Text>}
        dataSource={s.indicators}
        pagination={false}
        columns={[
          { title: '代码', dataIndex: 'code', width: 200, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
          { title: '指标', dataIndex: 'label' },
          { title: '类别', dataIndex: 'direction', width: 100, render: (d: 'good' | 'bad') => <Tag color={d === 'good' ? 'green' : 'red'}>{CONDUCT_LABELS[d]}</Tag> },
          { title: '分值', key: 'points', width: 70, align: 'right', render: (_: unknown, i) => signedPoints(i.direction === 'good' ? i.points : -i.points) },
          { title: '有效期', dataIndex: 'validityMonths', width: 90, render: (m: number) => `${m}个月` },
          { title: '失信黑名单', dataIndex: 'blacklist', width: 100, render: (b?: boolean) => (b ? <Tag color="red">列入</Tag> : '—') },
        ]}
      />
      <Table
        rowKey="grade"
        size="small"
        title={() => <Typography.Text strong>信用等级</Typography.Text>}
        dataSource={s.grades}
        pagination={false}
        columns={[
          { title: '等级', dataIndex: 'grade', width: 100, render: (g: string) => <Tag color={gradeColour(g)}>{g}</Tag> },
          { title: '名称', dataIndex: 'label', width: 120 },
          { title: '分数', key: 'range', render: (_: unknown, g, i) => (i === 0 ? `${g.min}分及以上` : `${g.min}分至${s.grades[i - 1].min}分（不含）`) },
        ]}
      />
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'rating',
            label: '公众评价计分',
            children: s.rating
              ? `近${s.rating.windowMonths}个月评价满${s.rating.minCount}条时计分：平均5星+${s.rating.maxPoints}分，3星不加减，1星−${s.rating.maxPoints}分`
              : '不计公众评价',
          },
        ]}
      />
    </Space>
  );
}

interface EditorValues extends Omit<CreditStandardBody, 'rating'> {
  ratingEnabled: boolean;
  rating?: NonNullable<CreditStandardBody['rating']>;
}

const toBody = (v: EditorValues): CreditStandardBody => ({
  baseItems: (v.baseItems ?? []).filter(Boolean),
  indicators: (v.indicators ?? []).filter(Boolean).map((i) => ({ ...i, blacklist: i.blacklist || undefined })),
  grades: (v.grades ?? []).filter(Boolean),
  rating: v.ratingEnabled && v.rating ? v.rating : null,
});

function StandardEditor({ standard: s, onCancel, onSaved }: { standard: CreditStandardView; onCancel: () => void; onSaved: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<EditorValues>();
  const values = Form.useWatch([], form) as EditorValues | undefined;
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const problems = values ? checkCreditStandard(s.kind, toBody(values)) : [];
  const ratingEnabled = values?.ratingEnabled ?? !!s.rating;

  const save = () => {
    const body = toBody(form.getFieldsValue(true) as EditorValues);
    const found = checkCreditStandard(s.kind, body);
    if (found.length) return;
    modal.confirm({
      title: `确认修改${s.kindLabel}的评级标准？`,
      content: `保存为第${s.version + 1}版。所有${s.kindLabel}的信用分按新标准重新计算（已生成的年度档案不变），修改前后的内容记入审计日志。`,
      okText: '确认修改',
      cancelText: '取消',
      onOk: async () => {
        setSaving(true);
        setError(null);
        try {
          await creditApi.saveStandard(s.kind, body);
          message.success(`${s.kindLabel}评级标准已修改`);
          onSaved();
        } catch (e) {
          setError(asApiError(e));
        } finally {
          setSaving(false);
        }
      },
    });
  };

  return (
    <Form<EditorValues>
      form={form}
      name={`standard-${s.kind}`}
      initialValues={{
        baseItems: s.baseItems, indicators: s.indicators, grades: s.grades, ratingEnabled: !!s.rating,
        rating: s.rating ?? { minCount: 3, maxPoints: 5, windowMonths: 12 },
      }}
      className="credit-standard-table"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <ErrorAlert error={error} onClose={() => setError(null)} />
        <Card size="small" title="基础信息分">
          <Form.List name="baseItems">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="middle">
                    <Col span={8}>
                      <Form.Item name={[f.name, 'code']}>
                        <Select aria-label="依据的事实" options={s.baseFacts.map((b) => ({ value: b.code, label: b.label }))} />
                      </Form.Item>
                    </Col>
                    <Col span={10}>
                      <Form.Item name={[f.name, 'label']}>
                        <Input aria-label="基础分项目名称" maxLength={60} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, 'points']}>
                        <InputNumber aria-label="基础分分值" min={0} max={100} precision={0} suffix="分" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button type="text" icon={<DeleteOutlined />} aria-label="删除基础分项目" onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ code: s.baseFacts[0]?.code, label: s.baseFacts[0]?.label, points: 0 })}>
                  增加基础分项目
                </Button>
              </Space>
            )}
          </Form.List>
        </Card>
        <Card size="small" title="信用指标">
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Row gutter={8}>
                  {['代码', '指标名称', '类别', '分值', '有效期（月）', '黑名单', ''].map((h, i) => (
                    <Col key={h || i} span={[4, 8, 4, 2, 3, 2, 1][i]}>
                      <Typography.Text type="secondary">{h}</Typography.Text>
                    </Col>
                  ))}
                </Row>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="middle">
                    <Col span={4}>
                      <Form.Item name={[f.name, 'code']}>
                        <Input aria-label="指标代码" maxLength={32} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[f.name, 'label']}>
                        <Input aria-label="指标名称" maxLength={60} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, 'direction']}>
                        <Select aria-label="指标类别" options={DIRECTION_OPTIONS} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item name={[f.name, 'points']}>
                        <InputNumber aria-label="指标分值" min={1} max={100} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[f.name, 'validityMonths']}>
                        <InputNumber aria-label="有效期（月）" min={1} max={120} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item name={[f.name, 'blacklist']} valuePropName="checked">
                        <Checkbox aria-label="列入失信黑名单" />
                      </Form.Item>
                    </Col>
                    <Col span={1}>
                      <Button type="text" icon={<DeleteOutlined />} aria-label="删除指标" onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ code: '', label: '', direction: 'bad', points: 1, validityMonths: 12 })}>
                  增加指标
                </Button>
              </Space>
            )}
          </Form.List>
        </Card>
        <Card size="small" title="信用等级（按最低分从高到低）">
          <Form.List name="grades">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="middle">
                    <Col span={6}>
                      <Form.Item name={[f.name, 'grade']}>
                        <Input aria-label="等级" maxLength={16} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[f.name, 'label']}>
                        <Input aria-label="等级名称" maxLength={20} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[f.name, 'min']}>
                        <InputNumber aria-label="最低分" min={0} max={100} precision={0} prefix="≥" suffix="分" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button type="text" icon={<DeleteOutlined />} aria-label="删除等级" onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ grade: '', label: '', min: 0 })}>
                  增加等级
                </Button>
              </Space>
            )}
          </Form.List>
        </Card>
        <Card size="small" title="公众评价计分">
          <Row gutter={8} align="middle">
            <Col span={6}>
              <Form.Item name="ratingEnabled" valuePropName="checked" label="计入信用">
                <Switch />
              </Form.Item>
            </Col>
            {ratingEnabled && (
              <>
                <Col span={6}>
                  <Form.Item name={['rating', 'windowMonths']} label="统计期（月）">
                    <InputNumber min={1} max={60} precision={0} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={['rating', 'minCount']} label="最少条数">
                    <InputNumber min={1} max={1000} precision={0} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={['rating', 'maxPoints']} label="最高加减分">
                    <InputNumber min={0} max={20} precision={0} />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
        </Card>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={`评级标准有 ${problems.length} 处问题，修正后才能保存`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        <Space>
          <Button type="primary" loading={saving} disabled={problems.length > 0} onClick={save}>
            保存标准
          </Button>
          <Button disabled={saving} onClick={onCancel}>
            取消
          </Button>
        </Space>
      </Space>
    </Form>
  );
}
