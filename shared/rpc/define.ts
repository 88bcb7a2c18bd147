import type { z } from 'zod';

/** One callable method: what the renderer sends and what the core answers. */
export type MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  readonly input: I;
  readonly output: O;
};

export type ContractShape = {
  readonly methods: Readonly<Record<string, Readonly<Record<string, MethodSpec>>>>;
  readonly events: Readonly<Record<string, z.ZodType>>;
};

export const defineMethod = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({
  input,
  output,
});

/** `on` is the bridge's subscription function, so no domain may take that name. */
export const defineContract = <const C extends ContractShape & { methods: { on?: never } }>(contract: C): C => contract;

export type DomainOf<C extends ContractShape> = keyof C['methods'] & string;
export type MethodOf<C extends ContractShape, D extends DomainOf<C>> = keyof C['methods'][D] & string;
export type EventOf<C extends ContractShape> = keyof C['events'] & string;

type SpecOf<C extends ContractShape, D extends DomainOf<C>, M extends MethodOf<C, D>> = C['methods'][D][M];
export type InputOf<C extends ContractShape, D extends DomainOf<C>, M extends MethodOf<C, D>> = z.input<
  SpecOf<C, D, M>['input']
>;
export type ParsedInputOf<C extends ContractShape, D extends DomainOf<C>, M extends MethodOf<C, D>> = z.output<
  SpecOf<C, D, M>['input']
>;
export type OutputOf<C extends ContractShape, D extends DomainOf<C>, M extends MethodOf<C, D>> = z.output<
  SpecOf<C, D, M>['output']
>;
export type PayloadOf<C extends ContractShape, E extends EventOf<C>> = z.output<C['events'][E]>;

/** Channel names are derived from the contract's keys, never typed a second time. */
export type ChannelOf<C extends ContractShape> = {
  [D in DomainOf<C>]: `${D}.${MethodOf<C, D>}`;
}[DomainOf<C>];

export const toChannel = (domain: string, method: string): string => `${domain}.${method}`;

export const listChannels = <C extends ContractShape>(contract: C): ChannelOf<C>[] =>
  Object.entries(contract.methods).flatMap(([domain, methods]) =>
    Object.keys(methods).map((method) => toChannel(domain, method) as ChannelOf<C>),
  );

export const findMethod = (contract: ContractShape, channel: string): MethodSpec | undefined => {
  const dot = channel.indexOf('.');
  if (dot < 0) return undefined;
  const methods = Object.hasOwn(contract.methods, channel.slice(0, dot))
    ? contract.methods[channel.slice(0, dot)]
    : undefined;
  const name = channel.slice(dot + 1);
  return methods && Object.hasOwn(methods, name) ? methods[name] : undefined;
};
