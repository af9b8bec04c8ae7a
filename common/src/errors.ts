// The shape of every error the API returns. Codes are stable; messages are for people.
export interface ApiErrorBody {
  code: string;
  message: string;
  /** Field-level problems: which field, and what to do. */
  details?: { field: string; message: string }[];
  requestId?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
