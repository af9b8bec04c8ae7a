import { useRouter } from '@tarojs/taro'

/** A page parameter, decoded (WeChat hands query values over still encoded; H5 already decoded). */
export function useParam(name: string): string {
  const raw = useRouter().params[name]
  if (!raw) return ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** A positive integer id parameter, or 0 when absent or malformed. */
export function useIdParam(name = 'id'): number {
  const n = Number(useParam(name))
  return Number.isInteger(n) && n > 0 ? n : 0
}
