package engine_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"singlecam/core/backoff"
	"singlecam/core/engine"
	"singlecam/core/media/mediatest"
	"singlecam/core/outputs"
	"singlecam/core/secrets"
	"singlecam/core/submit"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
	"singlecam/core/watch"
)

// fastEngine is an engine with auto-download on, against a fast simulator
// with fault switched on, that reports the first Saved event.
func fastEngine(t *testing.T, fault func(*ugcsim.Faults), publish time.Duration, downloadDir string) (*engine.Engine, *ugcsim.Simulator, <-chan engine.SavedJob) {
	t.Helper()
	sim, err := ugcsim.New(ugcsim.Config{Key: key, DataDir: t.TempDir(),
		Timing: ugcsim.Timing{Queue: 10 * time.Millisecond, Processing: 30 * time.Millisecond, OutputURLs: 10 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	fault(sim.Faults())
	fast := backoff.Policy{Attempts: 2, BaseDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond}
	saved := make(chan engine.SavedJob, 1)
	var once sync.Once
	eng, err := engine.New(engine.Config{
		Key: key, Endpoint: srv.URL + ugcsim.GraphQLPath, DataDir: t.TempDir(), DownloadDir: downloadDir,
		AutoDownload: true, APIRetry: fast, Transfer: transfer.Config{Retry: fast, StallTimeout: time.Second},
		NetworkWait: backoff.Policy{BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond},
		Watch:       watch.Config{MinInterval: 5 * time.Millisecond, MaxInterval: 20 * time.Millisecond, PublishTimeout: publish},
	}, func(ev engine.Event) {
		if s, ok := ev.(engine.SavedJob); ok {
			once.Do(func() { saved <- s })
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel(); eng.Stop() })
	eng.Start(ctx, false)
	return eng, sim, saved
}

func clip(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "Clip.mp4")
	if err := mediatest.WriteMP4(path, 100_000); err != nil {
		t.Fatal(err)
	}
	return path
}

func waitSaved(t *testing.T, saved <-chan engine.SavedJob) engine.SavedJob {
	t.Helper()
	select {
	case s := <-saved:
		return s
	case <-time.After(30 * time.Second):
		t.Fatal("no outcome")
	}
	return engine.SavedJob{}
}

// noResubmit checks that the advice on a job that exists is to download it
// again, in the app's and the terminal's words, and never to submit again.
func noResubmit(t *testing.T, err error, jobID string) {
	t.Helper()
	app, term := engine.Explain(err), engine.ExplainInTerminal(err)
	if strings.Contains(strings.ToLower(app+term), "submit") {
		t.Errorf("advice to submit (and pay) again:\napp: %s\nterminal: %s", app, term)
	}
	if !strings.Contains(app, "Download") && !strings.Contains(app, "Retry download") || !strings.Contains(term, "singlecam download") || !strings.Contains(term, jobID) {
		t.Errorf("no advice to download again:\napp: %s\nterminal: %s", app, term)
	}
	if strings.Contains(app, "HTTP") { // the window's words are a person's
		t.Errorf("the app shows an HTTP status: %s", app)
	}
}

// Outputs whose URLs never appear were once waited on forever, silently.
// The engine gives up after the publish timeout, naming the command.
func TestUnpublishedOutputsEndWithTheDownloadCommand(t *testing.T) {
	eng, _, saved := fastEngine(t, func(f *ugcsim.Faults) { f.WithholdOutputURLs(true) }, 50*time.Millisecond, t.TempDir())
	if _, _, err := eng.Submit(submit.Request{VideoPath: clip(t), Outputs: []ugc.OutputType{ugc.OutputAllBVH}}); err != nil {
		t.Fatal(err)
	}
	s := waitSaved(t, saved)
	if !errors.Is(s.Err, watch.ErrNotPublished) {
		t.Fatalf("saved %+v, want ErrNotPublished", s)
	}
	noResubmit(t, s.Err, s.JobID)
}

// An output URL answering 404 once said "submit the video again", which
// pays again. The job exists: the advice is to download it again, and the
// 404 is kept.
func TestAMissingOutputSaysDownloadAgain(t *testing.T) {
	eng, _, saved := fastEngine(t, func(f *ugcsim.Faults) { f.MissingFiles(1) }, 0, t.TempDir())
	if _, _, err := eng.Submit(submit.Request{VideoPath: clip(t), Outputs: []ugc.OutputType{ugc.OutputAllBVH}}); err != nil {
		t.Fatal(err)
	}
	s := waitSaved(t, saved)
	var status *transfer.StatusError
	if !errors.As(s.Err, &status) || status.Status != 404 {
		t.Fatalf("saved %+v, want the 404 kept", s)
	}
	noResubmit(t, s.Err, s.JobID)
}

// A full disk while saving a job that exists: download again, never submit.
func TestAFullDiskSaysDownloadAgain(t *testing.T) {
	err := &engine.DownloadError{JobID: "job-7", Dir: "out", Err: syscall.ENOSPC}
	noResubmit(t, err, "job-7")
	if !strings.Contains(engine.Explain(err), "disk is full") {
		t.Errorf("%q", engine.Explain(err))
	}
}

// The app's download folder is checked before a submission is queued: a
// file in its place once made a job paid for with nowhere to go.
func TestSubmitRefusesADownloadFolderThatIsAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "Downloads")
	os.WriteFile(file, []byte("x"), 0o644)
	eng, sim, _ := fastEngine(t, func(*ugcsim.Faults) {}, 0, file)
	before := sim.GraphQLRequests() // Start asked whose key it has
	_, _, err := eng.Submit(submit.Request{VideoPath: clip(t)})
	var dest *outputs.DestinationError
	if !errors.As(err, &dest) || !strings.Contains(engine.Explain(err), "Settings") {
		t.Fatalf("err = %v (%q), want a DestinationError pointing to Settings", err, engine.Explain(err))
	}
	if n := sim.GraphQLRequests() - before; n != 0 {
		t.Errorf("%d requests sent with nowhere to save", n)
	}
}

// Keyring failures say different things: only a missing keyring offers a
// session-only key; a locked one asks to unlock it.
func TestKeyringFailuresAreExplainedApart(t *testing.T) {
	missing := engine.Explain(fmt.Errorf("%w (dbus: no session bus)", secrets.ErrNoKeyring))
	locked := engine.Explain(fmt.Errorf("%w (failed to unlock correct collection)", secrets.ErrKeyringLocked))
	refused := engine.Explain(fmt.Errorf("%w (access denied)", secrets.ErrKeyringRefused))
	if !strings.Contains(missing, "session only") || strings.Contains(locked, "session") || strings.Contains(refused, "session") ||
		!strings.Contains(locked, "Unlock") || !strings.Contains(refused, "denied") {
		t.Errorf("missing: %s\nlocked: %s\nrefused: %s", missing, locked, refused)
	}
}
