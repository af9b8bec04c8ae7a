import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FILE_LIMITS, PROGRESS_NODES, PROGRESS_PHOTO_LIMITS, progressRank, type FileInfo, type ProgressNode } from '@hq/common';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError, useSubmit } from '../../components/useSubmit';
import type { ProjectDetail } from '../realestate/api';
import { filesApi, progressApi } from './api';

interface ReportValues {
  buildingId: number;
  node: ProgressNode;
  floorsDone?: number | null;
  reportedOn: Dayjs;
  description?: string;
}

export function ProgressReportModal({
  project, buildingId, onClose, onReported,
}: { project: ProjectDetail; buildingId: number | null; onClose: () => void; onReported: () => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const [photos, setPhotos] = useState<UploadFile<FileInfo>[]>([]);
  const chosen = Form.useWatch('buildingId', form) ?? buildingId;
  const node = Form.useWatch('node', form);
  const building = project.buildings.find((b) => b.id === chosen);
  // Progress only moves forward: nodes before the building's current one are not offered.
  const currentRank = building?.progress ? progressRank(building.progress.node) : -1;
  const nodeOptions = (Object.keys(PROGRESS_NODES) as ProgressNode[])
    .filter((n) => progressRank(n) >= currentRank)
    .map((n) => ({ value: n, label: PROGRESS_NODES[n] }));

  const uploading = photos.some((p) => p.status === 'uploading');
  const submit = useSubmit(async (v: ReportValues) => {
    const photoIds = photos.filter((p) => p.status === 'done' && p.response).map((p) => p.response!.id);
    await progressApi.report(v.buildingId, {
      node: v.node,
      floorsDone: v.floorsDone ?? null,
      reportedOn: v.reportedOn.format('YYYY-MM-DD'),
      description: v.description?.trim() || null,
      photoIds,
    });
    message.success('形象进度已填报');
    onReported();
  });

  const confirm = (v: ReportValues) => {
    const done = photos.filter((p) => p.status === 'done').length;
    if (done < PROGRESS_PHOTO_LIMITS.min) {
      message.error(`请至少上传${PROGRESS_PHOTO_LIMITS.min}张现场照片`);
      return;
    }
    modal.confirm({
      title: '提交形象进度？',
      content: `${building?.buildingNo ?? ''}：${PROGRESS_NODES[v.node]}。提交后现场照片将向社会公开（已去除位置信息），进度节点不能回退。`,
      okText: '提交',
      cancelText: '取消',
      onOk: () => submit.run(v),
    });
  };

  return (
    <Modal
      open
      title="填报形象进度"
      width={640}
      okText="提交"
      okButtonProps={{ disabled: uploading }}
      confirmLoading={submit.busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={submit.error} />
      <Form<ReportValues>
        form={form}
        layout="vertical"
        name="progressReport"
        initialValues={{ buildingId: buildingId ?? undefined, reportedOn: dayjs() }}
        onFinish={confirm}
      >
        <Form.Item label="楼栋" name="buildingId" rules={[{ required: true, message: '请选择楼栋' }]}>
          <Select
            options={project.buildings.map((b) => ({ value: b.id, label: `${b.buildingNo}${b.progress ? `（当前：${b.progress.label}）` : '（未填报）'}` }))}
            onChange={() => form.setFieldValue('node', undefined)}
          />
        </Form.Item>
        <Form.Item label="进度节点" name="node" rules={[{ required: true, message: '请选择进度节点' }]}>
          <Select options={nodeOptions} placeholder="请选择" />
        </Form.Item>
        <Form.Item
          label="已完成层数"
          name="floorsDone"
          rules={[{ required: node === 'structure', message: '主体施工须填写已完成层数' }]}
          extra={building ? `地上共 ${building.floorsTotal} 层` : undefined}
        >
          <InputNumber min={0} max={building?.floorsTotal ?? 200} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="进度日期" name="reportedOn" rules={[{ required: true, message: '请选择进度日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item label="进度说明" name="description">
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item label={`现场照片（${PROGRESS_PHOTO_LIMITS.min}–${PROGRESS_PHOTO_LIMITS.max} 张）`} required>
          <Upload<FileInfo>
            listType="picture-card"
            accept="image/jpeg,image/png,image/webp"
            fileList={photos}
            maxCount={PROGRESS_PHOTO_LIMITS.max}
            multiple
            beforeUpload={(f) => {
              if (f.size > FILE_LIMITS.image) {
                message.error(`图片不超过 ${FILE_LIMITS.image / 1048576} MB`);
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              filesApi.upload(file as File).then(
                (info) => onSuccess?.(info),
                (e: unknown) => {
                  const err = asApiError(e);
                  message.error(err.message);
                  onError?.(err);
                },
              );
            }}
            onChange={({ fileList }) => setPhotos(fileList.map((f) => (f.status === 'error' ? { ...f, response: undefined } : f)))}
          >
            {photos.length < PROGRESS_PHOTO_LIMITS.max && (
              <div>
                <PlusOutlined />
                <div style={{ marginTop: 8 }}>上传照片</div>
              </div>
            )}
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
