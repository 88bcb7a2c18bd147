import type { Contract } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc/errors';
import type { ProfileView } from '../../../shared/contract/portfolio';
import {
  insertAttachment,
  listPortfolioItems,
  readAttachment,
  readImageDownload,
  readPortfolioItem,
  readProfile,
  type StoredProfile,
} from '../db/repositories/portfolio-repository';
import { listPlatformProfiles } from '../db/repositories/platform-profiles-repository';
import { attachmentsDirOf, ImageRefused, readImage, storeImage, sweepPartialImages } from '../portfolio/image-store';
import {
  buildPreview,
  computeCompleteness,
  deleteItem,
  PortfolioInputError,
  reorderItems,
  retryItem,
  retryProfile,
  saveItem,
  saveProfile,
  suggestItems,
} from '../portfolio/portfolio-writes';
import { renderPortfolioPdf } from '../portfolio/portfolio-pdf';
import { exportPortfolio, importPortfolio } from '../portfolio/portfolio-transfer';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

/** Input the schema let through but the workspace refuses (an unknown image, a missing item): a typed error. */
const refuse = (error: unknown): never => {
  if (error instanceof PortfolioInputError) {
    throw new RpcError({ code: error.path === 'id' ? 'not_found' : 'invalid_input', message: error.message, issues: [{ path: error.path, message: error.message }] });
  }
  throw error;
};

const toProfileView = ({ version: _version, localEdits: _localEdits, ...view }: StoredProfile): ProfileView => view;

export const createPortfolioHandlers = ({ db, sync, emit, dataDir, imageDownloads }: CoreContext) => {
  const imagesDir = attachmentsDirOf(dataDir);
  let swept = false;
  const changed = (): void => {
    sync.notifyLocalWrite();
    emit('portfolioChanged', {});
  };
  return {
    listItems: () => listPortfolioItems(db),
    getItem: ({ id }) => readPortfolioItem(db, id),
    saveItem: (input) => {
      try {
        const item = saveItem(db, input);
        changed();
        return item;
      } catch (error) {
        return refuse(error);
      }
    },
    deleteItem: ({ id }) => {
      const deleted = deleteItem(db, id);
      if (deleted) changed();
      return { deleted };
    },
    reorderItems: ({ ids }) => {
      const items = reorderItems(db, ids);
      changed();
      return items;
    },
    importImage: ({ name, base64 }) => {
      // Half-written files from a crash during an earlier import are removed before the first new one.
      if (!swept) {
        sweepPartialImages(imagesDir);
        swept = true;
      }
      try {
        const stored = storeImage(imagesDir, Buffer.from(base64, 'base64'));
        insertAttachment(db, { ...stored, name, now: new Date() });
        const row = readAttachment(db, stored.hash);
        return { hash: stored.hash, mime: stored.mime, size: stored.size, name: row?.name ?? name };
      } catch (error) {
        if (!(error instanceof ImageRefused)) throw error;
        const messages = {
          image_too_large: 'The image is larger than 10 MiB.',
          image_not_supported: 'The file is not a PNG, JPEG, GIF or WebP image.',
          image_empty: 'The file is empty.',
        } as const;
        throw new RpcError({ code: 'invalid_input', message: messages[error.problem], issues: [{ path: 'base64', message: error.problem }] });
      }
    },
    getImage: ({ hash }) => {
      const attachment = readAttachment(db, hash);
      const bytes = attachment ? readImage(imagesDir, hash) : null;
      if (attachment && bytes) return { state: 'local', dataUrl: `data:${attachment.mime};base64,${bytes.toString('base64')}`, mime: attachment.mime };
      const download = readImageDownload(db, hash);
      if (download?.state === 'failed') return { state: 'failed', problem: download.problem ?? 'refused', reason: download.lastError };
      return download ? { state: 'downloading' } : { state: 'missing' };
    },
    getImageDownloads: () => imageDownloads.progress(),
    retryImageDownload: ({ hash }) => {
      imageDownloads.retry(hash);
      return imageDownloads.progress();
    },
    retryItem: ({ id }) => {
      try {
        const item = retryItem(db, id);
        changed();
        return item;
      } catch (error) {
        return refuse(error);
      }
    },
    retryProfile: () => {
      const profile = retryProfile(db);
      changed();
      return profile ? toProfileView(profile) : null;
    },
    getCompleteness: () => computeCompleteness(db),
    preview: ({ locale }) => buildPreview(db, locale),
    suggestForProject: ({ projectId, limit }) => suggestItems(db, projectId, limit),
    exportJson: () => {
      const file = exportPortfolio(db, imagesDir);
      return { json: JSON.stringify(file, null, 2), items: file.items.length, images: file.images.length };
    },
    importJson: ({ json }) => {
      try {
        const result = importPortfolio(db, imagesDir, json);
        changed();
        return result;
      } catch (error) {
        return refuse(error);
      }
    },
    exportPdf: async ({ locale }) => {
      const pdf = await renderPortfolioPdf(buildPreview(db, locale), imagesDir);
      return { base64: pdf.toString('base64'), fileName: `portfolio-${locale}.pdf` };
    },
    listPlatformProfiles: () => listPlatformProfiles(db),
    getProfile: () => {
      const profile = readProfile(db);
      return profile ? toProfileView(profile) : null;
    },
    saveProfile: (input) => {
      try {
        const profile = saveProfile(db, input);
        changed();
        return toProfileView(profile);
      } catch (error) {
        return refuse(error);
      }
    },
  } satisfies DomainHandlers<Contract, 'portfolio'>;
};
