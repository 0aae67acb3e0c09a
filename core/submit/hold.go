package submit

import (
	"context"
	"fmt"
)

// Holding a submission while the user decides. A front end that asks "Cancel
// this upload?" must not let the submission go on behind the question: an
// upload that finished while the dialog was open went on to the paid call,
// and the confirmation then said it was too late. Hold stops the submission
// from starting any further step (the upload under way, if any, goes on to
// its end; the take and the job wait) until Release or Cancel.

// Held is what a held submission had done when it was held.
type Held struct {
	// Last is its last status: the step under way (an upload and its bytes
	// sent), or StepQueued when nothing has been sent yet.
	Last Status
	// Running is false for a submission that does not run here (failed,
	// or left by an earlier run): nothing is under way, there is nothing to
	// hold, and Cancel forgets it at once.
	Running bool
}

// Hold keeps a submission from starting its next step until Release or
// Cancel; holding one already held is harmless. It fails with
// ErrTooLateToCancel once the paid call has started: the job may exist,
// and the front end must say so rather than offer to cancel.
func (q *Queue) Hold(id string) (Held, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.paying[id] {
		return Held{Last: q.last[id]}, fmt.Errorf("hold %s: %w", id, ErrTooLateToCancel)
	}
	if _, running := q.cancels[id]; !running {
		return Held{}, nil
	}
	if q.held[id] == nil {
		q.held[id] = make(chan struct{})
	}
	last, ok := q.last[id]
	if !ok {
		last = Status{ID: id, Step: StepQueued}
	}
	return Held{Last: last, Running: true}, nil
}

// Release lets a held submission go on (the user kept it).
func (q *Queue) Release(id string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.releaseLocked(id)
}

func (q *Queue) releaseLocked(id string) {
	if ch := q.held[id]; ch != nil {
		close(ch)
		delete(q.held, id)
	}
}

// gate is asked by the pipeline before each step: it waits while the
// submission is held, and marks the paid call as started under the same
// lock Hold takes, so Hold and Cancel never promise what the pipeline is
// already doing.
func (q *Queue) gate(ctx context.Context, id string, next Step) error {
	q.mu.Lock()
	for q.held[id] != nil {
		wait := q.held[id]
		q.mu.Unlock()
		select {
		case <-wait:
		case <-ctx.Done():
			return ctx.Err()
		}
		q.mu.Lock()
	}
	if ctx.Err() != nil { // cancelled as it was released: no step starts
		q.mu.Unlock()
		return ctx.Err()
	}
	if next == StepCreatingJob {
		q.paying[id] = true // from here Cancel refuses: the job may exist
	}
	q.mu.Unlock()
	return nil
}
