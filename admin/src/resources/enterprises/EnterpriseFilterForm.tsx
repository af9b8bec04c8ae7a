import { Form, Input, Select } from 'antd';
import { FilterForm } from '../../components/FilterForm';
import type { EnterpriseFilters } from './api';
import { KIND_OPTIONS, STATUS_OPTIONS } from './dictionary';

/** 企业名录 search: name or 统一社会信用代码, kind, registry state. The association sees agencies only. */
export function EnterpriseFilterForm({ onSearch, agenciesOnly }: { onSearch: (f: EnterpriseFilters) => void; agenciesOnly: boolean }) {
  return (
    <FilterForm<EnterpriseFilters>
      name="enterpriseFilters"
      onFinish={(v) => onSearch({ keyword: v.keyword?.trim() || undefined, kind: v.kind, status: v.status })}
      onReset={() => onSearch({})}
    >
      <Form.Item label="关键字" name="keyword">
        <Input placeholder="企业名称或统一社会信用代码" allowClear maxLength={50} style={{ width: 260 }} />
      </Form.Item>
      {!agenciesOnly && (
        <Form.Item label="企业类别" name="kind">
          <Select placeholder="全部" allowClear options={KIND_OPTIONS} style={{ width: 170 }} />
        </Form.Item>
      )}
      <Form.Item label="登记状态" name="status">
        <Select placeholder="全部" allowClear options={STATUS_OPTIONS} style={{ width: 150 }} />
      </Form.Item>
    </FilterForm>
  );
}
