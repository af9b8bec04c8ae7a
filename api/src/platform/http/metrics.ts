import client from 'prom-client';
import type { Db } from '../db';

export type Metrics = ReturnType<typeof createMetrics>;

/** Prometheus metrics in a registry of our own (one per app, so tests can build many apps). */
export function createMetrics(db: Db) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const requests = new client.Counter({
    name: 'http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [registry],
  });
  const latency = new client.Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request latency', labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry],
  });
  const poolGauge = (name: string, help: string, pick: (p: PoolLike) => number) =>
    new client.Gauge({
      name, help, registers: [registry],
      collect() {
        const pool = (db.sequelize.connectionManager as unknown as { pool?: PoolLike }).pool;
        this.set(pool ? pick(pool) : 0);
      },
    });
  poolGauge('db_pool_size', 'Database connections open', (p) => p.size);
  poolGauge('db_pool_available', 'Database connections idle', (p) => p.available);
  poolGauge('db_pool_using', 'Database connections in use', (p) => p.using);
  poolGauge('db_pool_waiting', 'Requests waiting for a database connection', (p) => p.waiting);
  return { registry, requests, latency };
}

interface PoolLike {
  size: number;
  available: number;
  using: number;
  waiting: number;
}
