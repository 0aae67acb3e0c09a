package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"singlecam/core/engine"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
	"singlecam/core/watch"
)

func TestSubmitRefusesEmptyOutputsAndNonsenseClips(t *testing.T) {
	sim := withSimulator(t)
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"--outputs", ",", "x.mp4"}, "--outputs takes output names"},
		{[]string{"--outputs", " , ,", "x.mp4"}, "--outputs takes output names"},
		{[]string{"--clip", "NaN:NaN", "x.mp4"}, "ends after it starts"},
		{[]string{"--clip", "1:Inf", "x.mp4"}, "ends after it starts"},
		{[]string{"--clip", "5:2", "x.mp4"}, "ends after it starts"},
	} {
		var stderr bytes.Buffer
		if code := submitVideos(context.Background(), tc.args, &bytes.Buffer{}, &stderr); code != 2 || !strings.Contains(stderr.String(), tc.says) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args, code, stderr.String(), tc.says)
		}
	}
	if n := sim.GraphQLRequests(); n != 0 {
		t.Errorf("%d requests sent for refused flags", n)
	}
}

// An --out that is a file was once found only after the job was paid for,
// and then the folder picker looped forever. It is refused before anything
// is sent, in the terminal's words.
func TestSubmitChecksTheDestinationBeforeSending(t *testing.T) {
	sim := withSimulator(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "out.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	var stderr bytes.Buffer
	code := submitVideos(context.Background(), []string{"--out", file, video(t, dir, "Jump.mp4")}, &bytes.Buffer{}, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "is a file, not a folder") || !strings.Contains(stderr.String(), "--out") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
	if strings.Contains(stderr.String(), "Settings") {
		t.Errorf("the terminal was sent to the app's Settings: %s", stderr.String())
	}
	if n := sim.GraphQLRequests(); n != 0 {
		t.Errorf("%d requests sent with nowhere to save", n)
	}
}

// A key revoked while the job runs once left `submit` waiting forever. It
// ends at once, saying what to do in a terminal.
func TestSubmitEndsWhenTheKeyIsRevokedMidJob(t *testing.T) {
	sim, err := ugcsim.New(ugcsim.Config{Key: "cli-test-key-123456", DataDir: t.TempDir(),
		Timing: ugcsim.Timing{Queue: time.Hour, Processing: time.Hour}}) // the job waits until the key is gone
	if err != nil {
		t.Fatal(err)
	}
	// jobMade is told once the simulator has answered the call that makes
	// the job, so the key is revoked mid-job without polling for it.
	jobMade := make(chan struct{}, 1)
	inner := sim.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		inner.ServeHTTP(w, r)
		if bytes.Contains(body, []byte("createSingleCamJob")) {
			select {
			case jobMade <- struct{}{}:
			default:
			}
		}
	}))
	t.Cleanup(srv.Close)
	withSimulator(t)
	t.Setenv("MOVE_UGC_ENDPOINT_URL", srv.URL+ugcsim.GraphQLPath)
	dir := t.TempDir()
	done := make(chan int)
	var stdout, stderr bytes.Buffer
	go func() {
		done <- submitVideos(context.Background(), []string{"--out", t.TempDir(), video(t, dir, "Jump.mp4")}, &stdout, &stderr)
	}()
	select {
	case <-jobMade:
	case code := <-done:
		t.Fatalf("submit ended (exit %d) before making its job: %s", code, stderr.String())
	}
	sim.Faults().RevokeKey(true)
	select {
	case code := <-done:
		out := stdout.String()
		if code != 1 || !strings.Contains(out, "Move refused the API key") || !strings.Contains(out, "MOVE_API_KEY") ||
			!strings.Contains(out, "singlecam download") || strings.Contains(out, "Settings") {
			t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, out, stderr.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("submit still waits after the key was revoked")
	}
}

// Progress may turn null (the schema allows it); the tracker once
// dereferenced it. A finished job without its files says it waits for them.
func TestTrackerCopesWithNullProgressAndUnpublishedFiles(t *testing.T) {
	var stderr bytes.Buffer
	tr := newTracker(&stderr)
	tr.jobSub["job-1"], tr.names["sub-1"] = "sub-1", "Jump"
	tr.handle(engine.JobUpdate{Event: watch.Event{Kind: watch.Progressed, Job: ugc.Job{ID: "job-1", State: ugc.StateRunning}}})
	finished := ugc.Job{ID: "job-1", State: ugc.StateFinished, Outputs: []ugc.Output{{Format: "main_fbx"}}}
	tr.handle(engine.JobUpdate{Event: watch.Event{Kind: watch.StateChanged, Job: finished}})
	if !strings.Contains(stderr.String(), "Jump: Move finished; waiting for it to publish the files") {
		t.Errorf("stderr: %q", stderr.String())
	}
}

// The terminal's messages never send anyone to the app's Settings, nor
// start with "Something went wrong:".
func TestTerminalMessagesFitTheTerminal(t *testing.T) {
	for _, err := range []error{
		ugc.ErrUnauthorized, &engine.DownloadError{JobID: "job-1", Dir: "out", Err: ugc.ErrUnauthorized},
		&ugc.EndpointError{Reason: "the API endpoint \"ftp://x\" must start with https://"},
		&engine.DownloadError{JobID: "job-1", Dir: "my out", Err: watch.ErrNotPublished},
	} {
		msg := engine.ExplainInTerminal(err)
		if strings.Contains(msg, "Settings") || strings.HasPrefix(msg, "Something went wrong") {
			t.Errorf("%v: %q", err, msg)
		}
	}
}
