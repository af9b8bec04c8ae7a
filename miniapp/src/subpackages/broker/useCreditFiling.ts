// 信用备案 (RE-164, RE-165, RE-168, RE-169): whom the signed-in person files for (a broker: their
// practising record; an agency admin: 本机构 or one of its practising brokers), that subject's
// standard, explained score and records page by page, and the record opened for its detail.
// Every call goes through services/credit.ts.
import { useCallback, useEffect, useState } from 'react'
import type { CreditEventView, CreditStandardView, Me } from '@hq/common'
import { usePagedList } from '../../hooks/usePagedList'
import { listAgencyBrokers } from '../../services/agency'
import { fetchMyBroker } from '../../services/broker'
import { fetchCreditEvent, fetchCreditSubject, fetchStandards, listCreditEvents, type CreditKind, type CreditSubjectView } from '../../services/credit'
import type { Failure } from '../../services/transport'
import { currentRecord } from './useBrokerFiling'

export interface CreditSubjectRef {
  kind: CreditKind
  id: number
  name: string
}

type Problem = Pick<Failure, 'code' | 'message'>

/** The subjects this person may file for: a broker themself; an agency admin the agency and its practising brokers. */
async function loadSubjects(me: Me): Promise<{ ok: true; subjects: CreditSubjectRef[] } | { ok: false; error: Problem }> {
  const subjects: CreditSubjectRef[] = []
  if (me.roles.includes('agency_admin') && me.org) {
    subjects.push({ kind: 'agency', id: me.org.id, name: `本机构：${me.org.name}` })
    const brokers = await listAgencyBrokers('', 1, 100)
    if (!brokers.ok) return { ok: false, error: brokers }
    for (const b of brokers.data.items) if (b.status === 'active' || b.status === 'pending') subjects.push({ kind: 'broker', id: b.id, name: `经纪人：${b.name}` })
  }
  if (me.roles.includes('broker')) {
    const mine = await fetchMyBroker()
    if (!mine.ok) return { ok: false, error: mine }
    const record = currentRecord(mine.data)
    if (record && !subjects.some((s) => s.kind === 'broker' && s.id === record.id)) subjects.push({ kind: 'broker', id: record.id, name: `本人：${record.name}` })
  }
  return { ok: true, subjects }
}

export function useCreditFiling(me: Me) {
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<Problem | null>(null)
  const [subjects, setSubjects] = useState<CreditSubjectRef[]>([])
  const [subject, setSubject] = useState<CreditSubjectRef | null>(null)
  const [standards, setStandards] = useState<CreditStandardView[]>([])
  const [score, setScore] = useState<{ view: CreditSubjectView | null; error: string | null }>({ view: null, error: null })
  const [detail, setDetail] = useState<{ event: CreditEventView | null; loading: boolean; error: string | null } | null>(null)

  const load = useCallback(async () => {
    setLoading(true)
    setError(null)
    const [found, std] = await Promise.all([loadSubjects(me), fetchStandards()])
    setLoading(false)
    if (!found.ok) return setError(found.error)
    if (!std.ok) return setError(std)
    setSubjects(found.subjects)
    setStandards(std.data)
    setSubject((s) => found.subjects.find((x) => s && x.kind === s.kind && x.id === s.id) ?? found.subjects[0] ?? null)
  }, [me])

  const loadScore = useCallback(async (s: CreditSubjectRef | null) => {
    if (!s) return
    const r = await fetchCreditSubject(s.kind, s.id)
    setScore(r.ok ? { view: r.data, error: null } : { view: null, error: r.message })
  }, [])

  useEffect(() => {
    void load()
  }, [])
  useEffect(() => {
    setScore({ view: null, error: null })
    setDetail(null)
    void loadScore(subject)
  }, [subject?.kind, subject?.id])

  const list = usePagedList(subject ? `${subject.kind}:${subject.id}` : 'none', (page) =>
    subject ? listCreditEvents(subject.kind, subject.id, page) : Promise.resolve({ ok: true as const, code: 'OK' as const, message: '', data: { items: [], total: 0, page, pageSize: 10 } }))

  /** After a submission, a review or a pull-down: everything again, the subject kept. */
  const reload = useCallback(async () => {
    await load()
    await loadScore(subject)
    list.reload()
  }, [load, loadScore, subject, list.reload])

  const openEvent = useCallback(async (id: number) => {
    setDetail({ event: null, loading: true, error: null })
    const r = await fetchCreditEvent(id)
    setDetail(r.ok ? { event: r.data, loading: false, error: null } : { event: null, loading: false, error: r.message })
  }, [])

  const standard = subject ? standards.find((s) => s.kind === subject.kind) ?? null : null

  return {
    loading, error, subjects, subject, setSubject, standard, score, list, detail, openEvent, closeEvent: () => setDetail(null), reload,
  }
}

export type CreditFiling = ReturnType<typeof useCreditFiling>
