// 房地产开发企业注册 / 变更, 中介机构备案 / 变更, 物业服务企业备案: the forms of the enterprise
// business types, field for field as common's contracts name them. First-time forms start from
// what the registry already knows (本企业信息 fills the draft); change forms carry only what changes.
import { Col, Divider, Form, Input, Row, Select, Typography } from 'antd';
import { QUALIFICATION_GRADE_LABELS, QUALIFICATION_GRADES } from '@hq/common';
import { useResource } from '../../../components/usePagedList';
import { DateInput } from '../../applications/forms/shared';
import { READ_ONLY_FORMS } from '../../applications/forms/ReadOnlyForms';
import type { FormFieldsProps } from '../../applications/forms/types';
import { brokersApi } from '../api';
import { AchievementsList, BasicsFields, ManagedProjectsList, PeopleList, RemarksField } from './parts';

export function DeveloperRegistrationFields({ editable }: FormFieldsProps) {
  return (
    <>
      <Divider titlePlacement="start">企业基本信息</Divider>
      <BasicsFields />
      <Divider titlePlacement="start">资质信息（已有资质时填写）</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="资质等级" name={['qualification', 'grade']}>
            <Select allowClear options={QUALIFICATION_GRADES.map((g) => ({ value: g, label: QUALIFICATION_GRADE_LABELS[g] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="资质证书编号" name={['qualification', 'certNo']}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="资质有效期" name={['qualification', 'validUntil']}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">主要管理及技术人员</Divider>
      <PeopleList name={['personnel']} label="人员" editable={editable} min={1} />
      <Divider titlePlacement="start">开发业绩</Divider>
      <AchievementsList name={['achievements']} editable={editable} />
      <RemarksField />
    </>
  );
}

function ReasonField() {
  return (
    <Form.Item label="变更原因" name="reason" extra="说明变更了什么、为什么变更">
      <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
    </Form.Item>
  );
}

export function DeveloperChangeFields({ editable }: FormFieldsProps) {
  return (
    <>
      <Typography.Paragraph type="secondary">只填写发生变化的项目，未填写的保持登记内容不变。</Typography.Paragraph>
      <Divider titlePlacement="start">变更内容</Divider>
      <BasicsFields prefix={['changes']} optional />
      <Divider titlePlacement="start">人员（有变化时填写完整名单）</Divider>
      <PeopleList name={['changes', 'personnel']} label="人员" editable={editable} />
      <Divider titlePlacement="start">业绩（有变化时填写完整名单）</Divider>
      <AchievementsList name={['changes', 'achievements']} editable={editable} />
      <ReasonField />
    </>
  );
}

/** The agency's registered brokers (经纪人员) to file with it; registered beforehand (POST /api/brokers). */
function BrokerMultiSelect({ id, value, onChange, disabled }: { id?: string; value?: number[]; onChange?: (v: number[]) => void; disabled?: boolean }) {
  const brokers = useResource((signal) => brokersApi.list({ page: 1, pageSize: 200 }, signal), []);
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={brokers.loading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择本机构已登记的经纪人员"
      notFoundContent={brokers.error?.message ?? '本机构尚未登记经纪人员'}
      options={(brokers.data?.items ?? [])
        .filter((b) => b.status !== 'released' && b.status !== 'cancelled')
        .map((b) => ({ value: b.id, label: `${b.name}（${b.idNumber}，${b.statusLabel}）` }))}
    />
  );
}

const AgencyFilingReadOnly = READ_ONLY_FORMS.agency_filing;

export function AgencyFilingFields({ form, editable }: FormFieldsProps) {
  // Reviewers (the association) read it with each broker's record spelled out.
  if (!editable && AgencyFilingReadOnly) return <AgencyFilingReadOnly form={form.getFieldsValue(true) as Record<string, unknown>} />;
  return (
    <>
      <Divider titlePlacement="start">机构基本信息</Divider>
      <BasicsFields />
      <Form.Item label="经营场所地址" name="storeAddress">
        <Input maxLength={300} />
      </Form.Item>
      <Divider titlePlacement="start">经纪人员</Divider>
      <Form.Item label="经纪人员" name="brokerIds" extra="已在其他机构执业的经纪人不能备案到本机构（查重）">
        <BrokerMultiSelect />
      </Form.Item>
      <RemarksField />
    </>
  );
}

export function AgencyChangeFields() {
  return (
    <>
      <Typography.Paragraph type="secondary">只填写发生变化的项目；审核通过后重新发放备案证明。</Typography.Paragraph>
      <Divider titlePlacement="start">变更内容</Divider>
      <BasicsFields prefix={['changes']} optional />
      <Form.Item label="经营场所地址" name={['changes', 'storeAddress']}>
        <Input maxLength={300} />
      </Form.Item>
      <ReasonField />
    </>
  );
}

export function PropertyFilingFields({ editable }: FormFieldsProps) {
  return (
    <>
      <Divider titlePlacement="start">企业基本信息</Divider>
      <BasicsFields />
      <Form.Item label="服务范围" name="serviceScope">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Divider titlePlacement="start">在管项目</Divider>
      <ManagedProjectsList editable={editable} />
      <RemarksField />
    </>
  );
}
