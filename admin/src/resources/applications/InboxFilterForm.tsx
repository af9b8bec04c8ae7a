import { Checkbox, Form, Input, Select } from 'antd';
import { FilterForm } from '../../components/FilterForm';
import type { ApplicationStatus } from '@hq/common';
import type { BusinessTypeInfo } from './api';
import { STATUS_OPTIONS } from './dictionary';

export interface InboxFilterValues {
  keyword?: string;
  type?: string;
  status?: ApplicationStatus;
  overdue?: boolean;
}

export function InboxFilterForm({ types, onSearch }: { types: BusinessTypeInfo[]; onSearch: (v: InboxFilterValues) => void }) {
  return (
    <FilterForm<InboxFilterValues>
      name="inboxFilters"
      onFinish={(v) => onSearch({ ...v, keyword: v.keyword?.trim() || undefined })}
      onReset={() => onSearch({})}
    >
      <Form.Item label="关键字" name="keyword">
        <Input placeholder="申请事项、受理编号" allowClear maxLength={50} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item label="业务类型" name="type">
        <Select placeholder="全部" allowClear options={types.map((t) => ({ value: t.key, label: t.label }))} style={{ width: 190 }} />
      </Form.Item>
      <Form.Item label="状态" name="status">
        <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="overdue" valuePropName="checked">
        <Checkbox>仅看逾期</Checkbox>
      </Form.Item>
    </FilterForm>
  );
}
