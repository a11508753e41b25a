export { Task } from './task.entity.ts';
