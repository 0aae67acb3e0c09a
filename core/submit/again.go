package submit

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
)

// ErrSentAgain: the take already has a new job under way from this
// journal, so it is not sent again a second time.
var ErrSentAgain = errors.New("this take was already sent again")

// Again journals a new submission on a take that exists already (a failed
// job's, sent again) and starts it: its job is asked for by the pipeline,
// the one place a job is paid for, after the record is journaled. failedJob
// is the job it replaces. A second Again of the same take, while the first
// one's job is not delivered, gives ErrSentAgain. The caller asks the user
// first: every job is paid for.
func (q *Queue) Again(ctx context.Context, req Request, takeID, fingerprint, failedJob string) (*Record, error) {
	if takeID == "" {
		return nil, fmt.Errorf("submit again: %w", errNoTake)
	}
	var rec *Record
	err := q.pipeline.Journal.exclusive(func() error {
		records, _ := q.pipeline.Journal.Load()
		for _, r := range q.mine(records) {
			if r.TakeID == takeID && !r.Delivered && r.JobID != failedJob && r.Step != StepFailed {
				return fmt.Errorf("submit again: %w", ErrSentAgain)
			}
		}
		rec = &Record{ID: "sub-" + uuid.NewString(), Created: q.pipeline.now(), Request: req, Step: StepQueued,
			VideoUploaded: true, MoveUploaded: req.MovePath != "", TakeID: takeID,
			Fingerprint: fingerprint, Account: q.accountID(), Replaces: failedJob}
		if estimate, err := EstimateOf(req); err == nil {
			rec.Estimate = &estimate
		}
		if _, err := q.pipeline.Journal.Claim(rec.ID); err != nil {
			return err
		}
		return q.pipeline.save(rec)
	})
	if err != nil {
		return nil, err
	}
	snapshot := *rec
	q.start(ctx, rec)
	return &snapshot, nil
}

var errNoTake = errors.New("the service did not say which take the job was on")
