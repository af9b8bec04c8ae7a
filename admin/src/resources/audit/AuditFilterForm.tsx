import { DatePicker, Form, Input, Select } from 'antd';
import { FilterForm } from '../../components/FilterForm';
import type { Dayjs } from 'dayjs';
import type { AuditRecordDto } from '@hq/common';
import type { AuditFilters } from './api';
import { RESULT_LABELS } from './dictionary';

interface FilterValues {
  action?: string;
  result?: AuditRecordDto['result'];
  range?: [Dayjs, Dayjs] | null;
}

// Picked dates are business dates in Asia/Shanghai, whatever the browser's own time zone.
function toFilters(v: FilterValues): AuditFilters {
  const [start, end] = v.range ?? [];
  return {
    action: v.action?.trim() || undefined,
    result: v.result,
    from: start ? `${start.format('YYYY-MM-DD')}T00:00:00+08:00` : undefined,
    to: end ? `${end.format('YYYY-MM-DD')}T23:59:59.999+08:00` : undefined,
  };
}

const RESULT_OPTIONS = Object.entries(RESULT_LABELS).map(([value, { label }]) => ({ value, label }));

export function AuditFilterForm({ onSearch }: { onSearch: (filters: AuditFilters) => void }) {
  return (
    <FilterForm<FilterValues> name="auditFilters" onFinish={(v) => onSearch(toFilters(v))} onReset={() => onSearch({})}>
      <Form.Item label="操作" name="action">
        <Input placeholder="如 auth.login" allowClear maxLength={64} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label="结果" name="result">
        <Select placeholder="全部" allowClear options={RESULT_OPTIONS} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item label="时间" name="range">
        <DatePicker.RangePicker />
      </Form.Item>
    </FilterForm>
  );
}
