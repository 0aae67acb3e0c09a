package guard

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readSomething(data []byte) (n int, err error) {
	defer Recover(&err, "read crafted.glb")
	return int(data[len(data)+1]), nil // a crafted file's out-of-range index
}

func TestRecoverTurnsAPanicIntoOneLineError(t *testing.T) {
	_, err := readSomething(nil)
	var p *PanicError
	if !errors.As(err, &p) || !errors.Is(err, ErrInternal) || len(p.Stack) == 0 {
		t.Fatalf("got %v", err)
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "read crafted.glb: ") || !strings.Contains(msg, "index out of range") {
		t.Errorf("message %q", msg)
	}
}

func TestReaderStopsWhenItsContextIsDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := Reader(ctx, bytes.NewReader([]byte("abcdef")))
	buf := make([]byte, 2)
	if _, err := r.ReadAt(buf, 2); err != nil || string(buf) != "cd" {
		t.Fatalf("ReadAt: %q, %v", buf, err)
	}
	cancel()
	if _, err := r.Read(buf); !errors.Is(err, context.Canceled) {
		t.Errorf("Read after cancel: %v", err)
	}
	if _, err := r.ReadAt(buf, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("ReadAt after cancel: %v", err)
	}
	if _, err := io.ReadAll(r); !errors.Is(err, context.Canceled) {
		t.Errorf("ReadAll after cancel: %v", err)
	}
}

// crashEnv makes the test binary, run again, set up the crash log in its
// folder and die of a panic on another goroutine.
const crashEnv = "SINGLECAM_GUARD_CRASH_DIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(crashEnv); dir != "" {
		if _, err := CatchCrashes(dir, time.Now()); err != nil {
			os.Exit(3)
		}
		go func() {
			counts := make([]int, len(dir)) // a crafted count the reader trusted
			counts[len(dir)+1]++
		}()
		select {} // the panic ends the process
	}
	os.Exit(m.Run())
}

func TestAnEscapedPanicLeavesAReportTheNextStartFinds(t *testing.T) {
	dir := t.TempDir()
	if last, err := CatchCrashes(dir, time.Now()); err != nil || last != "" {
		t.Fatalf("a first start: %q, %v", last, err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashEnv+"="+dir)
	if err := cmd.Run(); err == nil {
		t.Fatal("the crashing process exited 0")
	}
	when := time.Date(2026, 12, 3, 9, 45, 0, 0, time.UTC)
	last, err := CatchCrashes(dir, when)
	if err != nil || last != filepath.Join(dir, "crash-20261203-094500.txt") {
		t.Fatalf("the next start: %q, %v", last, err)
	}
	report, _ := os.ReadFile(last)
	if !bytes.Contains(report, []byte("index out of range")) || !bytes.Contains(report, []byte("goroutine")) {
		t.Errorf("the report holds:\n%s", report)
	}
	if again, err := CatchCrashes(dir, when.Add(time.Minute)); err != nil || again != "" {
		t.Errorf("a start after a clean run: %q, %v", again, err)
	}
}
