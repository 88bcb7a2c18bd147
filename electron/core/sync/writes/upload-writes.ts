import path from 'node:path';
import { z } from 'zod';
import type { WritableDB } from '../../db/database';
import { readAttachment, removeWrite, setAttachmentUploadState } from '../../db/repositories/portfolio-repository';
import { attachmentsDirOf, readImage } from '../../portfolio/image-store';
import { defineWriteUnit } from '../write-unit';

/** The workspace database sits in the data folder, beside attachments/. */
const imagesDirOf = (db: WritableDB): string => attachmentsDirOf(path.dirname(db.name));

/** The image bytes named by their hash; the platform keeps one copy per hash whoever sends it. */
export const uploadImage = defineWriteUnit({
  name: 'upload_image',
  payload: z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  create: false,
  toRequest: ({ db, payload: { hash } }) => {
    const attachment = readAttachment(db, hash);
    const bytes = readImage(imagesDirOf(db), hash);
    if (!attachment || !bytes) throw new Error(`the image ${hash} is no longer in the workspace`);
    // The hash goes along so the platform checks the bytes arrived whole.
    return { method: 'POST', path: '/v1/uploads', query: { sha256: hash }, raw: { bytes, contentType: attachment.mime } };
  },
  settle: (_answer, { db, entry, payload: { hash } }) => {
    setAttachmentUploadState(db, hash, 'uploaded');
    removeWrite(db, entry.seq);
  },
});
