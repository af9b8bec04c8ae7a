// The project facts form, shared by 新建项目 and 编辑基本信息. The API keeps areas in 0.01 m²,
// 容积率 ×100 and 绿地率 in basis points; people type m², a ratio and a percentage.
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ProjectInput } from '@hq/common';
import type { ProjectDetail } from './api';
import { DISTRICT_OPTIONS, PROJECT_STATUS_OPTIONS, fromSquareMetres, toSquareMetres } from './dictionary';

export interface ProjectFormValues {
  developerOrgId?: number;
  name: string;
  filedName?: string | null;
  marketingName?: string | null;
  parcelCode?: string | null;
  address: string;
  district: string;
  status: ProjectInput['status'];
  lng?: number | null;
  lat?: number | null;
  landArea?: number | null;
  plannedFloorArea?: number | null;
  landUse?: string | null;
  plannedUse?: string | null;
  landTerm?: [Dayjs | null, Dayjs | null] | null;
  plotRatio?: number | null;
  greeningRate?: number | null;
  landCertNo?: string | null;
  planningPermitNo?: string | null;
  constructionPermitNo?: string | null;
  deliveryDate?: Dayjs | null;
}

const day = (s: string | null | undefined) => (s ? dayjs(s) : null);
const date = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function projectToForm(p: ProjectDetail): ProjectFormValues {
  return {
    developerOrgId: p.developerId,
    name: p.name,
    filedName: p.filedName,
    marketingName: p.marketingName,
    parcelCode: p.parcelCode,
    address: p.address,
    district: p.district,
    status: p.status,
    lng: p.lng,
    lat: p.lat,
    landArea: toSquareMetres(p.landArea),
    plannedFloorArea: toSquareMetres(p.plannedFloorArea),
    landUse: p.landUse,
    plannedUse: p.plannedUse,
    landTerm: p.landTermStart || p.landTermEnd ? [day(p.landTermStart), day(p.landTermEnd)] : null,
    plotRatio: p.plotRatio == null ? null : p.plotRatio / 100,
    greeningRate: p.greeningRate == null ? null : p.greeningRate / 100,
    landCertNo: p.landCertNo,
    planningPermitNo: p.planningPermitNo,
    constructionPermitNo: p.constructionPermitNo,
    deliveryDate: day(p.deliveryDate),
  };
}

export function formToInput(v: ProjectFormValues): Omit<ProjectInput, 'developerOrgId' | 'crs'> & { developerOrgId?: number } {
  return {
    developerOrgId: v.developerOrgId,
    name: v.name.trim(),
    filedName: blank(v.filedName),
    marketingName: blank(v.marketingName),
    parcelCode: blank(v.parcelCode)?.toUpperCase() ?? null,
    address: v.address.trim(),
    district: v.district,
    status: v.status,
    lng: v.lng ?? null,
    lat: v.lat ?? null,
    landArea: fromSquareMetres(v.landArea),
    plannedFloorArea: fromSquareMetres(v.plannedFloorArea),
    landUse: blank(v.landUse),
    plannedUse: blank(v.plannedUse),
    landTermStart: date(v.landTerm?.[0]),
    landTermEnd: date(v.landTerm?.[1]),
    plotRatio: v.plotRatio == null ? null : Math.round(v.plotRatio * 100),
    greeningRate: v.greeningRate == null ? null : Math.round(v.greeningRate * 100),
    landCertNo: blank(v.landCertNo),
    planningPermitNo: blank(v.planningPermitNo),
    constructionPermitNo: blank(v.constructionPermitNo),
    deliveryDate: date(v.deliveryDate),
  };
}

/** Only what changed, so a save does not rewrite fields someone else may have touched. */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) out[key] = after[key];
  }
  return out;
}

const half = { xs: 24, md: 12 };

/** The fields themselves; the developer picker is passed in (it differs between create and edit). */
export function ProjectFields({ developerField }: { developerField?: React.ReactNode }) {
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item label="项目名称" name="name" rules={[{ required: true, min: 2, max: 200, message: '项目名称2至200个字' }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col {...half}>{developerField}</Col>
      <Col {...half}>
        <Form.Item label="备案名" name="filedName">
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="推广名" name="marketingName">
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="片区" name="district" rules={[{ required: true, message: '请选择片区' }]}>
          <Select options={DISTRICT_OPTIONS} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="项目状态" name="status" rules={[{ required: true, message: '请选择项目状态' }]}>
          <Select options={PROJECT_STATUS_OPTIONS} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="坐落" name="address" rules={[{ required: true, min: 4, max: 300, message: '请填写项目坐落（至少4个字）' }]}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          label="宗地代码"
          name="parcelCode"
          extra="19位，不动产单元号的前19位"
          rules={[{ pattern: /^[0-9A-Za-z]{19}$/, message: '宗地代码应为19位数字或大写字母' }]}
        >
          <Input maxLength={19} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="交付日期" name="deliveryDate">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="经度（GCJ-02）" name="lng">
          <InputNumber min={113.45} max={113.59} step={0.000001} precision={6} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="纬度（GCJ-02）" name="lat">
          <InputNumber min={22.06} max={22.17} step={0.000001} precision={6} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="土地面积（m²）" name="landArea">
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="规划建筑面积（m²）" name="plannedFloorArea">
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="土地用途" name="landUse">
          <Input maxLength={64} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="规划用途" name="plannedUse">
          <Input maxLength={64} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="土地使用期限" name="landTerm">
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label="容积率" name="plotRatio">
          <InputNumber min={0} max={20} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item label="绿地率（%）" name="greeningRate">
          <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="土地证号" name="landCertNo">
          <Input maxLength={64} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="规划许可证号" name="planningPermitNo">
          <Input maxLength={64} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item label="施工许可证号" name="constructionPermitNo">
          <Input maxLength={64} />
        </Form.Item>
      </Col>
    </Row>
  );
}
