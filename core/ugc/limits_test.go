package ugc_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"singlecam/core/ugc"
)

// waitLog records the waits a client makes between tries, instead of
// sleeping them.
type waitLog struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (w *waitLog) wait(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.waits = append(w.waits, d)
	return nil
}

// A 429's Retry-After was once ignored (nine calls in seven seconds). Each
// retry now waits at least what the service asked, in seconds or as an HTTP
// date, and never more than MaxRetryAfter.
func TestRetryAfterIsHonouredAndBounded(t *testing.T) {
	for _, tc := range []struct {
		name     string
		header   func() string
		min, max time.Duration
	}{
		{"seconds", func() string { return "7" }, 7 * time.Second, 7 * time.Second},
		{"HTTP date", func() string { return time.Now().Add(40 * time.Second).UTC().Format(http.TimeFormat) }, 35 * time.Second, 40 * time.Second},
		{"too long", func() string { return strconv.Itoa(24 * 3600) }, ugc.MaxRetryAfter, ugc.MaxRetryAfter},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			log := &waitLog{}
			c, err := ugc.New(ugc.Config{Key: testKey, Endpoint: h.endpoint(), Wait: log.wait,
				Retry: ugc.Retry{Attempts: 3, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}})
			if err != nil {
				t.Fatal(err)
			}
			h.sim.Faults().ThrottleWith(2, tc.header())
			if _, err := c.Account(context.Background()); err != nil {
				t.Fatalf("after two 429s: %v", err)
			}
			if len(log.waits) != 2 {
				t.Fatalf("waits %v, want two", log.waits)
			}
			for _, w := range log.waits {
				if w < tc.min || w > tc.max {
					t.Errorf("waited %v, want %v to %v", w, tc.min, tc.max)
				}
			}
		})
	}
}

// countingBody counts the bytes read from response bodies.
type countingTransport struct{ read atomic.Int64 }

type countingBody struct {
	io.ReadCloser
	n *atomic.Int64
}

func (b countingBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	b.n.Add(int64(n))
	return n, err
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if resp != nil {
		resp.Body = countingBody{resp.Body, &c.read}
	}
	return resp, err
}

// An error page of hundreds of MB was once read whole into memory. Only its
// first few kB are read now.
func TestAHugeErrorPageIsNotReadWhole(t *testing.T) {
	h := newHarness(t)
	counter := &countingTransport{}
	c, err := ugc.New(ugc.Config{Key: testKey, Endpoint: h.endpoint(), HTTPClient: &http.Client{Transport: counter},
		Retry: ugc.Retry{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	h.sim.Faults().ErrorPages(1, 64<<20)
	_, err = c.Account(context.Background())
	var apiErr *ugc.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadGateway || !errors.Is(err, ugc.ErrUnavailable) {
		t.Fatalf("err = %v, want a 502 classed as unavailable", err)
	}
	if n := counter.read.Load(); n > 64<<10 {
		t.Errorf("read %d bytes of the error page, want at most 64 kB", n)
	}
}
