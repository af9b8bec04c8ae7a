// Picks a credit subject of a kind by name (or 统一社会信用代码 for enterprises): enterprises from
// the directory, brokers from the broker list; both scoped by the API to what the person may see.
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import type { CreditSubjectKind } from '@hq/common';
import { useResource } from '../../components/usePagedList';
import { brokersApi, enterprisesApi } from '../enterprises/api';

export interface SubjectOption {
  value: number;
  label: string;
}

async function search(kind: CreditSubjectKind, keyword: string | undefined, signal: AbortSignal): Promise<SubjectOption[]> {
  if (kind === 'broker') {
    const page = await brokersApi.list({ keyword, page: 1, pageSize: 30 }, signal);
    return page.items.map((b) => ({ value: b.id, label: `${b.name}（${b.agency?.name ?? '无所属机构'}）` }));
  }
  const page = await enterprisesApi.list({ kind, keyword, page: 1, pageSize: 30 }, signal);
  return page.items.map((e) => ({ value: e.id, label: e.uscc ? `${e.name}（${e.uscc}）` : e.name }));
}

export function SubjectSelect({
  kind, id, value, onChange, disabled, initialOption,
}: {
  kind: CreditSubjectKind | undefined;
  id?: string;
  value?: number;
  onChange?: (v: number | undefined) => void;
  disabled?: boolean;
  /** The subject already chosen elsewhere (the subject page), so its name shows before any search. */
  initialOption?: SubjectOption;
}) {
  const [keyword, setKeyword] = useState<string | undefined>();
  const [typed, setTyped] = useState('');
  // Search once typing pauses, not on every key.
  useEffect(() => {
    const t = setTimeout(() => setKeyword(typed.trim() || undefined), 300);
    return () => clearTimeout(t);
  }, [typed]);
  const found = useResource((signal) => (kind ? search(kind, keyword, signal) : Promise.resolve([])), [kind, keyword]);
  const options = [...(found.data ?? [])];
  if (initialOption && !options.some((o) => o.value === initialOption.value)) options.unshift(initialOption);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled || !kind}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={found.loading}
      placeholder={kind ? '输入名称搜索' : '请先选择主体类别'}
      notFoundContent={found.error ? found.error.message : found.loading ? '搜索中…' : '没有找到，请换个关键字'}
      options={options}
    />
  );
}
