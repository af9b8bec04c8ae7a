// 地图找房. In WeChat: the native <Map> with a marker per project and a disc per cluster (tap to
// zoom into it); moving the map asks again for what is in view. Taro's H5 build has no <Map>, so
// the web shows a schematic of Hengqin (points placed by GCJ-02 within HENGQIN_BOUNDS) above a
// list of the projects in view; clusters zoom in there too.
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Map, Text, View, type MapProps } from '@tarojs/components'
import { formatUnitPrice, HENGQIN_BOUNDS, HENGQIN_CENTRE, PROJECT_STATUSES, type MapResponse } from '@hq/common'
import StateView from '../../../../components/StateView'
import { openPublic } from '../../../../services/nav'
import { fetchMapProjects, type Bbox } from '../../../../services/public'
import type { Failure } from '../../../../services/transport'
import './index.css'

type MapPoint = MapResponse['points'][number]
type MapCluster = MapResponse['clusters'][number]

const MAP_ID = 'projects-map'
const HENGQIN_BBOX: Bbox = [HENGQIN_BOUNDS.minLng, HENGQIN_BOUNDS.minLat, HENGQIN_BOUNDS.maxLng, HENGQIN_BOUNDS.maxLat]
/** Marker ids must be numbers: clusters take ids above every project id. */
const CLUSTER_ID_BASE = 1_000_000_000

/** The map query for a view: the latest reply wins, earlier ones still in flight are dropped. */
function useMapQuery() {
  const [data, setData] = useState<MapResponse | null>(null)
  const [error, setError] = useState<Pick<Failure, 'code' | 'message'> | null>(null)
  const [loading, setLoading] = useState(false)
  const seq = useRef(0)
  const last = useRef<[Bbox, number]>([HENGQIN_BBOX, 13])
  const query = async (bbox: Bbox, zoom: number) => {
    last.current = [bbox, zoom]
    const mine = ++seq.current
    setLoading(true)
    const reply = await fetchMapProjects(bbox, Math.min(20, Math.max(3, Math.round(zoom))))
    if (mine !== seq.current) return
    setLoading(false)
    if (reply.ok) {
      setData(reply.data)
      setError(null)
    } else setError({ code: reply.code, message: reply.message })
  }
  const retry = () => void query(...last.current)
  return { data, error, loading, query, retry }
}

function PointCard({ point, onClose }: { point: MapPoint; onClose: () => void }) {
  return (
    <View className='map-page__card'>
      <View className='map-page__card-head'>
        <Text className='map-page__card-name'>{point.name}</Text>
        <Text className='map-page__card-close' onClick={onClose}>
          ×
        </Text>
      </View>
      <Text className='map-page__card-line'>
        {PROJECT_STATUSES[point.status]} · 可售 {point.availableCount} / 总 {point.roomCount} 套 · 起价 {formatUnitPrice(point.minUnitPrice)}
      </Text>
      <View className='map-page__card-go' onClick={() => openPublic('project', { id: point.id })}>
        <Text>查看楼盘详情</Text>
      </View>
    </View>
  )
}

function WeappMap() {
  const map = useMapQuery()
  const [selected, setSelected] = useState<MapPoint | null>(null)
  useEffect(() => void map.query(HENGQIN_BBOX, 13), [])

  const points = map.data?.points ?? []
  const clusters = map.data?.clusters ?? []
  const markers: MapProps.marker[] = [
    ...points.map((p) => ({
      id: p.id,
      latitude: p.lat,
      longitude: p.lng,
      iconPath: '/subpackages/public/assets/pin.png',
      width: 28,
      height: 34,
      callout: {
        content: `${p.name}  可售${p.availableCount}套`, display: 'BYCLICK' as const, textAlign: 'center' as const,
        padding: 8, borderRadius: 6, borderWidth: 0, borderColor: '#ffffff', fontSize: 13, color: '#1d2129', bgColor: '#ffffff', anchorX: 0, anchorY: 0,
      },
    })),
    ...clusters.map((c, i) => ({
      id: CLUSTER_ID_BASE + i,
      latitude: c.lat,
      longitude: c.lng,
      iconPath: '/subpackages/public/assets/cluster.png',
      width: 40,
      height: 40,
      anchor: { x: 0.5, y: 0.5 },
      // The count drawn over the disc: anchors are px from the marker's anchor point.
      label: {
        content: String(c.count), color: '#ffffff', fontSize: 14, textAlign: 'center' as const,
        anchorX: -(String(c.count).length * 4), anchorY: -9, bgColor: '#00000000', borderWidth: 0, borderColor: '#00000000', borderRadius: 0, padding: 0,
      },
    })),
  ]

  const context = () => Taro.createMapContext(MAP_ID)
  const requery = () => {
    const ctx = context()
    ctx.getRegion({
      success: (region) => {
        ctx.getScale({
          success: ({ scale }) => {
            const { southwest: sw, northeast: ne } = region
            void map.query([sw.longitude, sw.latitude, ne.longitude, ne.latitude], scale)
          },
        })
      },
    })
  }
  const zoomInto = (c: MapCluster) => {
    setSelected(null)
    context().includePoints({
      points: [
        { latitude: c.bbox[1], longitude: c.bbox[0] },
        { latitude: c.bbox[3], longitude: c.bbox[2] },
      ],
      padding: [60, 60, 60, 60],
    })
  }
  const onMarkerTap = (markerId: number) => {
    if (markerId >= CLUSTER_ID_BASE) {
      const c = clusters[markerId - CLUSTER_ID_BASE]
      if (c) zoomInto(c)
      return
    }
    setSelected(points.find((p) => p.id === markerId) ?? null)
  }

  return (
    <View className='map-page map-page--weapp'>
      <Map
        id={MAP_ID}
        className='map-page__map'
        longitude={HENGQIN_CENTRE.lng}
        latitude={HENGQIN_CENTRE.lat}
        scale={13}
        minScale={10}
        markers={markers}
        onMarkerTap={(e) => onMarkerTap(Number((e.detail as { markerId: number | string }).markerId))}
        onCalloutTap={(e) => {
          const id = Number((e.detail as { markerId: number | string }).markerId)
          if (id < CLUSTER_ID_BASE) openPublic('project', { id })
        }}
        onRegionChange={(e) => {
          if ((e as { type?: string }).type === 'end') requery()
        }}
        onError={() => void Taro.showToast({ title: '地图加载失败，请稍后重试', icon: 'none' })}
      />
      <View className='map-page__bar'>
        <Text>{map.loading ? '正在查询…' : map.error ? map.error.message : `当前范围内 ${map.data?.total ?? 0} 个楼盘`}</Text>
        {map.error && (
          <Text className='map-page__retry' onClick={map.retry}>
            重试
          </Text>
        )}
      </View>
      {selected && <PointCard point={selected} onClose={() => setSelected(null)} />}
    </View>
  )
}

/** Web fallback: a schematic of the view (GCJ-02 degrees scaled into a box) and the projects in it. */
function H5Map() {
  const map = useMapQuery()
  const [view, setView] = useState<Bbox>(HENGQIN_BBOX)
  const [selected, setSelected] = useState<number | null>(null)
  // A 390-px-wide schematic of Hengqin (~0.14° wide) is about zoom 12, like a phone map showing the island.
  const zoomFor = (b: Bbox) => Math.log2((360 / (b[2] - b[0])) * (360 / 256))
  useEffect(() => void map.query(view, zoomFor(view)), [view])

  const [minLng, minLat, maxLng, maxLat] = view
  const pos = (lng: number, lat: number) => ({
    left: `${(((lng - minLng) / (maxLng - minLng)) * 100).toFixed(2)}%`,
    top: `${(((maxLat - lat) / (maxLat - minLat)) * 100).toFixed(2)}%`,
  })
  const zoomInto = (c: MapCluster) => {
    // Pad the cluster's box by a quarter each way (and keep it from collapsing to a point).
    const w = Math.max(c.bbox[2] - c.bbox[0], 0.004)
    const h = Math.max(c.bbox[3] - c.bbox[1], 0.004)
    setSelected(null)
    setView([c.bbox[0] - w / 4, c.bbox[1] - h / 4, c.bbox[0] + w * 1.25, c.bbox[1] + h * 1.25])
  }
  const zoomed = view !== HENGQIN_BBOX
  const points = map.data?.points ?? []
  const clusters = map.data?.clusters ?? []

  let list
  if (map.error) list = <StateView kind='error' title='查询失败' description={map.error.message} actionText='重试' onAction={map.retry} />
  else if (!map.data) list = <StateView kind='loading' />
  else if (map.data.total === 0) list = <StateView kind='empty' title='当前范围内暂无楼盘' />
  else
    list = (
      <View className='map-page__list'>
        {clusters.map((c, i) => (
          <View key={`c${i}`} className='map-page__row' onClick={() => zoomInto(c)}>
            <Text className='map-page__row-dot map-page__row-dot--cluster'>{c.count}</Text>
            <Text className='map-page__row-name'>此处聚集 {c.count} 个楼盘</Text>
            <Text className='map-page__row-go'>放大 ›</Text>
          </View>
        ))}
        {points.map((p) => (
          <View
            key={p.id}
            className={`map-page__row${selected === p.id ? ' map-page__row--on' : ''}`}
            onClick={() => openPublic('project', { id: p.id })}
          >
            <View className='map-page__row-dot' />
            <View className='map-page__row-text'>
              <Text className='map-page__row-name'>{p.name}</Text>
              <Text className='map-page__row-line'>
                {PROJECT_STATUSES[p.status]} · 可售 {p.availableCount} / 总 {p.roomCount} 套 · 起价 {formatUnitPrice(p.minUnitPrice)}
              </Text>
            </View>
            <Text className='map-page__row-go'>›</Text>
          </View>
        ))}
      </View>
    )

  return (
    <View className='map-page'>
      <View className='map-page__schematic'>
        <Text className='map-page__compass'>北 ↑</Text>
        {clusters.map((c, i) => (
          <View key={`c${i}`} className='map-page__cluster' style={pos(c.lng, c.lat)} onClick={() => zoomInto(c)}>
            <Text>{c.count}</Text>
          </View>
        ))}
        {points.map((p) => (
          <View
            key={p.id}
            className={`map-page__point${selected === p.id ? ' map-page__point--on' : ''}`}
            style={pos(p.lng, p.lat)}
            onClick={() => setSelected(p.id)}
          >
            <Text className='map-page__point-name'>{p.name}</Text>
          </View>
        ))}
        {zoomed && (
          <View className='map-page__reset' onClick={() => setView(HENGQIN_BBOX)}>
            <Text>显示全岛</Text>
          </View>
        )}
      </View>
      <View className='map-page__bar'>
        <Text>
          {map.loading ? '正在查询…' : `${zoomed ? '当前范围' : '横琴全岛'}共 ${map.data?.total ?? 0} 个楼盘`}（网页版为示意图，点击楼盘名查看详情）
        </Text>
      </View>
      {list}
    </View>
  )
}

export default function MapPage() {
  return process.env.TARO_ENV === 'weapp' ? <WeappMap /> : <H5Map />
}
