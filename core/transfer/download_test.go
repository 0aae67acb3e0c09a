package transfer_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"syscall"
	"testing"

	"singlecam/core/transfer"
)

// uploaded puts data on the simulator and returns a download URL source.
func (e *env) uploaded(t *testing.T, data []byte) transfer.URLSource {
	t.Helper()
	f, _, err := e.upload(t, data)
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.api.GetFile(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	e.requests.Store(0)
	return e.fileURL(got.PresignedURL, f.ID)
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDownloadWritesTheFileUnderItsFinalNameOnlyWhenWhole(t *testing.T) {
	e := newEnv(t)
	data := bytes.Repeat([]byte("motion"), 100_000)
	url := e.uploaded(t, data)
	dest := filepath.Join(t.TempDir(), "render_video.mp4")
	var sawPartOnly bool
	n, err := e.xfer.Download(ctx, url, dest, func(done, total int64) {
		_, finalErr := os.Stat(dest)
		if done < total && os.IsNotExist(finalErr) {
			sawPartOnly = true
		}
	})
	if err != nil || n != int64(len(data)) {
		t.Fatalf("n %d, err %v", n, err)
	}
	if !bytes.Equal(readFile(t, dest), data) {
		t.Error("downloaded bytes differ")
	}
	if _, err := os.Stat(dest + transfer.PartSuffix); !os.IsNotExist(err) {
		t.Error("the .part file was left behind")
	}
	if !sawPartOnly {
		t.Error("the final name existed before the download was whole")
	}
}

func TestCutDownloadResumesWhereItStopped(t *testing.T) {
	e := newEnv(t)
	data := bytes.Repeat([]byte("0123456789"), 100_000)
	url := e.uploaded(t, data)
	e.sim.Faults().CutDownloads(2, 300_000)
	dest := filepath.Join(t.TempDir(), "out.mp4")
	if _, err := e.xfer.Download(ctx, url, dest, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, dest), data) {
		t.Fatal("resumed download differs from the upload")
	}
	if want := []string{"bytes=300000-", "bytes=600000-"}; !slices.Equal(e.ranges, want) {
		t.Errorf("range requests %v, want %v", e.ranges, want)
	}
}

func TestDownloadResumesAPartLeftByAnEarlierRun(t *testing.T) {
	e := newEnv(t)
	data := bytes.Repeat([]byte("abc"), 50_000)
	url := e.uploaded(t, data)
	dest := filepath.Join(t.TempDir(), "out.bvh")
	if err := os.WriteFile(dest+transfer.PartSuffix, data[:70_000], 0o644); err != nil {
		t.Fatal(err)
	}
	var first int64 = -1
	if _, err := e.xfer.Download(ctx, url, dest, func(done, _ int64) {
		if first < 0 {
			first = done
		}
	}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, dest), data) || first != 70_000 {
		t.Errorf("resumed from %d; equal %v", first, bytes.Equal(readFile(t, dest), data))
	}
}

func TestExpiredDownloadURLIsRenewed(t *testing.T) {
	e := newEnv(t)
	data := []byte("the data")
	f, _, err := e.upload(t, data)
	if err != nil {
		t.Fatal(err)
	}
	e.sim.Faults().ExpireURLs(true)
	stale, _ := e.api.GetFile(ctx, f.ID)
	e.sim.Faults().ExpireURLs(false)
	dest := filepath.Join(t.TempDir(), "out")
	if _, err := e.xfer.Download(ctx, e.fileURL(stale.PresignedURL, f.ID), dest, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readFile(t, dest), data) {
		t.Error("bytes differ")
	}
}

func TestDownloadNeverOverwrites(t *testing.T) {
	e := newEnv(t)
	url := e.uploaded(t, []byte("new"))
	dest := filepath.Join(t.TempDir(), "precious.fbx")
	if err := os.WriteFile(dest, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := e.xfer.Download(ctx, url, dest, nil); !errors.Is(err, transfer.ErrExists) {
		t.Errorf("err = %v, want ErrExists", err)
	}
	if string(readFile(t, dest)) != "mine" {
		t.Error("an existing file was overwritten")
	}
}

// Servers that answer a Range in unusual ways.
func TestDownloadCopesWithServersThatIgnoreOrRefuseRanges(t *testing.T) {
	data := []byte("0123456789")
	for name, handler := range map[string]http.HandlerFunc{
		"ignores Range": func(w http.ResponseWriter, r *http.Request) { w.Write(data) },
		"part already whole": func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Range") != "" {
				w.Header().Set("Content-Range", fmt.Sprintf("bytes */%d", len(data)))
				w.WriteHeader(http.StatusRequestedRangeNotSatisfiable)
				return
			}
			w.Write(data)
		},
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(handler)
			defer srv.Close()
			dest := filepath.Join(t.TempDir(), "f")
			partial := data[:4]
			if name == "part already whole" {
				partial = data
			}
			os.WriteFile(dest+transfer.PartSuffix, partial, 0o644)
			if _, err := newEnv(t).xfer.Download(ctx, transfer.FixedURL(srv.URL), dest, nil); err != nil {
				t.Fatal(err)
			}
			if got := readFile(t, dest); !bytes.Equal(got, data) {
				t.Errorf("got %q", got)
			}
		})
	}
}

func TestShortBodyIsRetriedAndNeverPublished(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100")
		w.Write([]byte("only ten b"))
	}))
	defer srv.Close()
	dest := filepath.Join(t.TempDir(), "f")
	_, err := newEnv(t).xfer.Download(ctx, transfer.FixedURL(srv.URL), dest, nil)
	if !errors.Is(err, transfer.ErrUnavailable) {
		t.Errorf("err = %v, want ErrUnavailable after retries", err)
	}
	if _, statErr := os.Stat(dest); !os.IsNotExist(statErr) {
		t.Error("a short file took the final name")
	}
}

func TestNotFoundIsFinal(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	_, err := newEnv(t).xfer.Download(ctx, transfer.FixedURL(srv.URL), filepath.Join(t.TempDir(), "f"), nil)
	if !errors.Is(err, transfer.ErrRefused) {
		t.Errorf("err = %v, want ErrRefused", err)
	}
}

// A connection that keeps dropping is no reason to give up while each try
// gets further: only failures in a row without progress count.
func TestDownloadThatKeepsProgressingNeverGivesUp(t *testing.T) {
	e := newEnv(t) // 4 attempts
	data := bytes.Repeat([]byte("z"), 400_000)
	url := e.uploaded(t, data)
	e.sim.Faults().CutDownloads(7, 50_000)
	dest := filepath.Join(t.TempDir(), "out")
	if _, err := e.xfer.Download(ctx, url, dest, nil); err != nil {
		t.Fatalf("7 cuts with progress each time: %v", err)
	}
	if !bytes.Equal(readFile(t, dest), data) {
		t.Error("bytes differ")
	}
}

// A full disk once reached the user as a plain refusal ("%v" dropped the
// cause), and the advice was to submit the video again. The cause is kept.
func TestAFullDiskIsKeptAsTheCause(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.Repeat([]byte("x"), 100_000))
	}))
	defer srv.Close()
	dest := filepath.Join(t.TempDir(), "out.bin")
	// Every write to the .part lands on /dev/full: "no space left on device".
	if err := os.Symlink("/dev/full", dest+transfer.PartSuffix); err != nil {
		t.Fatal(err)
	}
	_, err := transfer.New(transfer.Config{}).Download(ctx, transfer.FixedURL(srv.URL), dest, nil)
	if !errors.Is(err, syscall.ENOSPC) || !errors.Is(err, transfer.ErrRefused) {
		t.Fatalf("err = %v, want ENOSPC kept under ErrRefused", err)
	}
}

// A refusal's body is read for its code, never whole: an error page can be
// hundreds of MB.
func TestAHugeRefusalBodyIsNotReadWhole(t *testing.T) {
	var written atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		page := bytes.Repeat([]byte("<p>gone</p>\n"), 1000)
		for range 5000 { // 60 MB, unless the client stops reading
			n, err := w.Write(page)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	counter := &countingTransport{next: http.DefaultTransport}
	c := transfer.New(transfer.Config{Transport: counter})
	_, err := c.Download(ctx, transfer.FixedURL(srv.URL), filepath.Join(t.TempDir(), "x"), nil)
	var status *transfer.StatusError
	if !errors.As(err, &status) || status.Status != http.StatusNotFound {
		t.Fatalf("err = %v, want the 404 kept", err)
	}
	if n := counter.read.Load(); n > 128<<10 {
		t.Errorf("read %d bytes of the refusal, want at most 128 kB", n)
	}
}

type countingTransport struct {
	next http.RoundTripper
	read atomic.Int64
}

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
	resp, err := c.next.RoundTrip(r)
	if resp != nil {
		resp.Body = countingBody{resp.Body, &c.read}
	}
	return resp, err
}
