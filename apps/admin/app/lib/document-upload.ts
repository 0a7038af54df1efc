import type { MessageKey } from '@linju/i18n';

/** What the file pickers offer: the types the document store accepts (checked again by content). */
export const DOCUMENT_ACCEPT = '.pdf,.ofd,.jpg,.jpeg,.png,.heic,.heif,.doc,.docx,.xls,.xlsx,.txt';

/** Types browsers often send as `application/octet-stream` (OFD, HEIC on some systems), by extension. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  ofd: 'application/ofd',
  heic: 'image/heic',
  heif: 'image/heif',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};

/** The type a file is declared as: the browser's, else what its extension names. The store checks its content either way. */
export function declaredType(fileName: string, browserType: string): string {
  if (browserType && browserType !== 'application/octet-stream') return browserType;
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  return BY_EXTENSION[extension] ?? (browserType || 'application/octet-stream');
}

/** The refusals of an uploaded document, each shown on the file's own field. */
export const DOCUMENT_FIELD_MESSAGES = (field: string): Partial<Record<MessageKey, string>> =>
  Object.fromEntries(
    (
      [
        'case.document_too_large',
        'case.upload_too_large',
        'case.document_type_not_allowed',
        'case.document_empty',
        'case.document_content_mismatch',
      ] satisfies MessageKey[]
    ).map((key) => [key, field]),
  );
