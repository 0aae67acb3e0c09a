package transfer_test

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"singlecam/core/backoff"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
)

var ctx = context.Background()

const key = "transfer-test-key-123"

// env is a simulator, an API client for it, and a fast-retrying transfer
// client; requests counts the transfer requests that reached the simulator.
type env struct {
	sim      *ugcsim.Simulator
	api      *ugc.Client
	xfer     *transfer.Client
	requests atomic.Int64
	ranges   []string
}

func newEnv(t *testing.T) *env {
	t.Helper()
	sim, err := ugcsim.New(ugcsim.Config{Key: key, DataDir: t.TempDir(),
		Timing: ugcsim.Timing{Queue: time.Millisecond, Processing: time.Millisecond, OutputURLs: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	e := &env{sim: sim}
	inner := sim.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != ugcsim.GraphQLPath {
			e.requests.Add(1)
			if rg := r.Header.Get("Range"); rg != "" {
				e.ranges = append(e.ranges, rg)
			}
		}
		inner.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	e.api, err = ugc.New(ugc.Config{Key: key, Endpoint: srv.URL + ugcsim.GraphQLPath})
	if err != nil {
		t.Fatal(err)
	}
	// The default stall watchdog (60 s): a short one abandons attempts that
	// are merely slow on a loaded machine, and the tests count attempts.
	e.xfer = transfer.New(transfer.Config{
		Retry: backoff.Policy{Attempts: 4, BaseDelay: time.Millisecond, MaxDelay: 5 * time.Millisecond},
	})
	return e
}

// fileURL is the URLSource the app uses: the URL it has, then getFile.
func (e *env) fileURL(first, fileID string) transfer.URLSource {
	return func(ctx context.Context, fresh bool) (string, error) {
		if !fresh {
			return first, nil
		}
		f, err := e.api.GetFile(ctx, fileID)
		return f.PresignedURL, err
	}
}

func writeFile(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "clip.mp4")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// upload creates a file on the simulator and uploads data to it.
func (e *env) upload(t *testing.T, data []byte) (ugc.File, string, error) {
	t.Helper()
	f, err := e.api.CreateFile(ctx, "mp4", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	etag, err := e.xfer.Upload(ctx, writeFile(t, data), e.fileURL(f.PresignedURL, f.ID), nil)
	return f, etag, err
}

func md5ETag(data []byte) string {
	sum := md5.Sum(data)
	return `"` + hex.EncodeToString(sum[:]) + `"`
}

func TestUploadSendsTheWholeFileAndReportsProgress(t *testing.T) {
	e := newEnv(t)
	data := bytes.Repeat([]byte("0123456789abcdef"), 200_000) // 3.2 MB
	f, err := e.api.CreateFile(ctx, "mp4", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	var last, total int64
	etag, err := e.xfer.Upload(ctx, writeFile(t, data), e.fileURL(f.PresignedURL, f.ID), func(done, tot int64) {
		last, total = done, tot
	})
	if err != nil {
		t.Fatal(err)
	}
	if etag != md5ETag(data) {
		t.Errorf("ETag %s, want the MD5 of the data", etag)
	}
	if last != int64(len(data)) || total != int64(len(data)) {
		t.Errorf("last progress %d/%d, want %d/%d", last, total, len(data), len(data))
	}
}

func TestUploadRetriesTransientFailures(t *testing.T) {
	for name, inject := range map[string]func(f *ugcsim.Faults){
		"503s":             func(f *ugcsim.Faults) { f.FailTransfers(2) },
		"cut connections":  func(f *ugcsim.Faults) { f.CutUploads(2, 10_000) },
		"one of each kind": func(f *ugcsim.Faults) { f.FailTransfers(1); f.CutUploads(1, 1) },
	} {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t)
			inject(e.sim.Faults())
			data := bytes.Repeat([]byte("x"), 100_000)
			if _, etag, err := e.upload(t, data); err != nil || etag != md5ETag(data) {
				t.Fatalf("etag %q, err %v", etag, err)
			}
			if got := e.requests.Load(); got != 3 {
				t.Errorf("%d PUTs, want 3", got)
			}
		})
	}
}

func TestUploadGivesUpWhenFailuresPersist(t *testing.T) {
	e := newEnv(t)
	e.sim.Faults().FailTransfers(100)
	_, _, err := e.upload(t, []byte("data"))
	if !errors.Is(err, transfer.ErrUnavailable) || e.requests.Load() != 4 {
		t.Errorf("err %v after %d PUTs, want ErrUnavailable after 4", err, e.requests.Load())
	}
}

func TestExpiredUploadURLIsRenewedOnce(t *testing.T) {
	e := newEnv(t)
	f, err := e.api.CreateFile(ctx, "mp4", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	e.sim.Faults().ExpireURLs(true)
	expiredURL, err := e.api.GetFile(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	e.sim.Faults().ExpireURLs(false)
	if _, err := e.xfer.Upload(ctx, writeFile(t, []byte("data")), e.fileURL(expiredURL.PresignedURL, f.ID), nil); err != nil {
		t.Fatalf("upload with a renewed URL: %v", err)
	}

	// When every URL is expired, one renewal is all it takes to know.
	e.sim.Faults().ExpireURLs(true)
	e.requests.Store(0)
	_, _, err = e.upload(t, []byte("data"))
	if !errors.Is(err, transfer.ErrRefused) || e.requests.Load() != 2 {
		t.Errorf("err %v after %d PUTs, want ErrRefused after 2", err, e.requests.Load())
	}
}

func TestUploadStopsWhenTheContextEnds(t *testing.T) {
	e := newEnv(t)
	e.sim.Faults().FailTransfers(100)
	cctx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	slow := transfer.New(transfer.Config{Retry: backoff.Policy{Attempts: 100, BaseDelay: time.Hour, MaxDelay: time.Hour}})
	f, _ := e.api.CreateFile(ctx, "mp4", "", nil)
	_, err := slow.Upload(cctx, writeFile(t, []byte("data")), e.fileURL(f.PresignedURL, f.ID), nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's", err)
	}
}

// A server that takes the request and then goes silent: the watchdog ends
// each attempt instead of waiting for TCP to notice.
func TestStalledTransfersAreAbandonedAndRetried(t *testing.T) {
	var attempts atomic.Int64
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		attempts.Add(1)
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	x := transfer.New(transfer.Config{
		Retry:        backoff.Policy{Attempts: 2, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond},
		StallTimeout: 100 * time.Millisecond,
	})
	// The server never answers: without the watchdog this would never return.
	_, err := x.Download(ctx, transfer.FixedURL(srv.URL), filepath.Join(t.TempDir(), "out.bin"), nil)
	if !errors.Is(err, transfer.ErrUnavailable) || attempts.Load() != 2 {
		t.Errorf("err %v after %d attempts, want ErrUnavailable after 2", err, attempts.Load())
	}
}
