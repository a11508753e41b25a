export { Diagnosis } from './diagnosis.entity.ts';
