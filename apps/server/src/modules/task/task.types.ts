import { ObjectType } from 'type-graphql';
import { Connection } from '../../core/graphql/pagination.ts';
import { Task } from './task.entity.ts';

@ObjectType()
export class TaskConnection extends Connection(Task) {}
