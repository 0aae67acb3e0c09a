// Package watch follows unfinished jobs and tells the app what changed. One
// poll walks the account's newest jobs with paged listJobs calls, so its cost
// does not grow with the number of jobs followed (the official example asks
// for each job separately). The interval adapts: a few seconds while things
// change, backing off to half a minute when nothing does.
package watch

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"singlecam/core/ugc"
)

// Kind is what happened to a job.
type Kind int

const (
	StateChanged Kind = iota // the job moved to another state
	Progressed               // percentageComplete changed
	OutputsReady             // finished, and every output has a download URL
	Failed                   // the job failed or was cancelled
	// Abandoned: the watcher stopped following the job without an outcome;
	// Err says why (the key was refused, or the outputs were never
	// published). The job itself is fine: it can be downloaded later.
	Abandoned
	// Gone: the service does not know the job (deleted, or made with
	// another account's key); it is no longer followed, and Err says why.
	Gone
)

// ErrNotPublished: the job finished, but its outputs still had no download
// URLs when the watcher stopped waiting for them.
var ErrNotPublished = errors.New("the job finished but its files were not published")

// Event is one change to one followed job.
type Event struct {
	Kind     Kind
	Job      ugc.Job
	Previous ugc.JobState
	Err      error // why, for Abandoned and Gone
}

// Config tunes a Watcher; zero fields take the defaults.
type Config struct {
	MinInterval time.Duration // default 3 s: while jobs change
	MaxInterval time.Duration // default 30 s: when nothing changes
	PageSize    int           // default 100, the most a page holds
	MaxPages    int           // default 5 pages a poll before asking jobs one by one
	// PublishTimeout is how long a finished job's outputs may go without
	// download URLs before the watcher gives up on them; default 10 min,
	// the wait of Move's official example.
	PublishTimeout time.Duration
	Now            func() time.Time // default time.Now; tests pass their clock
}

// DefaultPublishTimeout is how long the watcher waits, by default, for a
// finished job's outputs to get their URLs.
const DefaultPublishTimeout = 10 * time.Minute

// Watcher follows jobs until each has its outputs ready or has failed.
type Watcher struct {
	api     *ugc.Client
	onEvent func(Event)
	cfg     Config
	refresh chan struct{}

	mu       sync.Mutex
	followed map[string]*seen
}

// seen is what the watcher last knew of a job.
type seen struct {
	known    bool
	state    ugc.JobState
	percent  int // -1 when unknown
	created  time.Time
	finished time.Time // when it was first seen FINISHED without its URLs
}

// New makes a watcher that reports to onEvent, from its own goroutine.
func New(api *ugc.Client, cfg Config, onEvent func(Event)) *Watcher {
	if cfg.MinInterval <= 0 {
		cfg.MinInterval = 3 * time.Second
	}
	if cfg.MaxInterval < cfg.MinInterval {
		cfg.MaxInterval = max(30*time.Second, cfg.MinInterval)
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = 100
	}
	if cfg.MaxPages <= 0 {
		cfg.MaxPages = 5
	}
	if cfg.PublishTimeout <= 0 {
		cfg.PublishTimeout = DefaultPublishTimeout
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if onEvent == nil {
		onEvent = func(Event) {}
	}
	return &Watcher{api: api, onEvent: onEvent, cfg: cfg, refresh: make(chan struct{}, 1), followed: map[string]*seen{}}
}

// Follow starts following a job and asks for a poll soon.
func (w *Watcher) Follow(jobID string) {
	w.mu.Lock()
	if _, ok := w.followed[jobID]; !ok {
		w.followed[jobID] = &seen{percent: -1}
	}
	w.mu.Unlock()
	w.Refresh()
}

// Following reports how many jobs are followed.
func (w *Watcher) Following() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.followed)
}

// Refresh asks for a poll now rather than at the next interval.
func (w *Watcher) Refresh() {
	select {
	case w.refresh <- struct{}{}:
	default: // one is already asked for
	}
}

// Run polls until ctx ends.
func (w *Watcher) Run(ctx context.Context) {
	interval := w.cfg.MinInterval
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		case <-w.refresh:
		}
		changed, err := w.Poll(ctx)
		switch {
		case changed:
			interval = w.cfg.MinInterval
		case err == nil:
			interval = min(interval*2, w.cfg.MaxInterval)
		default: // the network is down: keep calm, try again later
			interval = w.cfg.MaxInterval
		}
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		timer.Reset(interval)
	}
}

// Poll looks at every followed job once and reports what changed. A refused
// key ends every wait at once (Abandoned): waiting cannot fix it.
func (w *Watcher) Poll(ctx context.Context) (changed bool, err error) {
	defer func() {
		if errors.Is(err, ugc.ErrUnauthorized) {
			changed = w.abandonAll(err) || changed
		}
	}()
	pending := w.snapshot()
	if len(pending) == 0 {
		return false, nil
	}
	oldest, allKnown := oldestCreated(pending)
	params := ugc.ListJobsParams{First: w.cfg.PageSize}
	for page := 0; page < w.cfg.MaxPages && len(pending) > 0; page++ {
		result, err := w.api.ListJobs(ctx, params)
		if err != nil {
			return changed, err
		}
		for _, job := range result.Jobs {
			if _, ok := pending[job.ID]; ok {
				delete(pending, job.ID)
				changed = w.update(job) || changed
			}
		}
		last := len(result.Jobs) - 1
		// Newest first: past the oldest followed job, no page will hold one.
		if result.Next == "" || (allKnown && last >= 0 && result.Jobs[last].Created.Before(oldest)) {
			break
		}
		params.After = result.Next
	}
	// Jobs beyond the pages walked (rare): ask for them one by one.
	for id := range pending {
		job, err := w.api.GetJob(ctx, id)
		if errors.Is(err, ugc.ErrNotFound) {
			w.drop(id, err)
			changed = true
			continue
		}
		if err != nil {
			return changed, err
		}
		changed = w.update(job) || changed
	}
	return changed, nil
}

// abandonAll stops following every job, telling why, and reports whether
// there were any.
func (w *Watcher) abandonAll(err error) bool {
	w.mu.Lock()
	followed := w.followed
	w.followed = map[string]*seen{}
	w.mu.Unlock()
	for id, s := range followed {
		w.onEvent(Event{Kind: Abandoned, Job: ugc.Job{ID: id, State: s.state}, Previous: s.state, Err: err})
	}
	return len(followed) > 0
}

// drop stops following a job the service does not know, and says so.
func (w *Watcher) drop(id string, err error) {
	w.mu.Lock()
	_, ok := w.followed[id]
	delete(w.followed, id)
	w.mu.Unlock()
	if ok {
		w.onEvent(Event{Kind: Gone, Job: ugc.Job{ID: id}, Err: fmt.Errorf("job %s: %w", id, err)})
	}
}

func (w *Watcher) snapshot() map[string]seen {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make(map[string]seen, len(w.followed))
	for id, s := range w.followed {
		out[id] = *s
	}
	return out
}

func oldestCreated(jobs map[string]seen) (time.Time, bool) {
	var oldest time.Time
	for _, s := range jobs {
		if !s.known {
			return time.Time{}, false
		}
		if oldest.IsZero() || s.created.Before(oldest) {
			oldest = s.created
		}
	}
	return oldest, true
}

// update records what a poll found and emits the events it implies; a job
// that is over (outputs ready, or failed) stops being followed.
func (w *Watcher) update(job ugc.Job) bool {
	percent := -1
	if job.Percent != nil {
		percent = *job.Percent
	}
	w.mu.Lock()
	s, ok := w.followed[job.ID]
	if !ok {
		w.mu.Unlock()
		return false
	}
	previous, wasKnown, oldPercent := s.state, s.known, s.percent
	s.known, s.state, s.percent, s.created = true, job.State, percent, job.Created
	publishing := job.State == ugc.StateFinished && !job.OutputsReady()
	if publishing && s.finished.IsZero() {
		s.finished = w.cfg.Now()
	}
	gaveUp := publishing && w.cfg.Now().Sub(s.finished) >= w.cfg.PublishTimeout
	over := job.OutputsReady() || job.State == ugc.StateFailed || job.State == ugc.StateCancelled || gaveUp
	if over {
		delete(w.followed, job.ID)
	}
	w.mu.Unlock()

	var events []Event
	if !wasKnown || previous != job.State {
		events = append(events, Event{Kind: StateChanged, Job: job, Previous: previous})
	}
	// A percentage that turns null (the schema allows it) is no progress.
	if wasKnown && percent != oldPercent && percent >= 0 && job.State == ugc.StateRunning {
		events = append(events, Event{Kind: Progressed, Job: job, Previous: previous})
	}
	switch {
	case job.OutputsReady():
		events = append(events, Event{Kind: OutputsReady, Job: job, Previous: previous})
	case job.State == ugc.StateFailed || job.State == ugc.StateCancelled:
		events = append(events, Event{Kind: Failed, Job: job, Previous: previous})
	case gaveUp:
		err := fmt.Errorf("job %s: %w", job.ID, ErrNotPublished)
		events = append(events, Event{Kind: Abandoned, Job: job, Previous: previous, Err: err})
	}
	for _, e := range events {
		w.onEvent(e)
	}
	return len(events) > 0
}
