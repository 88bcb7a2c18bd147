import type { PlatformId } from '../../../shared/domain/accounts';
import { bottegaConnector } from './bottega/connector';
import type { Connector } from './connector';
import { freelancerConnector } from './freelancer/connector';

/** Every platform's connector, by platform id: the compiler keeps one for each of `platformIds`. */
export type ConnectorRegistry = Readonly<Record<PlatformId, Connector>>;

export const connectors = {
  bottega: bottegaConnector,
  freelancer: freelancerConnector,
} satisfies ConnectorRegistry;
