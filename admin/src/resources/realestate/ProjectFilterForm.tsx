import { Form, Input, Select } from 'antd';
import { FilterForm } from '../../components/FilterForm';
import type { ProjectFilters } from './api';
import { DISTRICT_OPTIONS, PROJECT_STATUS_OPTIONS } from './dictionary';

export function ProjectFilterForm({ onSearch }: { onSearch: (filters: ProjectFilters) => void }) {
  return (
    <FilterForm<ProjectFilters>
      name="projectFilters"
      onFinish={(v) => onSearch({ keyword: v.keyword?.trim() || undefined, district: v.district, status: v.status })}
      onReset={() => onSearch({})}
    >
      <Form.Item label="关键字" name="keyword">
        <Input placeholder="项目名称、推广名、开发企业" allowClear maxLength={50} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item label="片区" name="district">
        <Select placeholder="全部" allowClear options={DISTRICT_OPTIONS} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label="状态" name="status">
        <Select placeholder="全部" allowClear options={PROJECT_STATUS_OPTIONS} style={{ width: 110 }} />
      </Form.Item>
    </FilterForm>
  );
}
