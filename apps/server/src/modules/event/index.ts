export { ProgramEvent } from './program-event.entity.ts';
export { Attendance } from './attendance.entity.ts';
