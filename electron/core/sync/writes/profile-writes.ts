import { z } from 'zod';
import { profileSchema } from '../../../../shared/platform/records';
import { confirmProfileVersion, readProfileVersion } from '../../db/repositories/portfolio-repository';
import { defineWriteUnit } from '../write-unit';
import { confirmWrite, newerVersion, refuseIfImageRefused } from './confirm-write';

/** The whole profile, replaced with If-Match. */
export const putProfile = defineWriteUnit({
  name: 'put_profile',
  payload: z.object({ body: z.record(z.string(), z.unknown()) }),
  create: false,
  ifMatch: ({ db, entry }) => newerVersion(entry.baseVersion, readProfileVersion(db)),
  toRequest: ({ db, payload: { body } }) => {
    refuseIfImageRefused(db, typeof body['avatar_id'] === 'string' ? [body['avatar_id']] : []);
    return { method: 'PUT', path: '/v1/profile', body };
  },
  settle: (answer, { db, entry }) =>
    confirmWrite(db, entry, profileSchema.safeParse(answer), (record) =>
      confirmProfileVersion(db, record.version, record, new Date().toISOString()),
    ),
});
