import { Form, Input, Select } from 'antd';
import { FilterForm } from '../../components/FilterForm';
import type { PermitFilters } from './api';
import { KIND_OPTIONS, STATUS_OPTIONS, yearOptions } from './dictionary';

export function PermitFilterForm({ onSearch }: { onSearch: (f: PermitFilters) => void }) {
  return (
    <FilterForm<PermitFilters>
      name="permitFilters"
      onFinish={(v) => onSearch({ keyword: v.keyword?.trim() || undefined, kind: v.kind, status: v.status, year: v.year })}
      onReset={() => onSearch({})}
    >
      <Form.Item label="关键字" name="keyword">
        <Input placeholder="项目名称、证号、开发企业" allowClear maxLength={50} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item label="类别" name="kind">
        <Select placeholder="全部" allowClear options={KIND_OPTIONS} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item label="状态" name="status">
        <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 110 }} />
      </Form.Item>
      <Form.Item label="年度" name="year">
        <Select placeholder="全部" allowClear options={yearOptions()} style={{ width: 110 }} />
      </Form.Item>
    </FilterForm>
  );
}
