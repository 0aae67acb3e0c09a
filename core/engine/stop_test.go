package engine_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"singlecam/core/backoff"
	"singlecam/core/engine"
	"singlecam/core/media/mediatest"
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
	"singlecam/core/watch"
)

// A Download a front end started (a button, with a context of its own) is
// part of the engine's work: Stop ends it and waits for it, and no event
// arrives after Stop returns.
func TestStopEndsAManualDownloadAndNoEventFollows(t *testing.T) {
	sim, err := ugcsim.New(ugcsim.Config{Key: key, DataDir: t.TempDir(),
		Timing: ugcsim.Timing{Queue: time.Millisecond, Processing: 10 * time.Millisecond, OutputURLs: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	var jobMade atomic.Bool
	release := make(chan struct{})
	downloading := make(chan struct{}, 1)
	inner := sim.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if jobMade.Load() && r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/blob/") {
			select {
			case downloading <- struct{}{}:
			default:
			}
			select { // the download hangs until its caller gives up
			case <-r.Context().Done():
			case <-release:
			}
			return
		}
		inner.ServeHTTP(w, r)
	}))
	defer srv.Close()
	defer close(release) // before the server closes, should a download still hang

	ready := make(chan string, 1)
	var mu sync.Mutex
	stopped, lateEvents := false, 0
	fast := backoff.Policy{Attempts: 2, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}
	eng, err := engine.New(engine.Config{Key: key, Endpoint: srv.URL + ugcsim.GraphQLPath,
		DataDir: t.TempDir(), DownloadDir: t.TempDir(), APIRetry: fast,
		Watch: watch.Config{MinInterval: 5 * time.Millisecond, MaxInterval: 10 * time.Millisecond},
	}, func(ev engine.Event) {
		mu.Lock()
		defer mu.Unlock()
		if stopped {
			lateEvents++
		}
		if j, ok := ev.(engine.JobUpdate); ok && j.Kind == watch.OutputsReady {
			jobMade.Store(true)
			ready <- j.Job.ID
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	eng.Start(context.Background(), false)
	path := filepath.Join(t.TempDir(), "Manual.mp4")
	if err := mediatest.WriteMP4(path, 30_000); err != nil {
		t.Fatal(err)
	}
	if _, _, err := eng.Submit(submit.Request{VideoPath: path, Outputs: []ugc.OutputType{ugc.OutputAllBVH}}); err != nil {
		t.Fatal(err)
	}
	jobID := <-ready
	returned := make(chan error, 1)
	go func() {
		_, _, err := eng.Download(context.Background(), jobID, nil)
		returned <- err
	}()
	<-downloading
	eng.Stop()
	mu.Lock()
	stopped = true
	mu.Unlock()
	select {
	case err := <-returned:
		if err == nil {
			t.Error("the download reported success though it was stopped")
		}
	case <-time.After(20 * time.Second): // a guard against hanging, not a timing
		t.Fatal("the manual download went on after Stop returned")
	}
	if _, _, err := eng.Download(context.Background(), jobID, nil); err == nil {
		t.Error("a download started after Stop ran")
	}
	mu.Lock()
	defer mu.Unlock()
	if lateEvents > 0 {
		t.Errorf("%d events after Stop returned", lateEvents)
	}
}
