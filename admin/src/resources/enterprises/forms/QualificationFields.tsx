// 开发企业资质首次申报 / 资质变更申报 (developerQualificationForm, developerQualificationChangeForm):
// the grade applied for, years in business, areas, staff, quality record and the responsible
// people; what the chosen grade still lacks is listed as it is typed, by the same rule the API
// applies. Reviewers may correct this form directly (审核人员修正).
import { Alert, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { QUALIFICATION_GRADE_LABELS, QUALIFICATION_GRADES, qualificationShortfalls, type QualificationFacts } from '@hq/common';
import { useResource } from '../../../components/usePagedList';
import { useAccess } from '../../../providers/access';
import { AreaInput } from '../../applications/forms/shared';
import type { FormFieldsProps } from '../../applications/forms/types';
import { certificatesApi, enterprisesApi } from '../api';
import { PeopleList, RemarksField } from './parts';

const GRADE_OPTIONS = QUALIFICATION_GRADES.map((g) => ({ value: g, label: `${QUALIFICATION_GRADE_LABELS[g]}资质` }));

function complete(v: Partial<QualificationFacts> | undefined): QualificationFacts | null {
  if (!v?.grade || v.yearsInBusiness == null || v.completedAreaLast3Years == null || v.constructionAreaLastYear == null) return null;
  const s = v.staff;
  if (!s || s.professional == null || s.midLevel == null || s.accountants == null || v.qualityAllPassed == null) return null;
  return v as QualificationFacts;
}

function QualificationBody({ form, editable }: FormFieldsProps) {
  const values = Form.useWatch([], form) as Partial<QualificationFacts> | undefined;
  const facts = complete(values);
  const shortfalls = facts ? qualificationShortfalls(facts) : [];
  return (
    <>
      <Divider titlePlacement="start">申报等级与经营情况</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="申报资质等级" name="grade">
            <Select options={GRADE_OPTIONS} placeholder="选择一级或二级" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="从事房地产开发经营年限" name="yearsInBusiness">
            <InputNumber min={0} max={100} precision={0} suffix="年" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="近3年建筑工程质量" name="qualityAllPassed">
            <Radio.Group
              options={[
                { value: true, label: '全部合格' },
                { value: false, label: '未全部合格' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="近3年累计竣工面积" name="completedAreaLast3Years">
            <AreaInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="上一年施工面积" name="constructionAreaLastYear">
            <AreaInput />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">专业人员</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="有职称的专业管理人员" name={['staff', 'professional']}>
            <InputNumber min={0} max={100000} precision={0} suffix="人" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="其中中级以上职称人员" name={['staff', 'midLevel']}>
            <InputNumber min={0} max={100000} precision={0} suffix="人" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="专职会计人员" name={['staff', 'accountants']}>
            <InputNumber min={0} max={100000} precision={0} suffix="人" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {facts &&
        (shortfalls.length ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`尚不满足${QUALIFICATION_GRADE_LABELS[facts.grade]}资质条件`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {shortfalls.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`满足${QUALIFICATION_GRADE_LABELS[facts.grade]}资质的申报条件`} />
        ))}
      <Divider titlePlacement="start">工程技术、财务等业务负责人</Divider>
      <PeopleList name={['technicalLeads']} label="业务负责人" editable={editable} min={1} />
      <RemarksField />
    </>
  );
}

export function DeveloperQualificationFields(props: FormFieldsProps) {
  return <QualificationBody {...props} />;
}

/** The qualification certificate being changed: the enterprise's own valid ones, and the one the form names. */
function CertificateSelect({ id, value, onChange, disabled }: { id?: string; value?: number; onChange?: (v: number) => void; disabled?: boolean }) {
  // Reviewers (who may correct this form) have no 本企业信息; they see the certificate the form names.
  const applicant = useAccess().hasRole('developer_staff');
  const mine = useResource((signal) => (applicant ? enterprisesApi.mine(signal) : Promise.resolve(null)), [applicant]);
  const own = (mine.data?.certificates ?? []).filter((c) => c.kind === 'developer_qualification' && c.status === 'valid');
  const named = useResource((signal) => (value && !applicant ? certificatesApi.get(value, signal) : Promise.resolve(null)), [value, applicant]);
  const certs = [...own, ...(named.data && !own.some((c) => c.id === named.data!.id) ? [named.data] : [])];
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={mine.loading || named.loading}
      placeholder="选择现持有效的资质证书"
      notFoundContent={(mine.error ?? named.error)?.message ?? '本企业没有有效的资质证书，请办理资质首次申报'}
      options={certs.map((c) => ({ value: c.id, label: `${c.certNo}（${c.gradeLabel ?? ''}，有效期至${c.validUntil ?? '长期'}，${c.statusLabel}）` }))}
    />
  );
}

export function DeveloperQualificationChangeFields(props: FormFieldsProps) {
  return (
    <>
      <Divider titlePlacement="start">变更的资质证书</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="现持资质证书" name="certificateId">
            <CertificateSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="变更原因" name="reason">
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">审核通过后换发新证，原证书注明「已变更换发」。</Typography.Paragraph>
      <QualificationBody {...props} />
    </>
  );
}
