import { AttendanceResolver, EventChangeResolver, ProgramEventResolver, ProgramYearEventsResolver } from './event.resolver.ts';

export { ProgramEvent } from './program-event.entity.ts';
export { Attendance } from './attendance.entity.ts';
export { EventChange, eventTopic, type EventChangedPayload } from './event.topics.ts';

export const eventResolvers = [ProgramEventResolver, AttendanceResolver, ProgramYearEventsResolver, EventChangeResolver] as const;
