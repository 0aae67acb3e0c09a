// Package engine is the one door the front ends (GUI and CLI) use into the
// core: it owns the API client, the submission queue, the job watcher and
// the output saver, offers the handful of calls a front end needs, and
// reports everything that happens as Events.
package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"singlecam/core/backoff"

	"singlecam/core/outputs"
	"singlecam/core/submit"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
	"singlecam/core/watch"
)

// Config sets up an Engine.
type Config struct {
	Key          string
	Endpoint     string // empty: $MOVE_UGC_ENDPOINT_URL, else production
	DataDir      string // the journal lives in DataDir/submissions
	DownloadDir  string // job folders go here
	AutoDownload bool   // save outputs as soon as they are ready
	Concurrency  int    // submissions uploading at once; 0: 2
	Watch        watch.Config
	Transfer     transfer.Config
	APIRetry     ugc.Retry      // how failed API calls are retried; zero: the client's default
	NetworkWait  backoff.Policy // zero: waits from 5 s up to 5 min while the network is down
}

// Event is one thing that happened: a SubmissionUpdate, a JobUpdate, a
// DownloadProgress or a SavedJob. The unexported method seals the set, so a
// type switch over those four is the whole story.
type Event interface{ isEvent() }

// SubmissionUpdate says a submission moved on: a step, bytes sent, or its end.
type SubmissionUpdate struct{ submit.Status }

// JobUpdate is what the watcher saw of a job: progress, a new state, outputs
// ready, or that it stopped following it.
type JobUpdate struct{ watch.Event }

func (SubmissionUpdate) isEvent() {}
func (JobUpdate) isEvent()        {}
func (DownloadProgress) isEvent() {}
func (SavedJob) isEvent()         {}

// DownloadProgress is one output's download under way.
type DownloadProgress struct {
	JobID, Format string
	Done, Total   int64
}

// SavedJob says a job's outputs were saved, or why they could not be.
type SavedJob struct {
	JobID  string
	Folder string
	Files  []outputs.Saved
	Err    error
}

// Engine runs submissions, follows their jobs and saves their outputs.
// Events arrive on the engine's own goroutines: a GUI hands them to its UI
// thread.
type Engine struct {
	api          *ugc.Client
	queue        *submit.Queue
	watcher      *watch.Watcher
	saver        *outputs.Saver
	onEvent      func(Event)
	autoDownload bool
	networkWait  backoff.Policy
	dataDir      string

	mu        sync.Mutex
	ctx       context.Context
	stop      context.CancelFunc
	stopped   bool                      // Stop was called: no new work
	bySub     map[string]*submit.Record // submissions this engine drives, by job id
	downloads sync.WaitGroup
	watching  sync.WaitGroup
	calls     sync.WaitGroup // a front end's calls that start work or send events (Start, Submit, Retry, Download)
}

// ErrStopped: the engine was stopped, so it takes no more work.
var ErrStopped = errors.New("singlecam is closing")

// New checks cfg and builds an engine; nothing is sent until it is used.
func New(cfg Config, onEvent func(Event)) (*Engine, error) {
	if onEvent == nil {
		onEvent = func(Event) {}
	}
	if cfg.NetworkWait == (backoff.Policy{}) {
		cfg.NetworkWait = backoff.NetworkWait
	}
	api, err := ugc.New(ugc.Config{Key: cfg.Key, Endpoint: cfg.Endpoint, Retry: cfg.APIRetry})
	if err != nil {
		return nil, err
	}
	journal, err := submit.OpenJournal(filepath.Join(cfg.DataDir, "submissions"))
	if err != nil {
		return nil, err
	}
	transfers := transfer.New(cfg.Transfer)
	e := &Engine{
		api: api, onEvent: onEvent, autoDownload: cfg.AutoDownload, networkWait: cfg.NetworkWait, dataDir: cfg.DataDir,
		saver: &outputs.Saver{API: api, Transfer: transfers, Root: cfg.DownloadDir},
		bySub: map[string]*submit.Record{},
	}
	// Work asked for before Start (or without it) still ends with Stop.
	e.ctx, e.stop = context.WithCancel(context.Background())
	pipeline := &submit.Pipeline{API: api, Transfer: transfers, Journal: journal}
	e.queue = submit.NewQueue(pipeline, cfg.Concurrency, e.onSubmission)
	e.queue.SetNetworkWait(cfg.NetworkWait)
	e.watcher = watch.New(api, cfg.Watch, e.onJob)
	return e, nil
}

// Start runs the watcher until ctx ends. It asks whose key it has (the
// journal is kept per account: another key's submissions are left alone).
// With resume it also picks up the journal: unfinished submissions carry
// on, and jobs whose outputs were not saved yet are followed again
// (auto-download catches up on jobs that finished while the app was
// closed). It returns the journal's records.
func (e *Engine) Start(ctx context.Context, resume bool) ([]*submit.Record, error) {
	ctx, cancel := context.WithCancel(ctx)
	e.mu.Lock()
	if e.stopped { // the app closed before its engine started
		e.mu.Unlock()
		cancel()
		return nil, ErrStopped
	}
	before := e.stop
	e.ctx, e.stop = ctx, func() { cancel(); before() }
	e.calls.Add(1)
	e.mu.Unlock()
	defer e.calls.Done()
	e.learnAccount(ctx)
	e.watching.Add(1)
	go func() {
		defer e.watching.Done()
		e.watcher.Run(ctx)
	}()
	if !resume {
		return nil, nil
	}
	records, err := e.queue.Resume(ctx)
	for _, rec := range records {
		// A job not saved yet is followed here unless another process
		// (a terminal's submit, say) is following it right now.
		if rec.Finished() && !rec.Delivered && e.queue.Mine(rec) {
			if ok, _ := e.queue.Journal().Claim(rec.ID); ok {
				c := *rec // the caller reads rec while the engine marks its copy
				e.track(&c)
				e.watcher.Follow(rec.JobID)
			}
		}
	}
	return records, err
}

// accountWait bounds how long Start waits to learn the key's account before
// resuming: offline, it goes on without.
const accountWait = 10 * time.Second

// learnAccount tells the queue whose key this is. When that cannot be
// learnt (offline, a refused key), every record counts as this account's.
func (e *Engine) learnAccount(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, accountWait)
	defer cancel()
	if account, err := e.api.Account(ctx); err == nil {
		e.queue.SetAccount(account.ID)
	}
}

// Stop ends the engine's work and waits for it: uploads stop where they are
// (the journal resumes them next time), the watcher stops, downloads stop
// leaving their .part files. No event arrives after Stop returns.
func (e *Engine) Stop() {
	e.mu.Lock()
	stop := e.stop
	e.stopped = true
	e.mu.Unlock()
	stop()
	// Calls under way (Start, Submit, Retry, Download) may still start
	// goroutines: once they have returned, the waits below see all there is.
	e.calls.Wait()
	e.watching.Wait()
	e.queue.Wait()
	e.downloads.Wait()
	e.queue.Journal().ReleaseAll() // another process may carry them on now
}

// Submit checks a request and queues it, or carries on the earlier
// submission of the same video and parameters (see submit.Queue.Add: the
// record comes back with Resumed set). Its outputs go to req.OutputDir, or
// the engine's download folder; with automatic downloads on, that folder is
// checked first: no job is paid for whose files would have nowhere to go.
// The submission runs until it has its job or the engine stops; then its
// job is followed.
func (e *Engine) Submit(req submit.Request) (*submit.Record, []string, error) {
	if req.OutputDir == "" {
		req.OutputDir = e.saver.Root
	}
	if e.autoDownloading() {
		if err := CheckDestination(req.OutputDir, req.VideoPath); err != nil {
			return nil, nil, err
		}
	}
	ctx, err := e.begin()
	if err != nil {
		return nil, nil, err
	}
	defer e.calls.Done()
	rec, warnings, err := e.queue.Add(ctx, req)
	if err == nil && rec.Finished() {
		// An earlier submission whose job exists: follow it to its outputs.
		c := *rec
		e.track(&c)
		e.watcher.Follow(rec.JobID)
	}
	return rec, warnings, err
}

// Previous is the submission of the same video and parameters done (its
// outputs saved) within submit.RepeatWindow, or nil: a front end asks the
// user before paying for it again with Request.Again.
func (e *Engine) Previous(req submit.Request) (*submit.Record, error) {
	return e.queue.Previous(req)
}

// CheckDestination checks, before anything is sent, that job folders can
// be saved under dir, with room for at least the videos themselves (see
// outputs.CheckDestination).
func CheckDestination(dir string, videos ...string) error {
	var need int64
	for _, v := range videos {
		if info, err := os.Stat(v); err == nil {
			need += info.Size()
		}
	}
	return outputs.CheckDestination(dir, need)
}

// MakeDestination is CheckDestination, then makes dir when it is missing
// (see outputs.MakeDestination): made is the folder made, or "".
func MakeDestination(dir string, videos ...string) (made string, err error) {
	if err := CheckDestination(dir, videos...); err != nil {
		return "", err
	}
	return outputs.MakeDestination(dir, 0)
}

// Retry starts a failed submission again.
func (e *Engine) Retry(submissionID string) error {
	ctx, err := e.begin()
	if err != nil {
		return err
	}
	defer e.calls.Done()
	return e.queue.Retry(ctx, submissionID)
}

// begin counts a call that starts work outliving it (a submission), so
// Stop waits for the call before it waits for the work, and returns the
// context the engine's work runs under; once Stop was called it answers
// ErrStopped. A nil error must be matched by e.calls.Done.
func (e *Engine) begin() (context.Context, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.stopped {
		return nil, ErrStopped
	}
	e.calls.Add(1)
	return e.ctx, nil
}

// runContext is the context the engine's own work runs under.
func (e *Engine) runContext() context.Context {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.ctx
}

// WaitSubmissions blocks until every queued submission has its job or has
// stopped.
func (e *Engine) WaitSubmissions() { e.queue.Wait() }

// Follow watches a job that was not submitted in this session.
func (e *Engine) Follow(jobID string) { e.watcher.Follow(jobID) }

// Account answers who the key belongs to.
func (e *Engine) Account(ctx context.Context) (ugc.Account, error) { return e.api.Account(ctx) }

// Jobs lists a page of the account's jobs.
func (e *Engine) Jobs(ctx context.Context, p ugc.ListJobsParams) (ugc.JobsPage, error) {
	return e.api.ListJobs(ctx, p)
}

// Rename renames a job.
func (e *Engine) Rename(ctx context.Context, jobID, name string) (ugc.Job, error) {
	ctx, done, err := e.call(ctx)
	if err != nil {
		return ugc.Job{}, err
	}
	defer done()
	return e.api.UpdateJob(ctx, jobID, name, nil)
}

// Download saves a job's outputs (all, or the formats in only) and returns
// the folder and files; progress arrives as Download events. A job
// submitted through the journal goes to the folder its submission asked
// for. Stop ends it and waits for it.
func (e *Engine) Download(ctx context.Context, jobID string, only []string) (string, []outputs.Saved, error) {
	ctx, done, err := e.call(ctx)
	if err != nil {
		return "", nil, err
	}
	defer done()
	root := e.folderFor(jobID)
	folder, files, err := e.saver.SaveIn(ctx, root, jobID, only, func(format string, done, total int64) {
		e.onEvent(DownloadProgress{JobID: jobID, Format: format, Done: done, Total: total})
	})
	if err != nil {
		return folder, files, &DownloadError{JobID: jobID, Dir: root, Err: err}
	}
	if len(only) == 0 {
		e.markDelivered(jobID, folder)
	}
	return folder, files, nil
}

// DownloadError is a failure to save the outputs of a job that exists: the
// advice is always to download it again, never to submit (and pay) again.
type DownloadError struct {
	JobID string
	Dir   string // where its folder was to go
	Err   error
}

func (e *DownloadError) Error() string { return "save job " + e.JobID + ": " + e.Err.Error() }

func (e *DownloadError) Unwrap() error { return e.Err }

// call starts a front end's call as part of the engine's work: it ends
// when ctx or the engine does, and Stop waits for it.
func (e *Engine) call(ctx context.Context) (context.Context, func(), error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.stopped {
		return nil, nil, ErrStopped
	}
	e.calls.Add(1)
	ctx, cancel := context.WithCancel(ctx)
	unhook := context.AfterFunc(e.ctx, cancel)
	return ctx, func() {
		unhook()
		cancel()
		e.calls.Done()
	}, nil
}

// folderFor is where a job's outputs go: its submission's folder, else the
// engine's.
func (e *Engine) folderFor(jobID string) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if rec := e.bySub[jobID]; rec != nil && rec.Request.OutputDir != "" {
		return rec.Request.OutputDir
	}
	return e.saver.Root
}

// downloadPatiently saves a job's outputs, waiting out network trouble (a
// laptop asleep, Wi-Fi gone) until it passes or ctx ends.
func (e *Engine) downloadPatiently(ctx context.Context, jobID string) (string, []outputs.Saved, error) {
	for wait := 1; ; wait++ {
		folder, files, err := e.Download(ctx, jobID, nil)
		if err == nil || !submit.IsTransient(err) {
			return folder, files, err
		}
		if backoff.Sleep(ctx, e.networkWait.Delay(wait)) != nil {
			return folder, files, err
		}
	}
}

// onSubmission passes a submission's progress on. A job is followed only
// after its "submitted" event went out, so no event about the job can reach
// a front end before the front end knows whose job it is.
func (e *Engine) onSubmission(s submit.Status) {
	submitted := s.Step == submit.StepSubmitted && s.JobID != ""
	if submitted {
		if rec := e.record(s.ID); rec != nil {
			e.track(rec)
		}
	}
	e.onEvent(SubmissionUpdate{Status: s})
	if submitted {
		e.watcher.Follow(s.JobID)
	}
}

func (e *Engine) onJob(ev watch.Event) {
	e.onEvent(JobUpdate{Event: ev})
	switch ev.Kind {
	case watch.Abandoned:
		// The job is fine; its files are to be fetched later, by hand.
		e.onEvent(SavedJob{JobID: ev.Job.ID, Err: &DownloadError{JobID: ev.Job.ID, Dir: e.folderFor(ev.Job.ID), Err: ev.Err}})
	case watch.OutputsReady:
		if e.autoDownloading() {
			e.downloads.Add(1)
			go func() {
				defer e.downloads.Done()
				folder, files, err := e.downloadPatiently(e.runContext(), ev.Job.ID)
				e.onEvent(SavedJob{JobID: ev.Job.ID, Folder: folder, Files: files, Err: err})
			}()
		}
	case watch.Failed:
		e.markDelivered(ev.Job.ID, "")
	case watch.Gone:
		// Nothing will come of it: say why, where the outputs would have been.
		e.markDelivered(ev.Job.ID, "")
		e.onEvent(SavedJob{JobID: ev.Job.ID, Err: ev.Err})
	}
}

// track remembers a submission by its job, to mark it delivered later.
func (e *Engine) track(rec *submit.Record) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.bySub[rec.JobID] = rec
}

// record reads one submission from the journal, and only that one.
func (e *Engine) record(submissionID string) *submit.Record {
	rec, _ := e.queue.Journal().Get(submissionID)
	return rec
}

// markDelivered journals that a submission's job needs no more following
// (its outputs saved in folder, or the job failed when folder is empty) and
// lets go of the submission.
func (e *Engine) markDelivered(jobID, folder string) {
	e.mu.Lock()
	rec := e.bySub[jobID]
	delete(e.bySub, jobID)
	e.mu.Unlock()
	if rec != nil {
		rec.Delivered, rec.SavedIn, rec.Updated = true, folder, time.Now()
		if err := e.queue.Journal().Save(rec); err != nil {
			e.onEvent(SavedJob{JobID: jobID, Err: fmt.Errorf("journal: %w", err)})
		}
		e.queue.Journal().Release(rec.ID)
	}
}

// CheckKey asks the service who a key belongs to, without saving anything:
// the way to check a key before keeping it. endpoint may be empty.
func CheckKey(ctx context.Context, key, endpoint string) (ugc.Account, error) {
	api, err := ugc.New(ugc.Config{Key: key, Endpoint: endpoint,
		Retry: backoff.Policy{Attempts: 2, BaseDelay: 500 * time.Millisecond, MaxDelay: time.Second}})
	if err != nil {
		return ugc.Account{}, err
	}
	return api.Account(ctx)
}

// ExplainKeyCheck is Explain for a key being checked: a refused key, no
// network and a failing service each get their own sentence.
func ExplainKeyCheck(err error) string {
	var apiErr *ugc.APIError
	switch {
	case errors.As(err, &apiErr) && errors.Is(err, ugc.ErrUnavailable) && apiErr.Status >= 500:
		return fmt.Sprintf("Move's service is having trouble (it answered HTTP %d). Your key was not checked; try again in a few minutes.", apiErr.Status)
	case errors.Is(err, ugc.ErrUnavailable):
		return "Singlecam could not reach Move. Check your internet connection and try again."
	}
	return Explain(err)
}

// SetAutoDownload turns automatic downloads of finished jobs on or off.
func (e *Engine) SetAutoDownload(on bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.autoDownload = on
}

func (e *Engine) autoDownloading() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.autoDownload
}

// maxThumbnail bounds a thumbnail's size.
const maxThumbnail = 2 << 20

// Thumbnail fetches a take's thumbnail image (a presigned URL the service
// gave), for the jobs list.
func (e *Engine) Thumbnail(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("thumbnail: HTTP %s", resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, maxThumbnail))
}
