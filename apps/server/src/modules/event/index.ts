import { AttendanceResolver, ProgramEventResolver, ProgramYearEventsResolver } from './event.resolver.ts';

export { ProgramEvent } from './program-event.entity.ts';
export { Attendance } from './attendance.entity.ts';
export type { EventChangedPayload } from './event.topics.ts';

export const eventResolvers = [ProgramEventResolver, AttendanceResolver, ProgramYearEventsResolver] as const;
