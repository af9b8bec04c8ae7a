// Pickers shared by the property pages: communities this person may see, and organisations of a kind.
import { useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { useResource } from '../../components/usePagedList';
import { communitiesApi, orgDirectoryApi, type CommunitySummary } from './api';

type Props = Omit<SelectProps<number>, 'options' | 'loading'>;

/** Every community in the person's scope (regulators all; a company its own; a street office its own). */
export function CommunitySelect({ onPicked, describe, ...props }: Props & { onPicked?: (c: CommunitySummary | undefined) => void; describe?: boolean }) {
  const list = useResource((signal) => communitiesApi.options(signal), []);
  const items = list.data?.items ?? [];
  return (
    <Select<number>
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      placeholder="全部小区"
      notFoundContent={list.loading ? '正在加载…' : list.error ? list.error.message : '没有小区'}
      {...props}
      loading={list.loading}
      options={items.map((c) => ({
        value: c.id,
        label: describe && c.propertyOrgName ? `${c.name}（${c.propertyOrgName}）` : c.name,
      }))}
      onChange={(v, o) => {
        props.onChange?.(v, o);
        onPicked?.(items.find((c) => c.id === v));
      }}
    />
  );
}

/** Organisations of one kind from the directory, searched by name as the person types. */
export function OrgSelect({
  kind, current, ...props
}: Props & { kind: 'property_company' | 'street_office' | 'owners_committee'; /** The one already chosen, so its name shows before any search. */ current?: { id: number | null; name: string | null } }) {
  const [keyword, setKeyword] = useState('');
  const list = useResource((signal) => orgDirectoryApi.byKind(kind, keyword || undefined, signal), [kind, keyword]);
  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      notFoundContent={list.loading ? '正在加载…' : '没有匹配的单位'}
      {...props}
      loading={list.loading}
      options={[
        ...(current?.id != null && !list.data?.items.some((o) => o.id === current.id) ? [{ value: current.id, label: current.name ?? String(current.id) }] : []),
        ...(list.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
      ]}
    />
  );
}
