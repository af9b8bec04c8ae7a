import { z } from '../zod';

export const FILE_KINDS = ['image', 'pdf', 'office', 'video'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const fileInfo = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  kind: z.enum(FILE_KINDS),
  size: z.number().int(),
  sha256: z.string(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
  createdAt: z.string(),
});
export type FileInfo = z.infer<typeof fileInfo>;

/** Upload limits per kind, in bytes. */
export const FILE_LIMITS: Record<FileKind, number> = {
  image: 10 * 1024 * 1024,
  pdf: 30 * 1024 * 1024,
  office: 30 * 1024 * 1024,
  video: 200 * 1024 * 1024, // MP4 only, e.g. the 《购房陷阱知多少》 video
};
