import type { PropsWithChildren } from 'react'
import { Text, View } from '@tarojs/components'
import './index.css'

interface Props {
  label: string
  required?: boolean
  hint?: string
  error?: string | null
}

/** One labelled field of a form; inputs inside use the classes form-field__input / __textarea / __picker. */
export default function FormField({ label, required, hint, error, children }: PropsWithChildren<Props>) {
  return (
    <View className={`form-field${error ? ' form-field--bad' : ''}`}>
      <Text className='form-field__label'>
        {label}
        {required && <Text className='form-field__required'> *</Text>}
      </Text>
      {children}
      {hint && <Text className='form-field__hint'>{hint}</Text>}
      {error && <Text className='form-field__error'>{error}</Text>}
    </View>
  )
}

/** A row of choices (one selected), e.g. 户内 / 公共区域. */
export function Choice<T extends string>({ options, value, onChange }: { options: readonly { key: T; label: string }[]; value: T; onChange: (v: T) => void }) {
  return (
    <View className='form-choice'>
      {options.map((o) => (
        <View key={o.key} className={`form-choice__item${o.key === value ? ' form-choice__item--on' : ''}`} onClick={() => onChange(o.key)}>
          <Text>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** Problems to fix before the form can go. */
export function Problems({ items }: { items: readonly string[] }) {
  if (!items.length) return null
  return (
    <View className='form-problems'>
      {items.map((p) => (
        <Text key={p} className='form-problems__item'>
          {p}
        </Text>
      ))}
    </View>
  )
}
