package watch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"singlecam/core/transfer"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
)

var ctx = context.Background()

type env struct {
	sim   *ugcsim.Simulator
	api   *ugc.Client
	clock *ugcsim.ManualClock
	take  string
}

func newEnv(tb testing.TB) *env {
	tb.Helper()
	c := ugcsim.NewManualClock(time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC))
	sim, err := ugcsim.New(ugcsim.Config{Key: "watch-test-key-123", Now: c.Now, DataDir: tb.TempDir(),
		Timing: ugcsim.Timing{Queue: 10 * time.Second, Processing: 100 * time.Second, OutputURLs: 30 * time.Second}})
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(sim.Handler())
	tb.Cleanup(srv.Close)
	api, err := ugc.New(ugc.Config{Key: "watch-test-key-123", Endpoint: srv.URL + ugcsim.GraphQLPath})
	if err != nil {
		tb.Fatal(err)
	}
	e := &env{sim: sim, api: api, clock: c}
	f, err := api.CreateFile(ctx, "mp4", "", nil)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "v.mp4")
	os.WriteFile(path, bytes.Repeat([]byte("v"), 1000), 0o644)
	if _, err := transfer.New(transfer.Config{}).Upload(ctx, path, transfer.FixedURL(f.PresignedURL), nil); err != nil {
		tb.Fatal(err)
	}
	take, err := api.CreateSingleCamTake(ctx, ugc.TakeRequest{DeviceLabel: "iphone", VideoFileID: f.ID, VideoFormat: ugc.FormatMP4})
	if err != nil {
		tb.Fatal(err)
	}
	e.take = take.ID
	return e
}

func (e *env) jobs(tb testing.TB, n int) []string {
	tb.Helper()
	var ids []string
	for range n {
		job, err := e.api.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: e.take})
		if err != nil {
			tb.Fatal(err)
		}
		ids = append(ids, job.ID)
		e.clock.Advance(time.Millisecond)
	}
	return ids
}

type recorder struct {
	mu     sync.Mutex
	events []string
}

func (r *recorder) add(e Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	name := map[Kind]string{StateChanged: "state", Progressed: "progress", OutputsReady: "ready", Failed: "failed"}[e.Kind]
	detail := e.Job.State.String()
	if e.Kind == Progressed {
		detail = fmt.Sprint(*e.Job.Percent)
	}
	r.events = append(r.events, name+":"+detail)
}

func TestAJobsLifeAsEvents(t *testing.T) {
	e := newEnv(t)
	id := e.jobs(t, 1)[0]
	rec := &recorder{}
	w := New(e.api, Config{}, rec.add)
	w.Follow(id)
	for _, step := range []time.Duration{0, 20 * time.Second, 30 * time.Second, 0, 70 * time.Second, 30 * time.Second} {
		e.clock.Advance(step)
		if _, err := w.Poll(ctx); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"state:not started", "state:running", "progress:10", "progress:40", "state:finished", "ready:finished"}
	if fmt.Sprint(rec.events) != fmt.Sprint(want) {
		t.Errorf("events %v, want %v", rec.events, want)
	}
	if w.Following() != 0 {
		t.Error("a job with its outputs ready is still followed")
	}
}

func TestAFailedJobIsReportedAndLetGo(t *testing.T) {
	e := newEnv(t)
	e.sim.Faults().FailJobs(1)
	id := e.jobs(t, 1)[0]
	rec := &recorder{}
	w := New(e.api, Config{}, rec.add)
	w.Follow(id)
	e.clock.Advance(time.Hour)
	w.Poll(ctx)
	if fmt.Sprint(rec.events) != "[state:failed failed:failed]" || w.Following() != 0 {
		t.Errorf("events %v, following %d", rec.events, w.Following())
	}
}

// A job the service does not know (deleted, or another account's) is
// reported once and let go, not asked for forever.
func TestAJobTheServiceDoesNotKnowIsReportedAndLetGo(t *testing.T) {
	e := newEnv(t)
	var gone []Event
	w := New(e.api, Config{}, func(ev Event) {
		if ev.Kind == Gone {
			gone = append(gone, ev)
		}
	})
	w.Follow("job-of-another-account")
	known := e.jobs(t, 1)[0]
	w.Follow(known)
	for range 2 {
		if _, err := w.Poll(ctx); err != nil {
			t.Fatalf("poll: %v", err)
		}
	}
	if len(gone) != 1 || gone[0].Job.ID != "job-of-another-account" || !errors.Is(gone[0].Err, ugc.ErrNotFound) {
		t.Errorf("gone events %+v", gone)
	}
	if w.Following() != 1 {
		t.Errorf("following %d, want only the known job", w.Following())
	}
}

// requestsPerPoll follows the newest n of 150 jobs and counts the GraphQL
// requests one poll makes.
func requestsPerPoll(tb testing.TB, e *env, ids []string, n int) int64 {
	w := New(e.api, Config{}, nil)
	for _, id := range ids[len(ids)-n:] {
		w.Follow(id)
	}
	w.Poll(ctx) // learns when each job was created
	before := e.sim.GraphQLRequests()
	if _, err := w.Poll(ctx); err != nil {
		tb.Fatal(err)
	}
	return e.sim.GraphQLRequests() - before
}

func TestAPollCostsTheSameWhateverTheNumberOfJobs(t *testing.T) {
	e := newEnv(t)
	ids := e.jobs(t, 150)
	for _, n := range []int{1, 10, 100} {
		if got := requestsPerPoll(t, e, ids, n); got != 1 {
			t.Errorf("%d jobs followed: %d requests per poll, want 1", n, got)
		}
	}
}

func TestAnOldJobIsFoundOnALaterPageOrAskedForAlone(t *testing.T) {
	e := newEnv(t)
	ids := e.jobs(t, 150)
	w := New(e.api, Config{}, nil)
	w.Follow(ids[0]) // the oldest: on the second page
	before := e.sim.GraphQLRequests()
	w.Poll(ctx)
	if got := e.sim.GraphQLRequests() - before; got != 2 {
		t.Errorf("%d requests, want 2 pages", got)
	}
	short := New(e.api, Config{MaxPages: 1}, nil)
	short.Follow(ids[0])
	before = e.sim.GraphQLRequests()
	short.Poll(ctx)
	if got := e.sim.GraphQLRequests() - before; got != 2 {
		t.Errorf("%d requests, want one page and one getJob", got)
	}
}

func TestRunPollsAtOnceWhenAsked(t *testing.T) {
	e := newEnv(t)
	id := e.jobs(t, 1)[0]
	events := make(chan Event, 10)
	w := New(e.api, Config{MinInterval: time.Hour}, func(ev Event) { events <- ev })
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { w.Run(cctx); close(done) }()
	w.Follow(id)
	select {
	case ev := <-events:
		if ev.Job.ID != id {
			t.Errorf("event for %s", ev.Job.ID)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no poll after Follow")
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop with its context")
	}
}

// BenchmarkRequestsPerPoll reports the requests one poll costs with 1, 10
// and 100 unfinished jobs: the target is flat.
func BenchmarkRequestsPerPoll(b *testing.B) {
	e := newEnv(b)
	ids := e.jobs(b, 150)
	for _, n := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("jobs=%d", n), func(b *testing.B) {
			var total int64
			for range b.N {
				total += requestsPerPoll(b, e, ids, n)
			}
			b.ReportMetric(float64(total)/float64(b.N), "requests/poll")
		})
	}
}
