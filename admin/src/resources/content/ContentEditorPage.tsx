// 新建/编辑内容: the fields, the body with a live preview (rendered by common's parser, as the
// public will see it), the video of the 购房陷阱 guide, and the workflow buttons.
import { useEffect, useState } from 'react';
import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Input, Result, Row, Select, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import {
  CONTENT_BODY_MAX, CONTENT_STATUS_LABELS, FILE_LIMITS, formatShanghai, type ContentChannel, type ContentSection, type GuideCategory,
  type ManagedContentDetail,
} from '@hq/common';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useResource } from '../../components/usePagedList';
import { asApiError, useSubmit } from '../../components/useSubmit';
import { http } from '../../providers/transport';
import { contentApi, type ContentFields } from './api';
import { ContentActions } from './ContentActions';
import { ContentBody } from './ContentBody';
import { CATEGORY_OPTIONS, CHANNEL_OPTIONS, SECTION_OPTIONS, STATUS_COLOURS } from './dictionary';
import './content.css';

interface EditorValues {
  title: string;
  channel: ContentChannel;
  section: ContentSection;
  category?: GuideCategory | null;
  issuer?: string | null;
  docNo?: string | null;
  summary?: string | null;
  body: string;
  videoFileId?: string | null;
}

const toValues = (c: ManagedContentDetail): EditorValues => ({
  title: c.title, channel: c.channel, section: c.section, category: c.category, issuer: c.issuer, docNo: c.docNo, summary: c.summary, body: c.body,
  videoFileId: c.videoFileId,
});

export function ContentEditorPage() {
  const param = useParams().id;
  const id = param === 'new' || param === undefined ? null : Number(param);
  const content = useResource((signal) => (id ? contentApi.get(id, signal) : Promise.resolve(null)), [id]);
  if (id !== null && !Number.isInteger(id)) return <Result status="404" title="内容不存在" />;
  if (id !== null && !content.data) {
    return (
      <Card>
        {content.error ? <Result status={content.error.status === 404 ? '404' : 'error'} title={content.error.message} extra={<Link to="/content">返回列表</Link>} /> : <Skeleton active />}
      </Card>
    );
  }
  return <ContentEditor key={`${id ?? 'new'}:${content.data?.version ?? 0}`} content={content.data} onReload={content.reload} onSaved={content.setData} />;
}

function ContentEditor({
  content, onReload, onSaved,
}: { content: ManagedContentDetail | null; onReload: () => void; onSaved: (c: ManagedContentDetail) => void }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<EditorValues>();
  const [dirty, setDirty] = useState(false);
  const channel = Form.useWatch('channel', form);
  const category = Form.useWatch('category', form);
  const body = Form.useWatch('body', form) ?? content?.body ?? '';
  const videoFileId = Form.useWatch('videoFileId', form);
  const [videoName, setVideoName] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  const submit = useSubmit(async (v: EditorValues) => {
    const fields: ContentFields = {
      title: v.title,
      channel: v.channel,
      section: v.section,
      category: v.channel === 'guide' ? v.category ?? null : null,
      issuer: v.issuer ?? null,
      docNo: v.docNo ?? null,
      summary: v.summary ?? null,
      body: v.body,
      videoFileId: v.videoFileId ?? null,
      attachmentIds: content?.attachmentIds ?? [],
      communityId: content?.communityId ?? null,
    };
    try {
      const saved = content ? await contentApi.update(content.id, fields, content.version) : await contentApi.create(fields);
      message.success(content ? '已保存' : '已保存为草稿');
      setDirty(false);
      if (content) onSaved(saved);
      else navigate(`/content/${saved.id}`, { replace: true });
    } catch (e) {
      if (asApiError(e).code === 'CONTENT_STALE') {
        modal.warning({ title: '已被他人修改，请刷新', content: asApiError(e).message, okText: '重新加载', onOk: onReload });
        return;
      }
      throw e;
    }
  });

  const uploadVideo = async (file: File) => {
    setUploading(true);
    try {
      const info = await contentApi.uploadFile(file);
      if (info.kind !== 'video') throw new Error('not video');
      form.setFieldValue('videoFileId', info.id);
      setVideoName(info.name);
      setDirty(true);
    } catch (e) {
      message.error(e instanceof Error && e.message === 'not video' ? '请上传 MP4 视频文件' : asApiError(e).message);
    } finally {
      setUploading(false);
    }
  };

  const status = content?.status ?? 'draft';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Link to="/content">
          <Button type="text" icon={<ArrowLeftOutlined />}>
            内容列表
          </Button>
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {content ? '编辑内容' : '新建内容'}
        </Typography.Title>
        <Tag color={STATUS_COLOURS[status]}>{CONTENT_STATUS_LABELS[status]}</Tag>
        {content && <Typography.Text type="secondary">第 {content.version} 版｜更新于 {formatShanghai(content.updatedAt, false)}</Typography.Text>}
      </Space>
      {content?.status === 'scheduled' && content.publishAt && <Alert type="info" showIcon title={`将于 ${formatShanghai(content.publishAt, false)} 自动发布`} />}
      {content?.status === 'withdrawn' && <Alert type="warning" showIcon title={`已下架：${content.withdrawReason ?? ''}`} />}
      <Card
        extra={
          content && (
            <Space>
              {dirty && <Typography.Text type="warning">有未保存的修改，请先保存</Typography.Text>}
              <ContentActions item={content} disabled={dirty} onDone={(next) => (next ? onSaved(next) : onReload())} />
            </Space>
          )
        }
        title="内容"
      >
        <ErrorAlert error={submit.error} />
        <Form<EditorValues>
          form={form}
          layout="vertical"
          name="contentEditor"
          initialValues={content ? toValues(content) : { channel: 'policy', section: 'new_home', body: '' }}
          onValuesChange={(changed: Partial<EditorValues>) => {
            setDirty(true);
            if (changed.channel && changed.channel !== 'guide') form.setFieldValue('category', null);
          }}
          onFinish={submit.run}
        >
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
                <Input maxLength={200} showCount />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="栏目" name="channel" rules={[{ required: true, message: '请选择栏目' }]}>
                <Select options={CHANNEL_OPTIONS} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="板块"
                name="section"
                dependencies={['channel']}
                rules={[
                  { required: true, message: '请选择板块' },
                  ({ getFieldValue }) => ({
                    validator: (_, s: string) =>
                      getFieldValue('channel') === 'guide' && s === 'property' ? Promise.reject(new Error('购房须知仅适用于新建商品房和存量房板块')) : Promise.resolve(),
                  }),
                ]}
              >
                <Select options={SECTION_OPTIONS} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="分类（购房须知）"
                name="category"
                rules={[{ required: channel === 'guide', message: '购房须知须选择分类' }]}
              >
                <Select options={CATEGORY_OPTIONS} disabled={channel !== 'guide'} allowClear placeholder={channel === 'guide' ? '请选择' : '仅购房须知'} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="发布机关" name="issuer">
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="文号" name="docNo">
                <Input maxLength={100} placeholder="如 琴房规〔2026〕1号" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label="摘要" name="summary">
                <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
            </Col>
            {(category === 'video' || videoFileId) && (
              <Col span={24}>
                <Form.Item label="视频（MP4）" extra={`《购房陷阱知多少》等视频，MP4 格式，不超过 ${FILE_LIMITS.video / 1048576} MB`}>
                  <VideoField
                    fileId={videoFileId ?? null}
                    name={videoName}
                    uploading={uploading}
                    onPick={uploadVideo}
                    onClear={() => {
                      form.setFieldValue('videoFileId', null);
                      setVideoName(null);
                      setDirty(true);
                    }}
                  />
                </Form.Item>
              </Col>
            )}
            <Form.Item name="videoFileId" hidden>
              <Input />
            </Form.Item>
            <Col xs={24} lg={12}>
              <Form.Item
                label="正文"
                name="body"
                rules={[{ required: true, whitespace: true, message: '请填写正文' }]}
                extra="空行分段；# 开头为标题，- 开头为列表，1. 开头为编号列表，| 单元格 | 为表格。"
              >
                <Input.TextArea maxLength={CONTENT_BODY_MAX} autoSize={{ minRows: 18, maxRows: 30 }} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <div style={{ marginBottom: 8 }}>预览</div>
              <div className="content-preview" aria-label="正文预览">
                <ContentBody body={body} />
              </div>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={submit.busy} disabled={uploading}>
              {content ? '保存' : '保存为草稿'}
            </Button>
            <Button onClick={() => navigate('/content')}>返回</Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}

/** The video picker with a player for what is attached (fetched with the token: it is not public yet). */
function VideoField({
  fileId, name, uploading, onPick, onClear,
}: { fileId: string | null; name: string | null; uploading: boolean; onPick: (f: File) => void; onClear: () => void }) {
  const { message } = App.useApp();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!fileId) return setSrc(null);
    let url: string | null = null;
    const ctrl = new AbortController();
    http.objectUrl(`/api/files/${fileId}`, ctrl.signal).then((u) => {
      url = u;
      setSrc(u);
    }, () => setSrc(null));
    return () => {
      ctrl.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [fileId]);
  return (
    <Space orientation="vertical">
      <Space>
        <Upload
          accept="video/mp4,.mp4"
          showUploadList={false}
          beforeUpload={(f) => {
            if (f.size > FILE_LIMITS.video) {
              message.error(`视频不超过 ${FILE_LIMITS.video / 1048576} MB`);
              return Upload.LIST_IGNORE;
            }
            onPick(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading}>
            {fileId ? '更换视频' : '上传视频'}
          </Button>
        </Upload>
        {fileId && (
          <Button danger type="link" onClick={onClear}>
            移除视频
          </Button>
        )}
        {name && <Typography.Text type="secondary">{name}</Typography.Text>}
      </Space>
      {src && <video src={src} controls style={{ maxWidth: 480, maxHeight: 270, background: '#000' }} aria-label="视频预览" />}
    </Space>
  );
}
