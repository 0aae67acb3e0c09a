package engine_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"singlecam/core/engine"
	"singlecam/core/submit"
	"singlecam/core/ugc"
)

// An app can close while a call into its engine is still on its way (a
// take's Start is handed to a goroutine; the session's Start runs on one).
// Once Stop has returned, such a call must start nothing and write nothing:
// the app may be gone, and its data folder with it. Before Stop waited for
// calls, a Submit after Stop journaled a record, and a Start after Stop
// resumed the journal and ran its submissions.
func TestAStoppedEngineStartsAndWritesNothing(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("a stopped engine sent %s %s", r.Method, r.URL.Path)
		http.Error(w, "stopped", http.StatusServiceUnavailable)
	}))
	t.Cleanup(srv.Close)
	dataDir := t.TempDir()
	journal, err := submit.OpenJournal(filepath.Join(dataDir, "submissions"))
	if err != nil {
		t.Fatal(err)
	}
	left := &submit.Record{ID: "sub-left-by-the-last-run", Created: time.Now(), Step: submit.StepQueued,
		Request: submit.Request{VideoPath: clip(t), Outputs: []ugc.OutputType{ugc.OutputAllBVH}}}
	if err := journal.Save(left); err != nil {
		t.Fatal(err)
	}
	before := journalFiles(t, dataDir)

	eng, err := engine.New(engine.Config{Key: key, Endpoint: srv.URL + "/graphql", DataDir: dataDir, DownloadDir: t.TempDir()}, func(ev engine.Event) {
		t.Errorf("an event from a stopped engine: %+v", ev)
	})
	if err != nil {
		t.Fatal(err)
	}
	eng.Stop() // the app closed before any of the calls below arrived

	calls := []struct {
		name string
		call func() error
	}{
		{"Submit", func() error {
			_, _, err := eng.Submit(submit.Request{VideoPath: clip(t), Outputs: []ugc.OutputType{ugc.OutputAllBVH}})
			return err
		}},
		{"Retry", func() error { return eng.Retry(left.ID) }},
		{"Download", func() error { _, _, err := eng.Download(context.Background(), "job-1", nil); return err }},
		{"Start", func() error { _, err := eng.Start(context.Background(), true); return err }},
	}
	for _, c := range calls {
		if err := c.call(); !errors.Is(err, engine.ErrStopped) {
			t.Errorf("%s after Stop: %v, want ErrStopped", c.name, err)
		}
	}
	eng.Stop() // waits for anything the calls started, were there any
	if after := journalFiles(t, dataDir); after != before {
		t.Errorf("the journal changed after Stop:\nbefore: %s\nafter:  %s", before, after)
	}
}

// journalFiles is the journal's records, names and contents, as one string.
func journalFiles(t *testing.T, dataDir string) string {
	t.Helper()
	dir := filepath.Join(dataDir, "submissions")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var all string
	for _, e := range entries {
		if e.IsDir() { // the journal's claims, kept apart
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		all += e.Name() + ": " + string(data) + "\n"
	}
	return all
}

// A take refused because the app was closing says so in plain words, and
// that nothing was sent.
func TestExplainSaysNothingWasSentWhenClosing(t *testing.T) {
	got := engine.Explain(fmt.Errorf("submit: %w", engine.ErrStopped))
	if !strings.Contains(got, "Nothing was sent") || strings.Contains(got, "Something went wrong") {
		t.Errorf("Explain(ErrStopped) = %q", got)
	}
}
