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
	running map[string]bool
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
		wait: backoff.NetworkWait, running: map[string]bool{},
	}
}

// Add checks a request, journals it and starts it. It returns the warnings
// of limits the user chose to ignore, or a *CheckError and nothing started.
func (q *Queue) Add(ctx context.Context, req Request) (*Record, []string, error) {
	req = req.withDefaults()
	warnings, err := Check(req)
	if err != nil {
		return nil, warnings, err
	}
	// Absolute paths, so a resume from elsewhere finds the files.
	if req.VideoPath, err = filepath.Abs(req.VideoPath); err != nil {
		return nil, warnings, err
	}
	if req.MovePath != "" {
		if req.MovePath, err = filepath.Abs(req.MovePath); err != nil {
			return nil, warnings, err
		}
	}
	now := q.pipeline.now()
	rec := &Record{ID: "sub-" + uuid.NewString(), Created: now, Request: req, Step: StepQueued}
	if estimate, err := EstimateOf(req); err == nil {
		rec.Estimate = &estimate
	}
	if err := q.pipeline.save(rec); err != nil {
		return nil, warnings, err
	}
	q.start(ctx, rec)
	return rec, warnings, nil
}

// Resume starts every journaled submission that has no job yet and has not
// failed, and returns a snapshot of all the journal's records, oldest first:
// copies, since the submissions it started change their own as they go.
func (q *Queue) Resume(ctx context.Context) ([]*Record, error) {
	records, err := q.pipeline.Journal.Load()
	snapshot := make([]*Record, len(records))
	for i, rec := range records {
		c := *rec
		snapshot[i] = &c
		if !rec.Finished() && rec.Step != StepFailed {
			q.start(ctx, rec)
		}
	}
	return snapshot, err
}

// Retry starts a failed submission again from its first unfinished step.
func (q *Queue) Retry(ctx context.Context, id string) error {
	records, _ := q.pipeline.Journal.Load()
	for _, rec := range records {
		if rec.ID == id {
			if rec.Finished() {
				return fmt.Errorf("submission %s already has its job", id)
			}
			q.start(ctx, rec)
			return nil
		}
	}
	return fmt.Errorf("no submission %s in the journal", id)
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
	if q.running[rec.ID] {
		q.mu.Unlock()
		return
	}
	q.running[rec.ID] = true
	q.mu.Unlock()
	q.wg.Add(1)
	go func() {
		defer q.wg.Done()
		defer func() {
			q.mu.Lock()
			delete(q.running, rec.ID)
			q.mu.Unlock()
		}()
		q.run(ctx, rec)
	}()
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
		err := q.pipeline.Run(ctx, rec, q.onStatus)
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
