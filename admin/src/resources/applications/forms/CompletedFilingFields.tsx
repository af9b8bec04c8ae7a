// 现房销售备案申请表 (completedFilingForm): completed buildings and their rooms, the completion
// filing, contacts and the conditions for selling completed housing.
import { Col, Divider, Form, Input, Row, Select, Switch } from 'antd';
import { DateInput, PersonFields, ProjectSelect, buildingOptions, isNewRoom, useChosenBuildings, usePrefill, useProject, useScopeFollowsProject } from './shared';
import { RoomPicker } from './RoomPicker';
import type { FormFieldsProps } from './types';

export function CompletedFilingFields({ form, editable, onChanged }: FormFieldsProps) {
  const projectId = Form.useWatch('projectId', form) as number | undefined;
  const buildingIds = Form.useWatch('buildingIds', form) as number[] | undefined;
  const project = useProject(projectId);
  const chosen = useChosenBuildings(project.data, buildingIds);
  useScopeFollowsProject(form, projectId, editable, onChanged, ['buildingIds', 'roomIds']);
  usePrefill(form, project.data, editable, onChanged, (p) => [[['conditions', 'landCertNo'], p.landCertNo]]);

  return (
    <>
      <Divider titlePlacement="start">项目与现售范围</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="项目" name="projectId">
            <ProjectSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="现售楼栋" name="buildingIds" extra="须已完成竣工验收备案">
            <Select mode="multiple" allowClear placeholder={projectId ? '选择楼栋' : '请先选择项目'} loading={project.loading} options={buildingOptions(project.data)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="现售房屋" name="roomIds" extra="在楼盘表上点选现售的房屋；灰色为已可售、已售或被查封的房屋，不能选择。">
        <RoomPicker buildings={chosen} selectable={isNewRoom} disabled={!editable} emptyText="未点选房屋时，视为备案所选楼栋全部不可售房屋。" />
      </Form.Item>

      <Divider titlePlacement="start">竣工验收</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="竣工验收备案编号" name="completionFilingNo">
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="竣工验收日期" name="completionDate">
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="首次登记证明号" name="initialRegistrationNo" extra="已办理首次登记的填写">
            <Input maxLength={64} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">联系人</Divider>
      <PersonFields name={['contacts', 'salesDirector']} label="销售总监" />
      <PersonFields name={['contacts', 'projectManager']} label="项目经理" />

      <Divider titlePlacement="start">现售条件</Divider>
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
        <Col xs={12} md={6}>
          <Form.Item label="已落实物业管理" name={['conditions', 'propertyManagementArranged']} valuePropName="checked">
            <Switch checkedChildren="已落实" unCheckedChildren="未落实" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="水电燃气等配套已具备交付条件" name={['conditions', 'utilitiesReady']} valuePropName="checked">
            <Switch checkedChildren="已具备" unCheckedChildren="未具备" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="备注" name="remarks">
        <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </>
  );
}
