import { toSafeFileName } from '../../../shared/domain/bidi';

/**
 * Hands a file to the browser's (or Electron's) download: nothing leaves the machine. The name may come from
 * untrusted text (an event's title): bidi controls are shown as [U+…], line breaks and path characters replaced.
 */
export const downloadFile = (fileName: string, parts: BlobPart[], type: string): void => {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = toSafeFileName(fileName);
  link.click();
  // Revoked later: the download may still be reading it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** The bytes of a file the core sent as base64 (a PDF it made). */
export const fromBase64 = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
