package engine_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"singlecam/core/backoff"
	"singlecam/core/engine"
	"singlecam/core/media/mediatest"
	"singlecam/core/motion/bvh"
	"singlecam/core/submit"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
	"singlecam/core/watch"
)

const key = "engine-test-key-12345"

// run submits one video through an engine against a simulator with a fault
// switched on, and waits until its outputs are saved or it has failed.
func run(t *testing.T, fault func(*ugcsim.Faults)) ([]byte, *engine.SavedJob, string) {
	t.Helper()
	sim, err := ugcsim.New(ugcsim.Config{Key: key, DataDir: t.TempDir(),
		Timing: ugcsim.Timing{Queue: 10 * time.Millisecond, Processing: 50 * time.Millisecond, OutputURLs: 10 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sim.Handler())
	defer srv.Close()
	fast := backoff.Policy{Attempts: 3, BaseDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond}
	done := make(chan struct{})
	var once sync.Once
	var mu sync.Mutex
	var saved *engine.SavedJob
	var failure string
	eng, err := engine.New(engine.Config{
		Key: key, Endpoint: srv.URL + ugcsim.GraphQLPath, DataDir: t.TempDir(), DownloadDir: t.TempDir(),
		AutoDownload: true, APIRetry: fast, Transfer: transfer.Config{Retry: fast, StallTimeout: time.Second},
		NetworkWait: backoff.Policy{BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond},
		Watch:       watch.Config{MinInterval: 5 * time.Millisecond, MaxInterval: 20 * time.Millisecond},
	}, func(ev engine.Event) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case engine.SavedJob:
			saved = &ev
			once.Do(func() { close(done) })
		case engine.SubmissionUpdate:
			if ev.Step != submit.StepFailed {
				return
			}
			failure = engine.Explain(ev.Err)
			once.Do(func() { close(done) })
		case engine.JobUpdate:
			if ev.Kind != watch.Failed {
				return
			}
			failure = "the job failed"
			once.Do(func() { close(done) })
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	eng.Start(ctx, false)
	fault(sim.Faults())
	path := filepath.Join(t.TempDir(), "Clip.mp4")
	if err := mediatest.WriteMP4(path, 560_000); err != nil {
		t.Fatal(err)
	}
	video, _ := os.ReadFile(path)
	if _, _, err := eng.Submit(submit.Request{VideoPath: path,
		Outputs: []ugc.OutputType{ugc.OutputRenderVideo, ugc.OutputRenderOverlayVideo, ugc.OutputAllBVH}}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("neither saved nor failed")
	}
	eng.Stop() // no more events, no more writes to the test's folders
	mu.Lock()
	defer mu.Unlock()
	return video, saved, failure
}

func TestEveryFaultEndsInIdenticalOutputsOrAClearError(t *testing.T) {
	for name, fault := range map[string]func(*ugcsim.Faults){
		"none":             func(*ugcsim.Faults) {},
		"500s":             func(f *ugcsim.Faults) { f.FailCalls(2) },
		"429s":             func(f *ugcsim.Faults) { f.Throttle(2) },
		"transfer 503s":    func(f *ugcsim.Faults) { f.FailTransfers(2) },
		"latency":          func(f *ugcsim.Faults) { f.SetLatency(5 * time.Millisecond) },
		"cut upload":       func(f *ugcsim.Faults) { f.CutUploads(1, 100_000) },
		"cut downloads":    func(f *ugcsim.Faults) { f.CutDownloads(3, 50_000) },
		"expired URLs":     func(f *ugcsim.Faults) { f.ExpireNextURLs(1) },
		"network outage":   func(f *ugcsim.Faults) { f.FailCalls(10) }, // longer than a try: the queue waits it out
		"failing job":      func(f *ugcsim.Faults) { f.FailJobs(1) },
		"URLs always dead": func(f *ugcsim.Faults) { f.ExpireURLs(true) },
	} {
		t.Run(name, func(t *testing.T) {
			video, saved, failure := run(t, fault)
			switch name {
			case "failing job":
				if failure != "the job failed" {
					t.Errorf("failure %q, want the job's failure", failure)
				}
				return
			case "URLs always dead":
				if !strings.Contains(failure, "storage refused") {
					t.Errorf("failure %q, want a plain refusal", failure)
				}
				return
			}
			if failure != "" || saved == nil || saved.Err != nil {
				t.Fatalf("failure %q, saved %+v", failure, saved)
			}
			want := sha256.Sum256(video)
			for _, f := range saved.Files {
				data, err := os.ReadFile(f.Path)
				if err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(f.Format, "render_") && sha256.Sum256(data) != want {
					t.Errorf("%s differs from the uploaded video", f.Format)
				}
				if f.Format == "all_bvh" {
					if _, err := bvh.ReadZip(bytes.NewReader(data), int64(len(data))); err != nil {
						t.Errorf("the ZIP of BVHs is damaged: %v", err)
					}
				}
			}
			if len(saved.Files) != 3 {
				t.Errorf("%d files saved, want 3", len(saved.Files))
			}
		})
	}
}
