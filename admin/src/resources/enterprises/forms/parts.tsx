// Pieces of the enterprise forms: money typed in 元 and kept in fen, the basic facts every
// registration or filing asks for, and the lists of people, achievements and managed projects.
// Field names are the contracts' (common/src/contracts/enterprises.ts); the API checks them all.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { checkUscc } from '@hq/common';
import { AreaInput, DateInput, PersonFields } from '../../applications/forms/shared';

/** 元 on screen, integer fen in the form (as the API stores money). */
export function YuanInput({ value, onChange, id, disabled }: { value?: number; onChange?: (v: number | undefined) => void; id?: string; disabled?: boolean }) {
  return (
    <InputNumber<number>
      id={id}
      min={0}
      precision={2}
      step={10000}
      suffix="元"
      disabled={disabled}
      value={value == null ? null : value / 100}
      onChange={(yuan) => onChange?.(yuan == null ? undefined : Math.round(yuan * 100))}
      style={{ width: '100%' }}
    />
  );
}

export const usccRule = {
  validator: async (_: unknown, v: string | undefined) => {
    if (!v) return;
    const c = checkUscc(v.trim().toUpperCase());
    if (!c.ok) throw new Error(c.message);
  },
};

/** 企业基本信息: name, 统一社会信用代码, legal representative, address, capital, founding date, scope, contact. */
export function BasicsFields({ prefix = [], optional = false }: { prefix?: string[]; optional?: boolean }) {
  const n = (k: string) => [...prefix, k];
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="企业名称" name={n('name')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        {!optional && (
          <Col xs={24} md={12}>
            <Form.Item label="统一社会信用代码" name={n('uscc')} rules={[usccRule]} extra="18位，按 GB 32100 校验">
              <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item label="法定代表人" name={n('legalRep')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="注册地址" name={n('address')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="注册资本" name={n('registeredCapitalFen')}>
            <YuanInput />
          </Form.Item>
        </Col>
        {!optional && (
          <Col xs={24} md={12}>
            <Form.Item label="成立日期" name={n('establishedOn')}>
              <DateInput />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item label="经营范围" name={n('businessScope')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <PersonFields name={n('contact')} label="联系人" />
    </>
  );
}

/** 主要管理及技术人员 (also 工程技术、财务等业务负责人): name, position, title, certificate. */
export function PeopleList({ name, label, editable, min = 0 }: { name: (string | number)[]; label: string; editable: boolean; min?: number }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} align="middle">
              <Col xs={12} md={5}>
                <Form.Item name={[f.name, 'name']} label={i === 0 ? '姓名' : undefined}>
                  <Input aria-label={`${label}${i + 1}姓名`} maxLength={50} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name={[f.name, 'position']} label={i === 0 ? '职务' : undefined}>
                  <Input aria-label={`${label}${i + 1}职务`} maxLength={50} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={[f.name, 'title']} label={i === 0 ? '职称' : undefined}>
                  <Input aria-label={`${label}${i + 1}职称`} maxLength={50} />
                </Form.Item>
              </Col>
              <Col xs={10} md={6}>
                <Form.Item name={[f.name, 'certificateNo']} label={i === 0 ? '证书编号' : undefined}>
                  <Input aria-label={`${label}${i + 1}证书编号`} maxLength={64} />
                </Form.Item>
              </Col>
              <Col xs={2} md={2}>
                {editable && fields.length > min && (
                  <Button type="text" icon={<DeleteOutlined />} aria-label={`删除${label}${i + 1}`} onClick={() => remove(f.name)} />
                )}
              </Col>
            </Row>
          ))}
          {!fields.length && <Typography.Paragraph type="secondary">尚未填写{label}</Typography.Paragraph>}
          {editable && (
            <Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                增加{label}
              </Button>
            </Form.Item>
          )}
        </>
      )}
    </Form.List>
  );
}

/** 业绩信息: projects developed, with floor area and completion date. */
export function AchievementsList({ name, editable }: { name: (string | number)[]; editable: boolean }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} align="middle">
              <Col xs={24} md={8}>
                <Form.Item name={[f.name, 'projectName']} label={i === 0 ? '项目名称' : undefined}>
                  <Input aria-label={`业绩${i + 1}项目名称`} maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name={[f.name, 'role']} label={i === 0 ? '承担角色' : undefined}>
                  <Input aria-label={`业绩${i + 1}承担角色`} maxLength={50} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={[f.name, 'floorArea']} label={i === 0 ? '建筑面积' : undefined}>
                  <AreaInput />
                </Form.Item>
              </Col>
              <Col xs={20} md={5}>
                <Form.Item name={[f.name, 'completedOn']} label={i === 0 ? '竣工日期' : undefined}>
                  <DateInput />
                </Form.Item>
              </Col>
              <Col xs={4} md={2}>
                {editable && <Button type="text" icon={<DeleteOutlined />} aria-label={`删除业绩${i + 1}`} onClick={() => remove(f.name)} />}
              </Col>
            </Row>
          ))}
          {!fields.length && <Typography.Paragraph type="secondary">尚未填写业绩</Typography.Paragraph>}
          {editable && (
            <Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                增加业绩
              </Button>
            </Form.Item>
          )}
        </>
      )}
    </Form.List>
  );
}

/** 在管项目 of a property company. */
export function ManagedProjectsList({ editable }: { editable: boolean }) {
  return (
    <Form.List name="managedProjects">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} align="middle">
              <Col xs={14} md={12}>
                <Form.Item name={[f.name, 'name']} label={i === 0 ? '在管项目名称' : undefined}>
                  <Input aria-label={`在管项目${i + 1}名称`} maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={8} md={8}>
                <Form.Item name={[f.name, 'floorArea']} label={i === 0 ? '建筑面积' : undefined}>
                  <AreaInput />
                </Form.Item>
              </Col>
              <Col xs={2} md={2}>
                {editable && <Button type="text" icon={<DeleteOutlined />} aria-label={`删除在管项目${i + 1}`} onClick={() => remove(f.name)} />}
              </Col>
            </Row>
          ))}
          {!fields.length && <Typography.Paragraph type="secondary">尚未填写在管项目</Typography.Paragraph>}
          {editable && (
            <Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                增加在管项目
              </Button>
            </Form.Item>
          )}
        </>
      )}
    </Form.List>
  );
}

export function RemarksField() {
  return (
    <Form.Item label="备注" name="remarks">
      <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
    </Form.Item>
  );
}
