import { DatePicker, Form, Input, Select } from 'antd';
import { FilterForm } from '../../components/FilterForm';
import type { Dayjs } from 'dayjs';
import type { TicketKind } from '@hq/common';
import type { TicketFilters } from './api';
import { ESCALATION_OPTIONS, KIND_OPTIONS, STATUS_OPTIONS, TICKET_STATE_OPTIONS } from './dictionary';
import { CommunitySelect, OrgSelect } from './pickers';

interface Values {
  q?: string;
  kind?: TicketKind;
  state?: TicketFilters['state'];
  status?: TicketFilters['status'];
  communityId?: number;
  orgId?: number;
  escalationLevel?: number;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function TicketFilterForm({ onSearch, showCompany }: { onSearch: (f: TicketFilters) => void; showCompany: boolean }) {
  return (
    <FilterForm<Values>
      name="ticketFilters"
      onFinish={(v) =>
        onSearch({
          q: v.q?.trim() || undefined,
          kind: v.kind,
          state: v.state,
          status: v.status,
          communityId: v.communityId,
          orgId: v.orgId,
          escalationLevel: v.escalationLevel,
          from: v.range?.[0]?.format('YYYY-MM-DD'),
          to: v.range?.[1]?.format('YYYY-MM-DD'),
        })
      }
      onReset={() => onSearch({})}
    >
      <Form.Item label="关键字" name="q">
        <Input placeholder="受理编号、描述、位置" allowClear maxLength={50} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="类型" name="kind">
        <Select placeholder="全部" allowClear options={KIND_OPTIONS} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item label="办理情况" name="state">
        <Select placeholder="全部" allowClear options={[...TICKET_STATE_OPTIONS]} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item label="状态" name="status">
        <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item label="小区" name="communityId">
        <CommunitySelect style={{ width: 200 }} />
      </Form.Item>
      {showCompany && (
        <Form.Item label="物业服务企业" name="orgId">
          <OrgSelect kind="property_company" placeholder="全部企业" style={{ width: 220 }} />
        </Form.Item>
      )}
      <Form.Item label="督办层级" name="escalationLevel">
        <Select placeholder="全部" allowClear options={ESCALATION_OPTIONS} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label="上报日期" name="range">
        <DatePicker.RangePicker placeholder={['开始日期', '结束日期']} />
      </Form.Item>
    </FilterForm>
  );
}
