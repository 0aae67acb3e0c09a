package submit

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"singlecam/core/backoff"
	"singlecam/core/media/mediatest"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
)

const testKey = "submit-test-key-1234"

// env is a simulator behind a recording proxy, and a pipeline for it.
type env struct {
	t        *testing.T
	sim      *ugcsim.Simulator
	srv      *httptest.Server
	pipeline *Pipeline
	dir      string

	mu  sync.Mutex
	ops map[string]int // GraphQL operations received, by name
	// intercept, when set, may handle a GraphQL request itself.
	intercept func(op string, w http.ResponseWriter, r *http.Request) bool
	puts      atomic.Int64
	inFlight  atomic.Int64
	maxFlight atomic.Int64
}

func newEnv(t *testing.T) *env {
	t.Helper()
	sim, err := ugcsim.New(ugcsim.Config{Key: testKey, DataDir: t.TempDir(),
		Timing: ugcsim.Timing{Queue: time.Millisecond, Processing: time.Millisecond, OutputURLs: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, sim: sim, ops: map[string]int{}, dir: t.TempDir()}
	inner := sim.Handler()
	e.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != ugcsim.GraphQLPath {
			if r.Method == http.MethodPut {
				e.puts.Add(1)
				n := e.inFlight.Add(1)
				defer e.inFlight.Add(-1)
				for m := e.maxFlight.Load(); n > m && !e.maxFlight.CompareAndSwap(m, n); m = e.maxFlight.Load() {
				}
			}
			inner.ServeHTTP(w, r)
			return
		}
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		var req struct{ OperationName string }
		json.Unmarshal(body, &req)
		e.mu.Lock()
		e.ops[req.OperationName]++
		intercept := e.intercept
		e.mu.Unlock()
		if intercept != nil && intercept(req.OperationName, w, r) {
			return
		}
		inner.ServeHTTP(w, r)
	}))
	t.Cleanup(e.srv.Close)
	e.pipeline = e.newPipeline(filepath.Join(e.dir, "journal"))
	return e
}

func (e *env) endpoint() string { return e.srv.URL + ugcsim.GraphQLPath }

func (e *env) newPipeline(journalDir string) *Pipeline {
	journal, err := OpenJournal(journalDir)
	if err != nil {
		e.t.Fatal(err)
	}
	p, err := pipelineAt(e.endpoint(), journal)
	if err != nil {
		e.t.Fatal(err)
	}
	return p
}

// pipelineAt is a fast-retrying pipeline for an endpoint.
func pipelineAt(endpoint string, journal *Journal) (*Pipeline, error) {
	fast := backoff.Policy{Attempts: 2, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}
	api, err := ugc.New(ugc.Config{Key: testKey, Endpoint: endpoint, Retry: fast})
	if err != nil {
		return nil, err
	}
	return &Pipeline{API: api, Journal: journal, Transfer: transfer.New(transfer.Config{Retry: fast})}, nil
}

func (e *env) opCount(op string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.ops[op]
}

// video writes a real MP4 (or, for a .move name, plain bytes) of the given
// size into the test's folder.
func (e *env) video(name string, size int) string {
	e.t.Helper()
	path := filepath.Join(e.dir, name)
	var err error
	if filepath.Ext(name) == ".move" {
		err = os.WriteFile(path, bytes.Repeat([]byte{7}, size), 0o644)
	} else {
		err = mediatest.WriteMP4(path, int64(size))
	}
	if err != nil {
		e.t.Fatal(err)
	}
	return path
}

// jobsOfTake counts the jobs the service holds for a take.
func (e *env) jobsOfTake(takeID string) int {
	e.t.Helper()
	page, err := e.pipeline.API.ListJobs(ctx, ugc.ListJobsParams{TakeID: takeID, First: 100})
	if err != nil {
		e.t.Fatal(err)
	}
	return len(page.Jobs)
}

// fastQueue is a queue whose network waits take milliseconds.
func (e *env) fastQueue(onStatus func(Status)) *Queue {
	q := NewQueue(e.pipeline, 0, onStatus)
	q.SetNetworkWait(backoff.Policy{BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond})
	return q
}
