/** What time it is for scheduled work; tests pass their own to move through the day. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
