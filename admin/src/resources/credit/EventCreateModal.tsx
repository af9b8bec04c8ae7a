// 信用信息录入 (RE-060, RE-073): the subject, the indicator of its standard (which fixes the points
// and how long it counts), when it happened, the basis (文书类型与编号) and the evidence. The
// record waits for review by someone else; only then does it count.
import { Alert, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { CREDIT_SUBJECT_LABELS, shanghaiDate, type CreditEventInput, type CreditSubjectKind } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { useSubmit } from '../../components/useSubmit';
import { useAccess } from '../../providers/access';
import { DateInput } from '../applications/forms/shared';
import { creditApi, type CreditEventView } from './api';
import { BASIS_OPTIONS, reportableKinds, signedPoints } from './dictionary';
import { EvidenceUpload } from './EvidenceUpload';
import { SubjectSelect, type SubjectOption } from './SubjectSelect';

type Values = Partial<CreditEventInput>;

export function EventCreateModal({
  subject, onClose, onDone,
}: {
  /** Entering for a subject already chosen (from its credit page). */
  subject?: { kind: CreditSubjectKind; id: number; name: string };
  onClose: () => void;
  onDone: (e: CreditEventView) => void;
}) {
  const { hasRole } = useAccess();
  const [form] = Form.useForm<Values>();
  const kinds = reportableKinds(hasRole);
  const kind = Form.useWatch('subjectKind', form) as CreditSubjectKind | undefined;
  const indicatorCode = Form.useWatch('indicatorCode', form) as string | undefined;
  const standards = useResource((signal) => creditApi.standards(signal), []);
  const standard = standards.data?.find((s) => s.kind === kind);
  const indicator = standard?.indicators.find((i) => i.code === indicatorCode);
  const initialOption: SubjectOption | undefined = subject ? { value: subject.id, label: subject.name } : undefined;

  const create = useSubmit(async (v: Values) => {
    onDone(await creditApi.report(v as CreditEventInput));
  });

  return (
    <Modal
      open
      width={760}
      title="录入信用信息"
      okText="提交审核"
      cancelText="取消"
      confirmLoading={create.busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={standards.error ?? create.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="creditEvent"
        initialValues={{ subjectKind: subject?.kind ?? kinds[0], subjectId: subject?.id, evidenceFileIds: [], basis: { type: 'decision' } }}
        onValuesChange={(changed) => {
          // Another kind of subject has other subjects and another standard.
          if ('subjectKind' in changed) form.setFieldsValue({ subjectId: undefined, indicatorCode: undefined });
        }}
        onFinish={create.run}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="主体类别" name="subjectKind" rules={[{ required: true, message: '请选择主体类别' }]}>
              <Select disabled={!!subject} options={kinds.map((k) => ({ value: k, label: CREDIT_SUBJECT_LABELS[k] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="信用主体" name="subjectId" rules={[{ required: true, message: '请选择信用主体' }]}>
              <SubjectSelect kind={kind} disabled={!!subject} initialOption={initialOption} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="信用指标"
          name="indicatorCode"
          rules={[{ required: true, message: '请选择信用指标' }]}
          extra={indicator && `${indicator.direction === 'good' ? '良好行为' : '不良行为'}，${signedPoints(indicator.direction === 'good' ? indicator.points : -indicator.points)}分，自发生之日起计${indicator.validityMonths}个月${indicator.blacklist ? '；属严重失信，审核通过后列入失信黑名单' : ''}`}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={kind ? '选择评级标准中的指标' : '请先选择主体类别'}
            loading={standards.loading}
            options={(standard?.indicators ?? []).map((i) => ({
              value: i.code,
              label: `${i.direction === 'good' ? '【良好】' : '【不良】'}${i.label}（${signedPoints(i.direction === 'good' ? i.points : -i.points)}分）`,
            }))}
          />
        </Form.Item>
        {indicator?.blacklist && <Alert type="error" showIcon style={{ marginBottom: 16 }} title="该指标属严重失信行为，审核通过后该主体将列入失信黑名单。" />}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label="行为发生日期"
              name="occurredOn"
              rules={[
                { required: true, message: '请选择行为发生日期' },
                { validator: async (_, v?: string) => { if (v && v > shanghaiDate()) throw new Error('行为发生日期不能晚于今天'); } },
              ]}
            >
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="信用信息标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写信用信息标题' }, { min: 4, message: '信用信息标题至少4个字' }]}>
              <Input maxLength={100} placeholder="如：项目获评市级优质结构工程奖" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="依据类型" name={['basis', 'type']} rules={[{ required: true, message: '请选择依据类型' }]}>
              <Select options={BASIS_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="依据文书编号" name={['basis', 'number']} rules={[{ required: true, whitespace: true, message: '请填写依据文书编号或事实说明' }, { min: 2, message: '请填写依据文书编号或事实说明' }]}>
              <Input maxLength={100} placeholder="如：横琴建督〔2026〕31号" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="情况说明" name="description">
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item
          label="证据材料"
          name="evidenceFileIds"
          rules={[{ validator: async (_, v?: string[]) => { if (!v?.length) throw new Error('请上传至少1个证据材料'); } }]}
        >
          <EvidenceUpload />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">提交后由其他审核人员审核，审核通过后计入信用；录入人不能审核本人录入的信用信息。</Typography.Text>
    </Modal>
  );
}
