package submit

import (
	"errors"
	"fmt"
)

// StepCancelled: the user stopped the submission before its job was asked
// for; it is gone from the journal and nothing was charged.
const StepCancelled Step = "cancelled"

// ErrTooLateToCancel: the submission has asked Move for its job (or already
// has it), which may be charged, so it can no longer be cancelled.
var ErrTooLateToCancel = errors.New("the job was already sent to Move")

// Cancel stops a submission that has not asked for its job yet and forgets
// it: its upload stops, no job is made, nothing is charged. A submission
// that is not running (failed, or left by an earlier run) is forgotten at
// once. The last status reported for it is StepCancelled.
func (q *Queue) Cancel(id string) error {
	q.mu.Lock()
	if q.paying[id] {
		q.mu.Unlock()
		return fmt.Errorf("cancel %s: %w", id, ErrTooLateToCancel)
	}
	if cancel, ok := q.cancels[id]; ok {
		q.dropped[id] = true
		cancel() // under the lock: the paid call cannot start in between
		q.releaseLocked(id)
		q.mu.Unlock()
		return nil // the submission's goroutine drops it as it stops
	}
	q.mu.Unlock()
	// Not running here: claimed first, so a submission another process
	// drives is left alone, and under the journal's lock, so no Add takes it
	// up while it is forgotten.
	return q.pipeline.Journal.exclusive(func() error {
		rec, err := q.pipeline.Journal.Get(id)
		if err != nil {
			return fmt.Errorf("cancel %s: no such submission: %w", id, err)
		}
		if rec.Finished() || rec.JobRequested {
			return fmt.Errorf("cancel %s: %w", id, ErrTooLateToCancel)
		}
		ok, err := q.pipeline.Journal.Claim(id)
		if err != nil {
			return err
		}
		if !ok {
			return &BusyError{Record: rec}
		}
		defer q.pipeline.Journal.Release(id)
		q.drop(rec)
		return nil
	})
}

// drop forgets a cancelled submission and says so.
func (q *Queue) drop(rec *Record) {
	err := q.pipeline.Journal.Remove(rec.ID)
	q.onStatus(Status{ID: rec.ID, Name: rec.Request.Name, Step: StepCancelled, Err: err})
}
