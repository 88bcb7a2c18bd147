import type { Notice } from '../domain/attention';

/** i18next's `t` over the `shell` namespace (the renderer's fixed to it, main's shell translator). */
export type NoticeTranslate = (key: string, options?: Record<string, unknown>) => string;

const proposalKeys = { shortlisted: 'proposalShortlisted', awarded: 'proposalAwarded', declined: 'proposalDeclined' } as const;

/**
 * A notice's title and body in the user's language: the same words from Electron's main process and from the
 * web host's renderer. Only counts reach the text, never a stranger's words.
 */
export const describeNotice = (t: NoticeTranslate, notice: Notice): { title: string; body: string } => {
  const key = (name: string): string => `notifications.notice.${name}`;
  switch (notice.kind) {
    case 'message':
      return { title: t(key('messageTitle')), body: t(key('messageBody'), { count: notice.count }) };
    case 'messages':
      return { title: t(key('messagesTitle')), body: t(key('messagesBody'), { total: notice.count, threads: notice.threads }) };
    case 'firstReply':
      return { title: t(key('firstReplyTitle')), body: t(key('firstReplyBody')) };
    case 'searchMatches':
      return {
        title: t(key('searchMatchesTitle')),
        body:
          notice.searches === 1
            ? t(key('searchMatchesBody'), { count: notice.count })
            : t(key('searchMatchesManyBody'), { total: notice.count, searches: notice.searches }),
      };
    case 'proposalStatus':
      return { title: t(key('proposalTitle')), body: t(key(proposalKeys[notice.status])) };
    case 'followUp':
      return { title: t(key('followUpTitle')), body: t(key('followUpBody'), { count: notice.days }) };
  }
};
