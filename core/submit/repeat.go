package submit

import (
	"fmt"
	"time"

	"singlecam/core/words"
)

// RepeatWindow is how long a finished submission makes a new one of the
// same video and parameters ask first (DoneError) instead of paying again.
const RepeatWindow = 7 * 24 * time.Hour

// DoneError refuses a request whose video and parameters were already made
// into a job and saved within RepeatWindow: set Request.Again to pay for a
// new job anyway.
type DoneError struct {
	Record *Record // the earlier submission: its JobID and SavedIn
}

func (e *DoneError) Error() string {
	return fmt.Sprintf("already done as job %s, saved in %s", e.Record.JobID, e.Record.SavedIn)
}

// BusyError refuses a request whose earlier submission another Singlecam
// (the app or a terminal) is carrying on right now.
type BusyError struct {
	Record *Record
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("%s is being sent by another Singlecam right now (submission %s); let that one finish",
		words.Quote(e.Record.Request.Name), e.Record.ID)
}

// match is the journal's latest submission that a request with the given
// fingerprint repeats: one not delivered yet (to carry on), or one saved
// within RepeatWindow (to refuse). A job that failed does not count.
func match(records []*Record, fingerprint string, now time.Time) *Record {
	for i := len(records) - 1; i >= 0; i-- {
		r := records[i]
		if r.Fingerprint != fingerprint {
			continue
		}
		if !r.Delivered || (r.SavedIn != "" && now.Sub(r.Updated) < RepeatWindow) {
			return r
		}
	}
	return nil
}

// Previous is the journal's submission of the same video and parameters
// whose outputs were saved within RepeatWindow, or nil.
func (q *Queue) Previous(req Request) (*Record, error) {
	req = req.withDefaults()
	fingerprint, err := Fingerprint(req)
	if err != nil {
		return nil, err
	}
	records, _ := q.pipeline.Journal.Load()
	if r := match(q.mine(records), fingerprint, q.pipeline.now()); r != nil && r.Delivered {
		return r, nil
	}
	return nil, nil
}
