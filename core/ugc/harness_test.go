package ugc_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/validator"

	"singlecam/core/contract"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
)

const testKey = "test-key-0123456789"

// testTiming makes job phases easy to reason about with the fake clock.
var testTiming = ugcsim.Timing{Queue: 10 * time.Second, Processing: 100 * time.Second, OutputURLs: 30 * time.Second}

// harness is a simulator on a loopback server and a client pointed at it.
type harness struct {
	t      *testing.T
	sim    *ugcsim.Simulator
	srv    *httptest.Server
	clock  *ugcsim.ManualClock
	client *ugc.Client
	// arrived gets a value as each GraphQL request reaches the simulator,
	// so a test waits for requests instead of sleeping.
	arrived chan struct{}
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	clock := ugcsim.NewManualClock(time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC))
	sim, err := ugcsim.New(ugcsim.Config{Key: testKey, Timing: testTiming, Now: clock.Now, DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	arrived := make(chan struct{}, 1024)
	inner := sim.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == ugcsim.GraphQLPath {
			select {
			case arrived <- struct{}{}:
			default: // nobody counts this many
			}
		}
		inner.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	h := &harness{t: t, sim: sim, srv: srv, clock: clock, arrived: arrived}
	h.client = h.newClient(testKey, nil)
	return h
}

// drainArrivals forgets the requests that arrived so far.
func (h *harness) drainArrivals() {
	for {
		select {
		case <-h.arrived:
		default:
			return
		}
	}
}

// awaitArrivals waits until n more requests have reached the simulator.
func (h *harness) awaitArrivals(n int) {
	h.t.Helper()
	for range n {
		select {
		case <-h.arrived:
		case <-time.After(time.Minute):
			h.t.Fatalf("fewer than %d requests arrived", n)
		}
	}
}

func (h *harness) endpoint() string { return h.srv.URL + ugcsim.GraphQLPath }

// newClient makes a client whose every request is checked against the
// schema; httpClient may set a timeout.
func (h *harness) newClient(key string, httpClient *http.Client) *ugc.Client {
	h.t.Helper()
	if httpClient == nil {
		httpClient = &http.Client{}
	}
	httpClient.Transport = &schemaCheckingTransport{t: h.t, next: http.DefaultTransport}
	c, err := ugc.New(ugc.Config{
		Key: key, Endpoint: h.endpoint(), HTTPClient: httpClient,
		Retry: ugc.Retry{Attempts: 4, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond},
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

var (
	schemaOnce sync.Once
	schema     *ast.Schema
)

func loadSchema(t *testing.T) *ast.Schema {
	schemaOnce.Do(func() {
		s, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: contract.Schema})
		if err != nil {
			t.Fatalf("schema: %v", err)
		}
		schema = s
	})
	return schema
}

// schemaCheckingTransport validates every GraphQL document the client sends,
// and its variables, against the project's copy of the schema.
type schemaCheckingTransport struct {
	t    *testing.T
	next http.RoundTripper
}

func (s *schemaCheckingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method == http.MethodPost && req.Body != nil {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		var gql struct {
			Query         string         `json:"query"`
			OperationName string         `json:"operationName"`
			Variables     map[string]any `json:"variables"`
		}
		if err := json.Unmarshal(body, &gql); err != nil {
			s.t.Errorf("request body is not JSON: %v", err)
		} else {
			checkDocument(s.t, gql.Query, gql.OperationName, gql.Variables)
		}
	}
	return s.next.RoundTrip(req)
}

func checkDocument(t *testing.T, query, operationName string, vars map[string]any) {
	t.Helper()
	doc, errs := gqlparser.LoadQueryWithRules(loadSchema(t), query, nil) // nil: the spec's rules
	if errs != nil {
		t.Errorf("document %s does not fit the schema: %v", operationName, errs)
		return
	}
	op := doc.Operations.ForName(operationName)
	if op == nil {
		t.Errorf("document has no operation named %q", operationName)
		return
	}
	if vars == nil {
		vars = map[string]any{}
	}
	if _, err := validator.VariableValues(loadSchema(t), op, vars); err != nil {
		t.Errorf("variables of %s do not fit the schema: %v", operationName, err)
	}
}

// put uploads data to a presigned URL the way the service expects: one PUT
// with a Content-Length and no Content-Type.
func put(t *testing.T, url string, data []byte) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPut, url, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("PUT: %v", err)
	}
	resp.Body.Close()
	return resp
}

func get(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", url, resp.Status)
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET body: %v", err)
	}
	return data
}
