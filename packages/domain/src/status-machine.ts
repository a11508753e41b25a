/**
 * A status machine is a table of allowed next statuses. Both apps use the same table: the server
 * to reject an illegal transition, the client to offer only the legal next steps.
 */
export type StatusMachine<S extends string> = Readonly<Record<S, readonly S[]>>;

export function allowedNext<S extends string>(machine: StatusMachine<S>, from: S): readonly S[] {
  return machine[from];
}

export function canTransition<S extends string>(machine: StatusMachine<S>, from: S, to: S): boolean {
  return machine[from].includes(to);
}

export function isTerminal<S extends string>(machine: StatusMachine<S>, status: S): boolean {
  return machine[status].length === 0;
}
