package instance

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// shortDir is a temporary folder with a path short enough for a socket
// (about 100 bytes at most on Linux and macOS).
func shortDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "sc-inst-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func TestASecondLaunchHandsItsFilesToTheFirst(t *testing.T) {
	dir := shortDir(t)
	ctx := context.Background()
	first, err := Claim(ctx, dir, nil)
	if err != nil {
		t.Fatalf("first launch: %v", err)
	}
	defer first.Close()
	got := make(chan []string, 2)
	go first.Serve(func(files []string) bool { got <- files; return true })

	work := shortDir(t)
	t.Chdir(work)
	if _, err := Claim(ctx, dir, []string{"take.mp4", "/videos/other.mov"}); !errors.Is(err, ErrHandedOver) {
		t.Fatalf("second launch: %v, want ErrHandedOver", err)
	}
	want := []string{filepath.Join(work, "take.mp4"), "/videos/other.mov"}
	if files := <-got; !slices.Equal(files, want) {
		t.Errorf("the first launch got %q, want %q (absolute, in the second launch's folder)", files, want)
	}
	if _, err := Claim(ctx, dir, nil); !errors.Is(err, ErrHandedOver) {
		t.Fatalf("third launch, with no files: %v, want ErrHandedOver", err)
	}
	if files := <-got; len(files) != 0 {
		t.Errorf("a launch without files handed over %q", files)
	}
}

func TestASocketLeftByACrashIsTakenOver(t *testing.T) {
	dir := shortDir(t)
	// A socket file nobody listens on, as a crashed copy leaves it.
	ln, err := net.Listen("unix", filepath.Join(dir, SocketName))
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()
	if _, err := os.Stat(filepath.Join(dir, SocketName)); err != nil {
		t.Fatalf("the stale socket should still be there: %v", err)
	}
	s, err := Claim(context.Background(), dir, nil)
	if err != nil {
		t.Fatalf("claim over a stale socket: %v", err)
	}
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, SocketName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Close left the socket behind: %v", err)
	}
}

func TestAfterCloseTheNextLaunchIsTheFirst(t *testing.T) {
	dir := shortDir(t)
	s, err := Claim(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Claim(context.Background(), dir, []string{"/a.mp4"})
	if err != nil {
		t.Fatalf("claim after the first copy closed: %v", err)
	}
	s.Close()
}

func TestDecodeRequest(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    []string
		wantErr bool
	}{
		{`{"files":["/a.mp4","/b.move"]}` + "\n", []string{"/a.mp4", "/b.move"}, false},
		{`{"files":["/a.mp4","/a.mp4"]}` + "\n", []string{"/a.mp4"}, false},
		{`{"files":[]}` + "\n", nil, false},
		{`{}` + "\n", nil, false},
		{`{"files":["relative.mp4"]}` + "\n", nil, true},
		{`{"files":[""]}` + "\n", nil, true},
		{`{"files":["/a.mp4"]}`, nil, true}, // no end of line: cut short
		{"not json\n", nil, true},
		{`{"files":"/a.mp4"}` + "\n", nil, true},
	} {
		got, err := decodeRequest(strings.NewReader(tc.in))
		if (err != nil) != tc.wantErr || !slices.Equal(got, tc.want) {
			t.Errorf("decodeRequest(%q) = %q, %v; want %q, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

func FuzzDecodeRequest(f *testing.F) {
	f.Add([]byte(`{"files":["/a.mp4","/b.move"]}` + "\n"))
	f.Add([]byte(`{"files":[""]}` + "\n"))
	f.Add([]byte("\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		files, err := decodeRequest(strings.NewReader(string(data)))
		if err != nil {
			return
		}
		for _, p := range files {
			if !filepath.IsAbs(p) {
				t.Errorf("accepted a relative path %q", p)
			}
		}
		if len(slices.Compact(slices.Sorted(slices.Values(files)))) != len(files) {
			t.Errorf("accepted repeats: %q", files)
		}
	})
}

func TestANilServerRunsAlone(t *testing.T) {
	var s *Server
	s.Serve(func([]string) bool { t.Error("a nil server handed files over"); return true })
	if err := s.Close(); err != nil {
		t.Errorf("Close of a nil server: %v", err)
	}
}

// TestALaunchWhileTheRunningCopyClosesRunsOnItsOwn: a copy that is closing
// takes no files (its window is going away), stops listening, and the
// later launch becomes the running copy, so nothing it was given is lost.
func TestALaunchWhileTheRunningCopyClosesRunsOnItsOwn(t *testing.T) {
	dir := shortDir(t)
	ctx := context.Background()
	closing, err := Claim(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer closing.Close()
	served := make(chan struct{})
	go func() {
		closing.Serve(func([]string) bool { return false })
		close(served)
	}()
	next, err := Claim(ctx, dir, []string{"/videos/take.mp4"})
	if err != nil {
		t.Fatalf("a launch while the running copy closes: %v, want to run on its own", err)
	}
	defer next.Close()
	<-served // the closing copy stopped serving
	got := make(chan []string, 1)
	go next.Serve(func(files []string) bool { got <- files; return true })
	if _, err := Claim(ctx, dir, []string{"/videos/later.mp4"}); !errors.Is(err, ErrHandedOver) {
		t.Fatalf("the launch after: %v, want it handed to the new running copy", err)
	}
	if files := <-got; !slices.Equal(files, []string{"/videos/later.mp4"}) {
		t.Errorf("the new running copy got %q", files)
	}
}
