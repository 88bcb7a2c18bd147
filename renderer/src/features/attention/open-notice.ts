import { targetOfNotice, type Notice } from '../../../../shared/domain/attention';

/** The hash route a notice opens (`#/messages/thr_1`), the app's router takes it from there. */
export const hashOfNotice = (notice: Notice): string => {
  const target = targetOfNotice(notice);
  return `#/${[target.section, ...target.path.map(encodeURIComponent)].join('/')}`;
};
