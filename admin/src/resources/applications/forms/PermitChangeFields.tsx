// 预售许可变更申请表 (presalePermitChangeForm): which permit, rooms added (not yet sellable) or
// withdrawn (still unsold under this permit), a new supervised account, a new validity, the reason.
import { useMemo, useState } from 'react';
import { Alert, Col, Divider, Form, Input, Row, Select, Switch } from 'antd';
import { useResource } from '../../../components/usePagedList';
import { permitsApi } from '../../permits/api';
import { BankSelect, DateInput, isNewRoom, useProject } from './shared';
import { RoomPicker } from './RoomPicker';
import type { FormFieldsProps } from './types';

const isUnsold = (r: { status: string }) => r.status === 'available';

export function PermitChangeFields({ form, editable, onChanged }: FormFieldsProps) {
  const permitId = Form.useWatch('permitId', form) as number | undefined;
  const [changeAccount, setChangeAccount] = useState(() => form.getFieldValue('supervisedAccount') !== undefined);
  // Only valid presale permits of the applicant's own enterprise can be changed (the API scopes the list).
  const permits = useResource((signal) => permitsApi.list({ kind: 'presale', status: 'valid', page: 1, pageSize: 200 }, signal), []);
  const permit = permits.data?.items.find((p) => p.id === permitId) ?? null;
  const project = useProject(permit?.projectId);
  const all = useMemo(() => (project.data?.buildings ?? []).map((b) => ({ id: b.id, buildingNo: b.buildingNo })), [project.data]);
  const ofPermit = useMemo(() => all.filter((b) => permit?.buildingNos.includes(b.buildingNo)), [all, permit]);

  const toggleAccount = (on: boolean) => {
    setChangeAccount(on);
    // Turned off, the account is no longer part of the change; turned on, its fields start empty.
    if (!on) {
      form.setFieldValue('supervisedAccount', undefined);
      onChanged();
    }
  };

  return (
    <>
      <Divider titlePlacement="start">变更的预售许可证</Divider>
      <Form.Item label="预售许可证" name="permitId">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={permits.loading}
          placeholder="选择本企业有效的预售许可证"
          notFoundContent={permits.error ? permits.error.message : '本企业暂无有效的预售许可证'}
          options={(permits.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.permitNo} ${p.projectName}（${p.buildingNos.join('、')}）` }))}
        />
      </Form.Item>
      {permit && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${permit.projectName}：现许可 ${permit.roomCount} 套，发证日期 ${permit.issuedOn}`} />}

      <Divider titlePlacement="start">房屋范围</Divider>
      <Form.Item label="增加房屋" name="addRoomIds" extra="本项目尚未取得预售许可的房屋">
        <RoomPicker idPrefix="add-rooms" buildings={all} selectable={isNewRoom} disabled={!editable} emptyText={permit ? '不增加房屋' : '请先选择预售许可证'} />
      </Form.Item>
      <Form.Item label="撤出房屋" name="removeRoomIds" extra="本许可范围内尚未售出的房屋">
        <RoomPicker idPrefix="remove-rooms" buildings={ofPermit} selectable={isUnsold} disabled={!editable} emptyText={permit ? '不撤出房屋' : '请先选择预售许可证'} />
      </Form.Item>

      <Divider titlePlacement="start">监管账户与有效期</Divider>
      <Form.Item label="变更预售资金监管账户">
        <Switch checked={changeAccount} onChange={toggleAccount} disabled={!editable} checkedChildren="变更" unCheckedChildren="不变更" />
      </Form.Item>
      {changeAccount && (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="新监管银行" name={['supervisedAccount', 'bankOrgId']}>
              <BankSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="新监管账户账号" name={['supervisedAccount', 'accountNo']} rules={[{ pattern: /^[0-9]{10,30}$/, message: '监管账户账号应为10至30位数字' }]}>
              <Input maxLength={30} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="新监管账户户名" name={['supervisedAccount', 'accountName']}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item label="新的预售许可有效期至" name="validUntil" extra="不变更有效期的不填">
        <DateInput />
      </Form.Item>
      <Form.Item label="变更原因" name="reason">
        <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
      </Form.Item>
    </>
  );
}
