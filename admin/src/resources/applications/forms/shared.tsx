// Pieces the business types' forms share: dates kept as YYYY-MM-DD, areas in m² kept as 0.01 m²,
// contact people, and the pickers for the organisation's projects, their buildings and banks.
import { useEffect, useMemo, useRef } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { normaliseMobile } from '@hq/common';
import { useResource } from '../../../components/usePagedList';
import { projectsApi, type ProjectDetail } from '../../realestate/api';
import { banksApi } from '../api';

/** A date field whose value is the API's YYYY-MM-DD string, so the form is the API's form. */
export function DateInput({ value, onChange, id, disabled }: { value?: string; onChange?: (v: string | undefined) => void; id?: string; disabled?: boolean }) {
  return (
    <DatePicker
      id={id}
      value={value && dayjs(value, 'YYYY-MM-DD', true).isValid() ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
      format="YYYY-MM-DD"
      disabled={disabled}
      style={{ width: '100%' }}
    />
  );
}

/** Square metres on screen, integer 0.01 m² in the form (as the API stores areas). */
export function AreaInput({ value, onChange, id, disabled }: { value?: number; onChange?: (v: number | undefined) => void; id?: string; disabled?: boolean }) {
  return (
    <InputNumber<number>
      id={id}
      min={0}
      precision={2}
      step={1}
      suffix="m²"
      disabled={disabled}
      value={value == null ? null : value / 100}
      onChange={(m2) => onChange?.(m2 == null ? undefined : Math.round(m2 * 100))}
      style={{ width: '100%' }}
    />
  );
}

const mobileRule = {
  validator: async (_: unknown, v: string | undefined) => {
    if (v && !/^1[3-9][0-9]{9}$/.test(normaliseMobile(v))) throw new Error('手机号格式不正确');
  },
};

/** A contact person (销售总监、财务总监、项目经理): name and mobile. */
export function PersonFields({ name, label }: { name: string[]; label: string }) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label={`${label}姓名`} name={[...name, 'name']} rules={[{ min: 2, message: `请填写${label}姓名` }]}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={`${label}手机号`} name={[...name, 'phone']} rules={[mobileRule]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The organisation's own projects (the API scopes developer staff to their enterprise). */
export function ProjectSelect({ id, value, onChange, disabled }: { id?: string; value?: number; onChange?: (v: number | undefined) => void; disabled?: boolean }) {
  const projects = useResource((signal) => projectsApi.list({ page: 1, pageSize: 200 }, signal), []);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={projects.loading}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择本企业的项目"
      notFoundContent={projects.error ? projects.error.message : '本企业暂无项目'}
      options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.marketingName ? `${p.name}（${p.marketingName}）` : p.name }))}
    />
  );
}

/** The chosen project with its buildings, loaded once per project. */
export function useProject(projectId: number | undefined) {
  return useResource((signal) => (projectId ? projectsApi.get(projectId, signal) : Promise.resolve(null)), [projectId]);
}

export function buildingOptions(project: ProjectDetail | null) {
  return (project?.buildings ?? []).map((b) => ({ value: b.id, label: `${b.buildingNo}（${b.roomCount} 套）` }));
}

/** The buildings chosen in the form, in the project's order, for the room picker. */
export function useChosenBuildings(project: ProjectDetail | null, ids: number[] | undefined) {
  return useMemo(
    () => (project?.buildings ?? []).filter((b) => (ids ?? []).includes(b.id)).map((b) => ({ id: b.id, buildingNo: b.buildingNo })),
    [project, (ids ?? []).join(',')],
  );
}

export function BankSelect({ id, value, onChange, disabled }: { id?: string; value?: number; onChange?: (v: number | undefined) => void; disabled?: boolean }) {
  const banks = useResource((signal) => banksApi.list(signal), []);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      loading={banks.loading}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="从监管银行名单中选择"
      notFoundContent={banks.error ? banks.error.message : '暂无监管银行'}
      options={(banks.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
    />
  );
}

/** Rooms that may come into a new permit or filing: not yet sellable and not seized. */
export const isNewRoom = (r: { status: string; flags: readonly string[] }) => r.status === 'unsellable' && !r.flags.includes('seized');

/** Another project makes the chosen buildings and rooms meaningless: they are cleared. */
export function useScopeFollowsProject(form: FormInstance, projectId: number | undefined, editable: boolean, onChanged: () => void, fields: string[]) {
  const previous = useRef(projectId);
  useEffect(() => {
    if (previous.current === projectId) return;
    const had = previous.current;
    previous.current = projectId;
    if (!editable || had === undefined) return;
    form.setFields(fields.map((name) => ({ name, value: [] })));
    onChanged();
  }, [projectId]);
}

/** Facts the project already has on record fill the fields the person has not typed yet. */
export function usePrefill(
  form: FormInstance, project: ProjectDetail | null, editable: boolean, onChanged: () => void,
  facts: (p: ProjectDetail) => [string[], string | null][],
) {
  useEffect(() => {
    if (!project || !editable) return;
    const fill = facts(project).filter(([name, v]) => v && !form.getFieldValue(name));
    if (!fill.length) return;
    for (const [name, v] of fill) form.setFieldValue(name, v);
    onChanged(); // setFieldValue is not the person's change, so the autosave is told here
  }, [project?.id]);
}
