import { describe, expect, it } from 'vitest';
import { allowedNext, canTransition, isTerminal } from './status-machine.ts';
import { ParticipationStatus, participationMachine, PARTICIPATION_STATUSES } from './participation.ts';
import { MeasureStatus, measureMachine, MEASURE_STATUSES } from './measure.ts';
import { TaskStatus, taskMachine, TASK_STATUSES } from './task.ts';

describe('participation status machine', () => {
  it('follows the program path from application to completion', () => {
    const path = [
      ParticipationStatus.APPLIED,
      ParticipationStatus.INITIALLY_DIAGNOSED,
      ParticipationStatus.SELECTED,
      ParticipationStatus.AGREEMENT_SIGNED,
      ParticipationStatus.ACTIVE,
      ParticipationStatus.COMPLETED,
    ];
    for (let i = 1; i < path.length; i++) {
      expect(canTransition(participationMachine, path[i - 1]!, path[i]!)).toBe(true);
    }
  });

  it('rejects skipping the initial diagnosis or selection', () => {
    expect(canTransition(participationMachine, ParticipationStatus.APPLIED, ParticipationStatus.SELECTED)).toBe(false);
    expect(canTransition(participationMachine, ParticipationStatus.INITIALLY_DIAGNOSED, ParticipationStatus.ACTIVE)).toBe(false);
  });

  it('ends in NOT_SELECTED, COMPLETED and WITHDRAWN', () => {
    const terminal = PARTICIPATION_STATUSES.filter((s) => isTerminal(participationMachine, s));
    expect(terminal.sort()).toEqual(['COMPLETED', 'NOT_SELECTED', 'WITHDRAWN']);
  });

  it('lets a company withdraw from every open stage', () => {
    for (const status of PARTICIPATION_STATUSES.filter((s) => !isTerminal(participationMachine, s))) {
      expect(allowedNext(participationMachine, status)).toContain(ParticipationStatus.WITHDRAWN);
    }
  });
});

describe('measure status machine', () => {
  it('verifies only implemented measures', () => {
    expect(canTransition(measureMachine, MeasureStatus.IMPLEMENTED, MeasureStatus.VERIFIED)).toBe(true);
    expect(canTransition(measureMachine, MeasureStatus.APPROVED, MeasureStatus.VERIFIED)).toBe(false);
  });

  it('allows dropping any measure that is not yet implemented, and reviving a dropped one', () => {
    for (const status of [MeasureStatus.PROPOSED, MeasureStatus.APPROVED, MeasureStatus.IN_PROGRESS]) {
      expect(canTransition(measureMachine, status, MeasureStatus.DROPPED)).toBe(true);
    }
    expect(canTransition(measureMachine, MeasureStatus.DROPPED, MeasureStatus.PROPOSED)).toBe(true);
  });

  it('names every status as a key of the machine', () => {
    expect(Object.keys(measureMachine).sort()).toEqual([...MEASURE_STATUSES].sort());
  });
});

describe('task status machine', () => {
  it('lets a task move between any two different columns', () => {
    for (const from of TASK_STATUSES) {
      for (const to of TASK_STATUSES) {
        if (from === to) continue;
        if (from === TaskStatus.DONE && to === TaskStatus.BLOCKED) continue;
        if (from === TaskStatus.BLOCKED && to === TaskStatus.DONE) continue;
        expect(canTransition(taskMachine, from, to), `${from} → ${to}`).toBe(true);
      }
    }
  });

  it('does not close a blocked task without unblocking it first', () => {
    expect(canTransition(taskMachine, TaskStatus.BLOCKED, TaskStatus.DONE)).toBe(false);
  });
});
