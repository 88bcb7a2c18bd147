import type { PlatformId } from '../../../shared/domain/accounts';
import { bottegaConnector } from './bottega/connector';
import type { Connector } from './connector';
import { freelancerConnector } from './freelancer/connector';

/**
 * Every platform's connector, by platform id. Partial until each platform of `platformIds` has one (Freelancer's
 * is being wired): an account of a platform without a connector is listed, never synced.
 */
export type ConnectorRegistry = Partial<Record<PlatformId, Connector>>;

export const connectors = {
  bottega: bottegaConnector,
  freelancer: freelancerConnector,
} satisfies ConnectorRegistry;
