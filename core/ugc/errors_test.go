package ugc_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"singlecam/core/ugc"
)

// noKey fails the test if an error's text repeats the API key.
func noKey(t *testing.T, err error, key string) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), key) {
		t.Errorf("error text contains the API key: %v", err)
	}
}

func TestRefusedKeyIsUnauthorized(t *testing.T) {
	h := newHarness(t)
	const wrongKey = "wrong-key-abcdefghijkl"
	_, err := h.newClient(wrongKey, nil).Account(ctx)
	var apiErr *ugc.APIError
	if !errors.Is(err, ugc.ErrUnauthorized) || !errors.As(err, &apiErr) || apiErr.Status != http.StatusUnauthorized {
		t.Fatalf("err = %v, want ErrUnauthorized with HTTP 401", err)
	}
	if apiErr.ErrorType != "UnauthorizedException" {
		t.Errorf("errorType = %q", apiErr.ErrorType)
	}
	if h.sim.GraphQLRequests() != 1 {
		t.Errorf("a refused key was tried %d times; it cannot get better by retrying", h.sim.GraphQLRequests())
	}
	noKey(t, err, wrongKey)
}

func TestShortKeyIsRefusedBeforeAnythingIsSent(t *testing.T) {
	h := newHarness(t)
	_, err := ugc.New(ugc.Config{Key: "short", Endpoint: h.endpoint()})
	if !errors.Is(err, ugc.ErrKeyFormat) {
		t.Fatalf("err = %v, want ErrKeyFormat", err)
	}
	if h.sim.GraphQLRequests() != 0 {
		t.Errorf("%d requests sent", h.sim.GraphQLRequests())
	}
}

func TestUnknownIDsAreNotFound(t *testing.T) {
	h := newHarness(t)
	for name, call := range map[string]func() error{
		"getJob":    func() error { _, err := h.client.GetJob(ctx, "job-missing"); return err },
		"getFile":   func() error { _, err := h.client.GetFile(ctx, "file-missing"); return err },
		"getTake":   func() error { _, err := h.client.GetTake(ctx, "take-missing"); return err },
		"updateJob": func() error { _, err := h.client.UpdateJob(ctx, "job-missing", "x", nil); return err },
		"createSingleCamJob": func() error {
			_, err := h.client.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: "take-missing"})
			return err
		},
	} {
		err := call()
		var apiErr *ugc.APIError
		if !errors.Is(err, ugc.ErrNotFound) || !errors.As(err, &apiErr) {
			t.Errorf("%s: err = %v, want ErrNotFound", name, err)
			continue
		}
		if apiErr.Op != name || apiErr.ErrorType != "MoveNotFoundError" || apiErr.Message != "Resource not found in move-ugc-api." {
			t.Errorf("%s: %+v", name, apiErr)
		}
	}
}

func TestRejectedValuesAreInvalidInputWithTheServicesReason(t *testing.T) {
	h := newHarness(t)
	vf, err := h.client.CreateFile(ctx, "mp4", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		call func() error
		says string
	}{
		"file type": {func() error { _, err := h.client.CreateFile(ctx, "gif", "", nil); return err }, `"gif" is not supported`},
		"device label": {func() error {
			_, err := h.client.CreateSingleCamTake(ctx, ugc.TakeRequest{DeviceLabel: "My iPhone", VideoFileID: vf.ID, VideoFormat: ugc.FormatMP4})
			return err
		}, "deviceLabel"},
		"format mismatch": {func() error {
			_, err := h.client.CreateSingleCamTake(ctx, ugc.TakeRequest{DeviceLabel: "iphone", VideoFileID: vf.ID, VideoFormat: ugc.FormatMOV})
			return err
		}, "format MOV"},
		"clip window": {func() error {
			take, err := h.client.CreateSingleCamTake(ctx, ugc.TakeRequest{DeviceLabel: "iphone", VideoFileID: vf.ID, VideoFormat: ugc.FormatMP4})
			if err != nil {
				return err
			}
			_, err = h.client.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID, ClipWindow: &ugc.ClipWindow{Start: 0, End: 90}})
			return err
		}, "between 2 and 60 seconds"},
		"metadata": {func() error {
			_, err := h.client.CreateFile(ctx, "mp4", "", []byte(`{not json`))
			return err
		}, "AWSJSON"},
	} {
		err := tc.call()
		var apiErr *ugc.APIError
		if !errors.Is(err, ugc.ErrInvalidInput) || !errors.As(err, &apiErr) || !strings.Contains(apiErr.Message, tc.says) {
			t.Errorf("%s: err = %v, want ErrInvalidInput saying %q", name, err, tc.says)
		}
	}
}

func TestTransientFailuresAreRetriedUntilTheyPass(t *testing.T) {
	for name, inject := range map[string]func(h *harness){
		"HTTP 500": func(h *harness) { h.sim.Faults().FailCalls(2) },
		"HTTP 429": func(h *harness) { h.sim.Faults().Throttle(3) },
	} {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			inject(h)
			if _, err := h.client.Account(ctx); err != nil {
				t.Fatalf("err = %v, want success after retries", err)
			}
			if got := h.sim.GraphQLRequests(); got != int64(map[string]int{"HTTP 500": 3, "HTTP 429": 4}[name]) {
				t.Errorf("%d requests", got)
			}
		})
	}
}

func TestPersistentFailureEndsUnavailableAfterTheLastAttempt(t *testing.T) {
	h := newHarness(t)
	h.sim.Faults().FailCalls(100)
	_, err := h.client.GetJob(ctx, "job-x")
	var apiErr *ugc.APIError
	if !errors.Is(err, ugc.ErrUnavailable) || !errors.As(err, &apiErr) || apiErr.Status != 500 {
		t.Fatalf("err = %v, want ErrUnavailable with HTTP 500", err)
	}
	if got := h.sim.GraphQLRequests(); got != 4 {
		t.Errorf("%d requests, want the 4 attempts", got)
	}
}

func TestJobCreationIsNotRepeatedWhenItMayHaveReachedTheService(t *testing.T) {
	h := newHarness(t)
	take := uploadedTake(t, h, []byte("video"))
	before := h.sim.GraphQLRequests()
	h.sim.Faults().FailCalls(1)
	_, err := h.client.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID})
	var apiErr *ugc.APIError
	if !errors.Is(err, ugc.ErrUnavailable) || !errors.As(err, &apiErr) || !apiErr.MayHaveApplied {
		t.Fatalf("err = %v, want ErrUnavailable that may have applied", err)
	}
	if got := h.sim.GraphQLRequests() - before; got != 1 {
		t.Errorf("createSingleCamJob sent %d times after a 500; a retry could pay twice", got)
	}

	// A 429 is turned away before any work is done, so it is safe to repeat.
	h.sim.Faults().Throttle(1)
	if _, err := h.client.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID}); err != nil {
		t.Errorf("after a 429: %v, want the retry to succeed", err)
	}
}

func TestTimeoutIsUnavailableAndMayHaveApplied(t *testing.T) {
	h := newHarness(t)
	take := uploadedTake(t, h, []byte("video"))
	h.sim.Faults().SetLatency(300 * time.Millisecond)
	slow := h.newClient(testKey, &http.Client{Timeout: 50 * time.Millisecond})
	h.drainArrivals()
	before := h.sim.GraphQLRequests()
	_, err := slow.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID})
	var apiErr *ugc.APIError
	if !errors.Is(err, ugc.ErrUnavailable) || !errors.As(err, &apiErr) || !apiErr.MayHaveApplied {
		t.Fatalf("err = %v, want ErrUnavailable that may have applied", err)
	}
	h.awaitArrivals(1) // the abandoned request reaches the server in its own time
	if got := h.sim.GraphQLRequests() - before; got != 1 {
		t.Errorf("sent %d times", got)
	}
	// A query is safe to repeat: it is tried every attempt.
	h.drainArrivals()
	before = h.sim.GraphQLRequests()
	if _, err := slow.Account(ctx); !errors.Is(err, ugc.ErrUnavailable) {
		t.Errorf("account: %v", err)
	}
	h.awaitArrivals(4) // the abandoned attempts reach the server in their own time
	if got := h.sim.GraphQLRequests() - before; got != 4 {
		t.Errorf("account sent %d times, want 4", got)
	}
}

func TestNoServerIsUnavailableAndSafeToRetry(t *testing.T) {
	h := newHarness(t)
	h.srv.Close()
	_, err := h.client.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: "take-x"})
	var apiErr *ugc.APIError
	if !errors.Is(err, ugc.ErrUnavailable) || !errors.As(err, &apiErr) || apiErr.MayHaveApplied {
		t.Fatalf("err = %v, want ErrUnavailable that surely did not apply", err)
	}
}

func TestCancelledContextStopsRetrying(t *testing.T) {
	h := newHarness(t)
	h.sim.Faults().FailCalls(100)
	c, err := ugc.New(ugc.Config{Key: testKey, Endpoint: h.endpoint(),
		Retry: ugc.Retry{Attempts: 10, BaseDelay: time.Hour, MaxDelay: time.Hour}})
	if err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = c.Account(cctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's error", err)
	}
	if waited := time.Since(start); waited > 10*time.Second {
		t.Errorf("gave up after %v", waited)
	}
}

func TestServerAnswersThatAreNotGraphQLAreUnexpected(t *testing.T) {
	for name, handler := range map[string]http.HandlerFunc{
		"HTML page": func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<html>captive portal</html>") },
		"HTTP 400":  func(w http.ResponseWriter, r *http.Request) { http.Error(w, "nope", http.StatusBadRequest) },
		"no field":  func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{"data":{}}`) },
		"wrong shape": func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `{"data":{"client":{"id":7}}}`)
		},
	} {
		srv := httptest.NewServer(handler)
		c, err := ugc.New(ugc.Config{Key: testKey, Endpoint: srv.URL})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Account(ctx)
		if !errors.Is(err, ugc.ErrUnexpected) {
			t.Errorf("%s: err = %v, want ErrUnexpected", name, err)
		}
		srv.Close()
	}
}

// A typed read and a hand-written mutation tell the same story about an
// answer they cannot use.
func TestUnusableAnswersReadTheSameForReadsAndMutations(t *testing.T) {
	calls := map[string]func(c *ugc.Client) error{
		"getJob":     func(c *ugc.Client) error { _, err := c.GetJob(ctx, "job-1"); return err },
		"createFile": func(c *ugc.Client) error { _, err := c.CreateFile(ctx, "mp4", "", nil); return err },
	}
	for _, tc := range []struct{ answer, want string }{
		{`{"data":{"%s":null}}`, "the answer holds no %s"},
		{`{"data":{}}`, "the answer holds no %s"},
		{`{"data":{"%s":{"id":7}}}`, "the answer does not have the expected shape"},
	} {
		for op, call := range calls {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, strings.ReplaceAll(tc.answer, "%s", op))
			}))
			c, err := ugc.New(ugc.Config{Key: testKey, Endpoint: srv.URL})
			if err != nil {
				t.Fatal(err)
			}
			err = call(c)
			want := strings.ReplaceAll(tc.want, "%s", op)
			if !errors.Is(err, ugc.ErrUnexpected) || !strings.Contains(err.Error(), want) {
				t.Errorf("%s answered %s: err = %v, want ErrUnexpected saying %q", op, tc.answer, err, want)
			}
			srv.Close()
		}
	}
}

func TestKeyNeverAppearsEvenWhenTheServerEchoesIt(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintf(w, `{"errors":[{"errorType":"AccessDeniedException","message":"key %s is not valid"}]}`, r.Header.Get("Authorization"))
	}))
	defer srv.Close()
	c, err := ugc.New(ugc.Config{Key: testKey, Endpoint: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Account(ctx)
	if !errors.Is(err, ugc.ErrUnauthorized) {
		t.Fatalf("err = %v", err)
	}
	noKey(t, err, testKey)
	if !strings.Contains(err.Error(), "[redacted]") {
		t.Errorf("err = %v, want the echoed key redacted", err)
	}
}

func TestKeyIsSentRawInTheAuthorizationHeader(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("Authorization")
		fmt.Fprint(w, `{"data":{"client":{"id":"client-1","name":"n","portal":null,"created":null,"metadata":null}}}`)
	}))
	defer srv.Close()
	c, err := ugc.New(ugc.Config{Key: "  " + testKey + "\n", Endpoint: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Account(ctx); err != nil {
		t.Fatal(err)
	}
	if got != testKey {
		t.Errorf("authorization header = %q, want the raw key without Bearer or spaces", got)
	}
}

func TestEndpointRules(t *testing.T) {
	for endpoint, ok := range map[string]bool{
		"https://api.move.ai/ugc/graphql": true,
		"http://127.0.0.1:8765/graphql":   true,
		"http://localhost:8765/graphql":   true,
		"http://[::1]:8765/graphql":       true,
		"http://api.move.ai/ugc/graphql":  false, // the key would travel in clear text
		"http://192.168.1.5:8765/graphql": false,
		"ftp://api.move.ai/":              false,
		"not a url":                       false,
	} {
		if err := ugc.CheckEndpoint(endpoint); (err == nil) != ok {
			t.Errorf("CheckEndpoint(%q) = %v, want ok=%v", endpoint, err, ok)
		}
	}
}

func TestEndpointComesFromTheEnvironmentElseProduction(t *testing.T) {
	t.Setenv(ugc.EndpointEnv, "")
	if got := ugc.EndpointFromEnv(); got != ugc.DefaultEndpoint {
		t.Errorf("default endpoint = %q", got)
	}
	t.Setenv(ugc.EndpointEnv, "http://127.0.0.1:9/graphql")
	c, err := ugc.New(ugc.Config{Key: testKey})
	if err != nil || c.Endpoint() != "http://127.0.0.1:9/graphql" {
		t.Errorf("endpoint = %q, %v", c.Endpoint(), err)
	}
}
