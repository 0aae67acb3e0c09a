package submit

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"

	"github.com/google/uuid"

	"singlecam/core/backoff"
)

// DefaultConcurrency is how many submissions upload at once.
const DefaultConcurrency = 2

// Queue runs submissions a few at a time, resumes the journal's unfinished
// ones, and keeps each going through network trouble.
type Queue struct {
	pipeline *Pipeline
	slots    chan struct{}
	onStatus func(Status)
	wait     backoff.Policy

	mu      sync.Mutex
	live    map[string]*Record            // the records running, by id
	account string                        // the key's account: see SetAccount
	cancels map[string]context.CancelFunc // running submissions, by id
	paying  map[string]bool               // past the point where a cancel is possible
	dropped map[string]bool               // cancelled by the user
	held    map[string]chan struct{}      // held while the user is asked: closed on release
	last    map[string]Status             // each running submission's last status, for Hold
	wg      sync.WaitGroup
}

// NewQueue makes a queue that runs at most concurrency submissions at once
// (DefaultConcurrency if 0) and tells onStatus about each one's progress.
// onStatus is called from the queue's goroutines.
func NewQueue(p *Pipeline, concurrency int, onStatus func(Status)) *Queue {
	if concurrency <= 0 {
		concurrency = DefaultConcurrency
	}
	if onStatus == nil {
		onStatus = func(Status) {}
	}
	return &Queue{
		pipeline: p, slots: make(chan struct{}, concurrency), onStatus: onStatus,
		wait: backoff.NetworkWait, live: map[string]*Record{},
		cancels: map[string]context.CancelFunc{}, paying: map[string]bool{}, dropped: map[string]bool{},
		held: map[string]chan struct{}{}, last: map[string]Status{},
	}
}

// Add checks a request and starts it, or carries on the submission it
// repeats: the rule, for every front end, that a video is never paid for
// twice. It returns a copy of the record (Resumed set when it is an earlier
// submission carried on), and the warnings of limits the user chose to
// ignore; or a *CheckError, a *DoneError (the same video and parameters were
// done recently; set Again to pay anyway) or a *BusyError (another process
// drives that submission right now), and nothing started.
//
// A carried-on submission goes on from its journal's last step and keeps
// its OutputDir; one whose job exists has nothing left for the queue to do,
// and the caller follows its job.
func (q *Queue) Add(ctx context.Context, req Request) (*Record, []string, error) {
	req = req.withDefaults()
	warnings, err := Check(req)
	if err != nil {
		return nil, warnings, err
	}
	// Absolute paths, so a resume from elsewhere finds the files.
	for _, path := range []*string{&req.VideoPath, &req.MovePath, &req.OutputDir} {
		if *path != "" {
			if *path, err = filepath.Abs(*path); err != nil {
				return nil, warnings, err
			}
		}
	}
	fingerprint, err := Fingerprint(req)
	if err != nil {
		return nil, warnings, err
	}
	var rec *Record
	err = q.pipeline.Journal.exclusive(func() error {
		records, _ := q.pipeline.Journal.Load() // a damaged record is no reason to refuse
		now := q.pipeline.now()
		records = q.pipeline.Journal.prune(records, now.Add(-KeepDelivered))
		if earlier := match(q.mine(records), fingerprint, now); earlier != nil && !(earlier.Delivered && req.Again) {
			rec, err = q.carryOn(earlier, req)
			return err
		}
		rec = &Record{ID: "sub-" + uuid.NewString(), Created: now, Request: req, Step: StepQueued,
			Fingerprint: fingerprint, Account: q.accountID()}
		if estimate, err := EstimateOf(req); err == nil {
			rec.Estimate = &estimate
		}
		if _, err := q.pipeline.Journal.Claim(rec.ID); err != nil {
			return err
		}
		return q.pipeline.save(rec)
	})
	if err != nil {
		return nil, warnings, err
	}
	snapshot := *rec
	if !rec.Finished() {
		q.start(ctx, rec)
	}
	return &snapshot, warnings, nil
}

// carryOn decides what becomes of an earlier submission that req repeats.
func (q *Queue) carryOn(earlier *Record, req Request) (*Record, error) {
	if earlier.Delivered {
		return nil, &DoneError{Record: earlier}
	}
	q.mu.Lock()
	live := q.live[earlier.ID] // this process runs it already
	q.mu.Unlock()
	if live != nil {
		// Only what its goroutine never changes: it reports its own job.
		return &Record{ID: live.ID, Created: live.Created, Request: live.Request,
			Fingerprint: live.Fingerprint, Step: StepQueued, Resumed: true}, nil
	}
	if earlier.Finished() && q.pipeline.Journal.holds(earlier.ID) {
		// Its job exists and this process follows it already.
		earlier.Resumed = true
		return earlier, nil
	}
	ok, err := q.pipeline.Journal.Claim(earlier.ID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &BusyError{Record: earlier}
	}
	if !earlier.VideoUploaded || (earlier.Request.MovePath != "" && !earlier.MoveUploaded) {
		// Same content, perhaps moved since: read it from where it is now.
		earlier.Request.VideoPath, earlier.Request.MovePath = req.VideoPath, req.MovePath
	}
	earlier.Resumed = true
	return earlier, nil
}

// Resume starts every journaled submission that has no job yet, has not
// failed and is not driven by another process, and returns a snapshot of
// all the journal's records, oldest first: copies, since the submissions it
// started change their own as they go. Records delivered long ago are
// forgotten.
func (q *Queue) Resume(ctx context.Context) ([]*Record, error) {
	records, err := q.pipeline.Journal.Load()
	records = q.pipeline.Journal.prune(records, q.pipeline.now().Add(-KeepDelivered))
	snapshot := make([]*Record, len(records))
	for i, rec := range records {
		c := *rec
		snapshot[i] = &c
		if !rec.Finished() && rec.Step != StepFailed && q.Mine(rec) {
			if ok, _ := q.pipeline.Journal.Claim(rec.ID); ok {
				q.start(ctx, rec)
			}
		}
	}
	return snapshot, err
}

// Retry starts a failed submission again from its first unfinished step.
func (q *Queue) Retry(ctx context.Context, id string) error {
	rec, err := q.pipeline.Journal.Get(id)
	if err != nil {
		return fmt.Errorf("no submission %s in the journal: %w", id, err)
	}
	if rec.Finished() {
		return fmt.Errorf("submission %s already has its job", id)
	}
	ok, err := q.pipeline.Journal.Claim(id)
	if err != nil {
		return err
	}
	if !ok {
		return &BusyError{Record: rec}
	}
	q.start(ctx, rec)
	return nil
}

// SetAccount tells the queue whose key it sends with (the account's id):
// new records are stamped with it, and records of another account are
// neither resumed nor matched.
func (q *Queue) SetAccount(id string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.account = id
}

func (q *Queue) accountID() string {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.account
}

// Mine reports whether a record belongs to the queue's account (or to no
// known account).
func (q *Queue) Mine(rec *Record) bool {
	account := q.accountID()
	return rec.Account == "" || account == "" || rec.Account == account
}

// mine keeps the records of the queue's account.
func (q *Queue) mine(records []*Record) []*Record {
	var out []*Record
	for _, r := range records {
		if q.Mine(r) {
			out = append(out, r)
		}
	}
	return out
}

// SetNetworkWait changes how the queue paces the tries of a submission
// waiting for the network; the default waits from 5 s up to 5 minutes.
func (q *Queue) SetNetworkWait(p backoff.Policy) { q.wait = p }

// Journal is where the queue keeps its records.
func (q *Queue) Journal() *Journal { return q.pipeline.Journal }

// Wait blocks until every submission started so far has ended (made its job,
// failed, or stopped with its context).
func (q *Queue) Wait() { q.wg.Wait() }

// start runs one submission in its own goroutine, unless it already runs.
func (q *Queue) start(ctx context.Context, rec *Record) {
	q.mu.Lock()
	if q.live[rec.ID] != nil {
		q.mu.Unlock()
		return
	}
	q.live[rec.ID] = rec
	ctx, cancel := context.WithCancel(ctx)
	q.cancels[rec.ID] = cancel
	q.mu.Unlock()
	q.wg.Add(1)
	go func() {
		defer q.wg.Done()
		q.run(ctx, rec)
		cancel()
		q.mu.Lock()
		delete(q.cancels, rec.ID)
		delete(q.paying, rec.ID)
		delete(q.last, rec.ID)
		q.releaseLocked(rec.ID)
		dropped := q.dropped[rec.ID]
		delete(q.dropped, rec.ID)
		q.mu.Unlock()
		if dropped && !rec.Finished() {
			// Cancelled by the user: forgotten while still claimed, so no
			// other process carries it on in between.
			q.drop(rec)
		}
		if !rec.Finished() {
			// Stopped short of its job: free for another process, or a retry.
			q.pipeline.Journal.Release(rec.ID)
		}
		q.mu.Lock()
		delete(q.live, rec.ID)
		q.mu.Unlock()
	}()
}

// reportGuarded passes statuses on, and keeps the last one of each running
// submission, for Hold to say what has been sent.
func (q *Queue) reportGuarded(s Status) {
	q.mu.Lock()
	if _, running := q.cancels[s.ID]; running {
		q.last[s.ID] = s
	}
	q.mu.Unlock()
	q.onStatus(s)
}

func (q *Queue) run(ctx context.Context, rec *Record) {
	rec.Step, rec.Failure = StepQueued, ""
	q.onStatus(Status{ID: rec.ID, Name: rec.Request.Name, Step: StepQueued})
	for waits := 1; ; waits++ {
		select {
		case q.slots <- struct{}{}:
		case <-ctx.Done():
			return // the app is closing: the journal has it for next time
		}
		err := q.pipeline.run(ctx, rec, q.reportGuarded, func(ctx context.Context, next Step) error { return q.gate(ctx, rec.ID, next) })
		<-q.slots
		switch {
		case err == nil:
			return
		case ctx.Err() != nil:
			return
		case IsTransient(err):
			q.settle(rec, StepWaiting, err)
			if backoff.Sleep(ctx, q.wait.Delay(waits)) != nil {
				return
			}
		default:
			q.settle(rec, StepFailed, err)
			return
		}
	}
}

// settle journals and reports a submission that stopped short of its job.
func (q *Queue) settle(rec *Record, step Step, err error) {
	rec.Step, rec.Failure = step, err.Error()
	if saveErr := q.pipeline.save(rec); saveErr != nil {
		err = errors.Join(err, saveErr)
	}
	q.onStatus(Status{ID: rec.ID, Name: rec.Request.Name, Step: step, Err: err})
}
