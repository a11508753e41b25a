export { Participation } from './participation.entity.ts';
