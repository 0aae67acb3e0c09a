package ugcsim

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

const testKey = "sim-test-key-000111"

type testSim struct {
	t     *testing.T
	sim   *Simulator
	srv   *httptest.Server
	clock *ManualClock
}

func newTestSim(t *testing.T, cfg Config) *testSim {
	t.Helper()
	clock := NewManualClock(time.Date(2026, 1, 2, 3, 4, 5, 123456789, time.UTC))
	cfg.Key, cfg.Now, cfg.DataDir = testKey, clock.Now, t.TempDir()
	if cfg.Timing == (Timing{}) {
		cfg.Timing = Timing{Queue: 10 * time.Second, Processing: 100 * time.Second, OutputURLs: 30 * time.Second}
	}
	sim, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	return &testSim{t: t, sim: sim, srv: srv, clock: clock}
}

// post sends a GraphQL request with the given key and returns the status and
// the raw body.
func (ts *testSim) post(key, query string, vars map[string]any) (int, []byte) {
	ts.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, ts.srv.URL+GraphQLPath, bytes.NewReader(body))
	if key != "" {
		req.Header.Set("authorization", key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, data
}

// query sends an authorised request that must succeed and decodes its data.
func (ts *testSim) query(query string, vars map[string]any, out any) {
	ts.t.Helper()
	status, body := ts.post(testKey, query, vars)
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []appSyncError  `json:"errors"`
	}
	if status != http.StatusOK || json.Unmarshal(body, &resp) != nil || len(resp.Errors) > 0 {
		ts.t.Fatalf("query failed: HTTP %d %s", status, body)
	}
	if err := json.Unmarshal(resp.Data, out); err != nil {
		ts.t.Fatalf("decoding %s: %v", resp.Data, err)
	}
}

// firstError sends an authorised request that must fail and returns its
// first error.
func (ts *testSim) firstError(query string, vars map[string]any) appSyncError {
	ts.t.Helper()
	status, body := ts.post(testKey, query, vars)
	var resp appSyncResponse
	if status != http.StatusOK || json.Unmarshal(body, &resp) != nil || len(resp.Errors) == 0 {
		ts.t.Fatalf("want an error answer with HTTP 200, got HTTP %d %s", status, body)
	}
	return resp.Errors[0]
}

// uploadedVideo creates an mp4 file and uploads data to it.
func (ts *testSim) uploadedVideo(data []byte) string {
	ts.t.Helper()
	var out struct {
		CreateFile struct{ ID, PresignedURL string }
	}
	ts.query(`mutation { createFile(type: "mp4") { id presignedUrl } }`, nil, &out)
	req, _ := http.NewRequest(http.MethodPut, out.CreateFile.PresignedURL, bytes.NewReader(data))
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		ts.t.Fatalf("upload: %v %v", resp, err)
	}
	resp.Body.Close()
	return out.CreateFile.ID
}

func (ts *testSim) take(videoID string) string {
	ts.t.Helper()
	var out struct{ CreateSingleCamTake struct{ ID string } }
	ts.query(`mutation($f: String!) { createSingleCamTake(sources: [{deviceLabel: "iphone", fileId: $f, format: MP4}]) { id } }`,
		map[string]any{"f": videoID}, &out)
	return out.CreateSingleCamTake.ID
}
