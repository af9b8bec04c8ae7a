// 商品房预售许可申请表 (presalePermitForm): scope on the building table, contacts, schedule,
// the supervised account, the conditions of 广东省商品房预售管理条例 art. 6, office areas and
// counts by floor height. Every field may be left for later in a draft; the API lists what is missing.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import {
  AreaInput, BankSelect, DateInput, PersonFields, ProjectSelect, buildingOptions, isNewRoom, useChosenBuildings, usePrefill, useProject, useScopeFollowsProject,
} from './shared';
import { RoomPicker } from './RoomPicker';
import type { FormFieldsProps } from './types';

export function PresalePermitFields({ form, editable, onChanged }: FormFieldsProps) {
  const projectId = Form.useWatch('projectId', form) as number | undefined;
  const buildingIds = Form.useWatch('buildingIds', form) as number[] | undefined;
  const project = useProject(projectId);
  const chosen = useChosenBuildings(project.data, buildingIds);
  useScopeFollowsProject(form, projectId, editable, onChanged, ['buildingIds', 'roomIds']);
  usePrefill(form, project.data, editable, onChanged, (p) => [
    [['conditions', 'landCertNo'], p.landCertNo],
    [['conditions', 'planningPermitNo'], p.planningPermitNo],
    [['conditions', 'constructionPermitNo'], p.constructionPermitNo],
  ]);

  return (
    <>
      <Divider titlePlacement="start">项目与预售范围</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="项目" name="projectId">
            <ProjectSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="预售楼栋" name="buildingIds" extra="预售范围内的楼栋（幢），可多选">
            <Select mode="multiple" allowClear placeholder={projectId ? '选择楼栋' : '请先选择项目'} loading={project.loading} options={buildingOptions(project.data)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="预售房屋" name="roomIds" extra="在楼盘表上点选预售的房屋；灰色为已取得预售许可、已售或被查封的房屋，不能选择。">
        <RoomPicker buildings={chosen} selectable={isNewRoom} disabled={!editable} emptyText="未点选房屋时，视为申请所选楼栋全部不可售房屋。" />
      </Form.Item>

      <Divider titlePlacement="start">联系人</Divider>
      <PersonFields name={['contacts', 'salesDirector']} label="销售总监" />
      <PersonFields name={['contacts', 'financeDirector']} label="财务总监" />
      <PersonFields name={['contacts', 'projectManager']} label="项目经理" />

      <Divider titlePlacement="start">工程进度计划</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="开工日期" name={['schedule', 'startDate']}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="交付日期" name={['schedule', 'deliveryDate']}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="预售许可有效期至" name="validUntil" extra="不填则长期有效">
            <DateInput />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">预售资金监管账户</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="监管银行" name={['supervisedAccount', 'bankOrgId']}>
            <BankSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="监管账户账号" name={['supervisedAccount', 'accountNo']} rules={[{ pattern: /^[0-9]{10,30}$/, message: '监管账户账号应为10至30位数字' }]}>
            <Input maxLength={30} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="监管账户户名" name={['supervisedAccount', 'accountName']}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">预售条件</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="开发资质证书编号" name={['conditions', 'qualificationCertNo']}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="资质有效期至" name={['conditions', 'qualificationValidUntil']}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="土地使用权证号" name={['conditions', 'landCertNo']}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="土地使用权出让金已全部缴清" name={['conditions', 'landPremiumPaid']} valuePropName="checked">
            <Switch checkedChildren="已缴清" unCheckedChildren="未缴清" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="建设工程规划许可证号" name={['conditions', 'planningPermitNo']}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="施工许可证号" name={['conditions', 'constructionPermitNo']}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">办公用房面积</Divider>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item label="酒店式办公套数" name={['officeAreas', 'serviced', 'count']}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="酒店式办公面积" name={['officeAreas', 'serviced', 'area']}>
            <AreaInput />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="普通办公套数" name={['officeAreas', 'ordinary', 'count']}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="普通办公面积" name={['officeAreas', 'ordinary', 'area']}>
            <AreaInput />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">按层高统计套数</Divider>
      <FloorHeightCounts editable={editable} />

      <Form.Item label="备注" name="remarks">
        <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </>
  );
}

function FloorHeightCounts({ editable }: { editable: boolean }) {
  return (
    <Form.List name="floorHeightCounts">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" wrap>
              <Form.Item label="层高" name={[f.name, 'heightCm']} rules={[{ type: 'number', min: 200, max: 1200, message: '层高应在200至1200厘米之间' }]}>
                <InputNumber min={200} max={1200} precision={0} suffix="cm" style={{ width: 140 }} />
              </Form.Item>
              <Form.Item label="套数" name={[f.name, 'count']}>
                <InputNumber min={0} precision={0} style={{ width: 120 }} />
              </Form.Item>
              {editable && <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除该层高" onClick={() => remove(f.name)} />}
            </Space>
          ))}
          {editable && (
            <Button icon={<PlusOutlined />} onClick={() => add({ heightCm: 300, count: 0 })}>
              增加层高
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}
