import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import {
  formatArea, LEGEND, ROOM_USE_LABELS, SALE_STATUSES,
  type BuildingSummary, type PermitSummary, type PublicProjectDetail, type SalesSummary, type SaleStatus, STATUS_COLOURS, PERMIT_STATUS_LABELS } from '@hq/common'
import StateView from '../../../../components/StateView'
import { useRequest } from '../../../../hooks/useRequest'
import { openPublic } from '../../../../services/nav'
import { apiUrl, fetchProject } from '../../../../services/public'
import { failure } from '../../../../services/transport'
import InfoList from '../../components/InfoList'
import { percentBp, plotRatio, priceRange, PROJECT_STATUS_TONES, projectStatusLabel, text } from '../../format'
import { useIdParam } from '../../params'
import './index.css'

const PERMIT_KINDS: Record<PermitSummary['kind'], string> = { presale: '商品房预售许可证', completed: '现售备案' }
const COLOUR_OF = Object.fromEntries(LEGEND.map((l) => [l.key, l.colour])) as Record<string, string>

function Facts({ p }: { p: PublicProjectDetail }) {
  const term = p.landTermStart || p.landTermEnd ? `${text(p.landTermStart)} 至 ${text(p.landTermEnd)}` : '—'
  return (
    <View className='card'>
      <Text className='section-title'>项目信息</Text>
      <InfoList
        rows={[
          { label: '备案名', value: text(p.filedName) },
          { label: '项目名称', value: p.name },
          { label: '开发企业', value: text(p.developerName), onTap: () => openPublic('developer', { id: p.developerId }) },
          { label: '坐落', value: p.address },
          { label: '片区', value: p.district },
          { label: '宗地代码', value: text(p.parcelCode) },
          { label: '土地用途', value: text(p.landUse) },
          { label: '规划用途', value: text(p.plannedUse) },
          { label: '用地面积', value: formatArea(p.landArea) },
          { label: '规划建筑面积', value: formatArea(p.plannedFloorArea) },
          { label: '容积率', value: plotRatio(p.plotRatio) },
          { label: '绿地率', value: percentBp(p.greeningRate) },
          { label: '土地使用期限', value: term },
          { label: '交付日期', value: text(p.deliveryDate) },
          { label: '不动产权证号', value: text(p.landCertNo) },
          { label: '规划许可证号', value: text(p.planningPermitNo) },
          { label: '施工许可证号', value: text(p.constructionPermitNo) },
        ]}
      />
    </View>
  )
}

function Permits({ permits }: { permits: PermitSummary[] }) {
  return (
    <View className='card'>
      <Text className='section-title'>预售许可（{permits.length}）</Text>
      {permits.length === 0 ? (
        <Text className='project__none'>暂无预售许可信息</Text>
      ) : (
        permits.map((permit) => (
          // Tapping a permit checks it on 证书核验, the page its printed QR code opens.
          <View
            key={permit.id}
            className='project__permit'
            hoverClass='project__permit--pressed'
            onClick={() => openPublic('verify', { no: permit.permitNo })}
          >
            <View className='project__permit-head'>
              <Text className='project__permit-no'>{permit.permitNo}</Text>
              <Text className={`project__permit-status${permit.status === 'valid' ? ' project__permit-status--valid' : ''}`}>
                {PERMIT_STATUS_LABELS[permit.status] ?? permit.status}
              </Text>
              <Text className='project__permit-verify'>核验 ›</Text>
            </View>
            <Text className='project__permit-line'>
              {PERMIT_KINDS[permit.kind]} · 发证日期 {permit.issuedOn}
            </Text>
            <Text className='project__permit-line'>
              {permit.buildingNos.join('、') || '—'} · {permit.roomCount} 套 · {formatArea(permit.area)}
            </Text>
          </View>
        ))
      )}
    </View>
  )
}

function Sales({ sales }: { sales: SalesSummary }) {
  const byStatus = new Map<SaleStatus, { count: number; area: number }>()
  for (const row of sales.rows) {
    const acc = byStatus.get(row.status) ?? { count: 0, area: 0 }
    byStatus.set(row.status, { count: acc.count + row.count, area: acc.area + row.area })
  }
  const uses = [...new Set(sales.rows.map((r) => r.use))]
  return (
    <View className='card'>
      <Text className='section-title'>销售情况</Text>
      <View className='project__sales-totals'>
        <View className='project__sales-total'>
          <Text className='project__sales-num'>{sales.total.count}</Text>
          <Text className='project__sales-cap'>总套数</Text>
        </View>
        <View className='project__sales-total'>
          <Text className='project__sales-num project__sales-num--available' style={{ color: STATUS_COLOURS.available.colour }}>{sales.available.count}</Text>
          <Text className='project__sales-cap'>可售</Text>
        </View>
        <View className='project__sales-total'>
          <Text className='project__sales-num'>{sales.sold.count}</Text>
          <Text className='project__sales-cap'>已售（网签/备案/登记）</Text>
        </View>
      </View>
      <View className='project__sales-table'>
        <View className='project__sales-row project__sales-row--head'>
          <Text className='project__sales-cell project__sales-cell--status'>状态</Text>
          <Text className='project__sales-cell'>套数</Text>
          <Text className='project__sales-cell project__sales-cell--area'>建筑面积</Text>
        </View>
        {SALE_STATUSES.map((s) => {
          const v = byStatus.get(s) ?? { count: 0, area: 0 }
          const legend = LEGEND.find((l) => l.key === s)!
          return (
            <View key={s} className='project__sales-row'>
              <View className='project__sales-cell project__sales-cell--status'>
                <View className='project__swatch' style={{ backgroundColor: COLOUR_OF[s] }} />
                <Text>{legend.label}</Text>
              </View>
              <Text className='project__sales-cell'>{v.count}</Text>
              <Text className='project__sales-cell project__sales-cell--area'>{formatArea(v.area)}</Text>
            </View>
          )
        })}
        <View className='project__sales-row project__sales-row--foot'>
          <Text className='project__sales-cell project__sales-cell--status'>合计</Text>
          <Text className='project__sales-cell'>{sales.total.count}</Text>
          <Text className='project__sales-cell project__sales-cell--area'>{formatArea(sales.total.area)}</Text>
        </View>
      </View>
      {uses.length > 1 && (
        <View className='project__uses'>
          {uses.map((u) => {
            const rows = sales.rows.filter((r) => r.use === u)
            const total = rows.reduce((n, r) => n + r.count, 0)
            const available = rows.filter((r) => r.status === 'available').reduce((n, r) => n + r.count, 0)
            return (
              <Text key={u} className='project__use'>
                {ROOM_USE_LABELS[u]}：可售 {available} / 共 {total} 套
              </Text>
            )
          })}
        </View>
      )}
    </View>
  )
}

function BuildingCard({ b }: { b: BuildingSummary }) {
  const photos = b.progress?.photos ?? []
  return (
    <View className='project__building' hoverClass='project__building--pressed' onClick={() => openPublic('building', { id: b.id })}>
      <View className='project__building-head'>
        <Text className='project__building-no'>{b.buildingNo}</Text>
        <Text className='project__building-use'>{ROOM_USE_LABELS[b.use]}</Text>
        <Text className='project__building-go'>楼盘表 ›</Text>
      </View>
      <Text className='project__building-line'>
        地上 {b.floorsTotal} 层{b.floorsUnderground ? ` · 地下 ${b.floorsUnderground} 层` : ''} · 可售 {b.availableCount} / 总 {b.roomCount} 套
      </Text>
      <Text className='project__building-line'>
        形象进度：{b.progress ? `${b.progress.label}（${b.progress.reportedOn}）` : '暂无'}
      </Text>
      {photos.length > 0 && (
        <View className='project__photos'>
          {photos.slice(0, 4).map((ph) => (
            <Image
              key={ph.id}
              className='project__photo'
              mode='aspectFill'
              lazyLoad
              src={apiUrl(ph.thumbnailUrl ?? ph.url)}
              onClick={(e) => {
                e.stopPropagation()
                void Taro.previewImage({ current: apiUrl(ph.url), urls: photos.map((x) => apiUrl(x.url)) })
              }}
            />
          ))}
        </View>
      )}
    </View>
  )
}

export default function ProjectPage() {
  const id = useIdParam()
  const project = useRequest(async () => {
    if (!id) return failure('BAD_LINK', '链接缺少项目编号')
    const reply = await fetchProject(id)
    if (reply.ok) void Taro.setNavigationBarTitle({ title: reply.data.marketingName || reply.data.name })
    return reply
  })

  if (project.loading) return <StateView kind='loading' />
  if (project.error || !project.data)
    return <StateView kind='error' title='无法打开项目' description={project.error?.message} actionText='重试' onAction={() => void project.run()} />
  const p = project.data
  const tone = PROJECT_STATUS_TONES[p.status]
  return (
    <View className='project'>
      <View className='project__hero'>
        <View className='project__title-row'>
          <Text className='project__title'>{p.marketingName || p.name}</Text>
          <Text className='project__status' style={{ backgroundColor: tone }}>
            {projectStatusLabel(p.status)}
          </Text>
        </View>
        <Text className='project__sub'>
          {p.district} · {p.address}
        </Text>
        <Text className='project__price'>{priceRange(p.minUnitPrice, p.maxUnitPrice)}</Text>
        <Text className='project__sub'>
          可售 {p.availableCount} / 总 {p.roomCount} 套 · 用途：{p.uses.map((u) => ROOM_USE_LABELS[u]).join('、') || '—'}
        </Text>
      </View>

      <View className='card'>
        <Text className='section-title'>楼栋与楼盘表（{p.buildings.length}）</Text>
        {p.buildings.length === 0 ? (
          <Text className='project__none'>暂无楼栋信息</Text>
        ) : (
          p.buildings.map((b) => <BuildingCard key={b.id} b={b} />)
        )}
      </View>
      <Sales sales={p.sales} />
      <Permits permits={p.permits} />
      <Facts p={p} />
    </View>
  )
}
