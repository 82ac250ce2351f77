/**
 * The file types a material may be uploaded as, each known by its first bytes, so a renamed
 * or mislabelled file is caught whatever its Content-Type header says. Pure.
 */
export const ACCEPTED_TYPES = {
  'application/pdf': { name: 'PDF', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  'image/jpeg': { name: 'JPEG', magic: [0xff, 0xd8, 0xff] },
  'image/png': { name: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
} as const;
export type AcceptedType = keyof typeof ACCEPTED_TYPES;

/** The 10 MB a scanned material may take. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The type the bytes are, whatever the header claims. */
export function sniff(bytes: Uint8Array): AcceptedType | undefined {
  return (Object.keys(ACCEPTED_TYPES) as AcceptedType[]).find((type) => ACCEPTED_TYPES[type].magic.every((b, i) => bytes[i] === b));
}

/** The media type of a Content-Type header, without parameters, lower case. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** What went wrong with an upload's type, in words for the clerk, or nothing. */
export function typeProblem(header: string | undefined, bytes: Uint8Array): string | undefined {
  const declared = mediaType(header);
  const actual = sniff(bytes);
  if (!(declared in ACCEPTED_TYPES)) return `不支持的文件类型「${declared || '未声明'}」`;
  if (!actual) return '文件内容不是有效的 PDF、JPEG 或 PNG 文件';
  if (actual !== declared) return `文件内容是 ${ACCEPTED_TYPES[actual].name}，与声明的类型 ${declared} 不符`;
  return undefined;
}
