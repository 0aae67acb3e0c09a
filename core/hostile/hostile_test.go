package hostile_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"singlecam/core/hostile"
	"singlecam/core/media"
	"singlecam/core/motion/load"
	"singlecam/core/motion/retarget"
	"singlecam/core/outputs"
	"singlecam/core/submit"
)

// The rule every reader keeps, whatever a file holds.
const (
	memoryBudget = 256 << 20
	timeBudget   = 5 * time.Second
)

// read opens the crafted file at path with the reader its kind names,
// and says what it made of it.
func read(kind hostile.Kind, path string) (string, error) {
	switch kind {
	case hostile.Motion:
		m, err := load.Open(context.Background(), path, -1)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("read: %d actors", len(m.Clip.Actors)), nil
	case hostile.Video:
		r, err := media.Probe(path, media.Options{})
		if err != nil {
			return "", err
		}
		if r.Refused() {
			return "", fmt.Errorf("%s", r.Findings[0].Message)
		}
		return "read: " + r.Container, nil
	case hostile.MoveFile:
		f := media.CheckMove(path, "")
		return f[0].Severity.String() + ": " + f[0].Message, nil
	case hostile.BoneMap:
		f, err := os.Open(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		m, err := retarget.ReadMatch(f)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("read: %d pairs", len(m.Pairs)), nil
	case hostile.Manifest:
		jobs, err := outputs.Scan(filepath.Dir(filepath.Dir(path)))
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("read: %d jobs", len(jobs)), nil
	case hostile.Journal:
		j, err := submit.OpenJournal(filepath.Dir(path))
		if err != nil {
			return "", err
		}
		records, err := j.Load()
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("read: %d records", len(records)), nil
	}
	return "", fmt.Errorf("no reader for kind %d", kind)
}

// place writes a case's file where its reader looks for it.
func place(t *testing.T, c hostile.Case, data []byte) string {
	dir := t.TempDir()
	path := filepath.Join(dir, "crafted"+c.Ext)
	switch c.Kind {
	case hostile.Manifest:
		path = filepath.Join(dir, "job", outputs.ManifestName)
	case hostile.Journal:
		path = filepath.Join(dir, "r.json")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// measure runs f and reports how long it took, the most heap its objects
// took at once above what they took before (sampled every millisecond),
// and the bytes it allocated in all.
func measure(f func()) (took time.Duration, peak, total uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	runtime.GC()
	base := heap()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var high atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			if h := heap(); h > high.Load() {
				high.Store(h)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	f()
	took = time.Since(start)
	close(done)
	<-stopped
	if h := heap(); h > high.Load() {
		high.Store(h)
	}
	runtime.ReadMemStats(&after)
	if high.Load() > base {
		peak = high.Load() - base
	}
	return took, peak, after.TotalAlloc - before.TotalAlloc
}

// TestEveryCraftedFileIsReadWithinBounds reads every crafted file with its
// reader and prints a table of what each took: time, peak heap, bytes
// allocated in all. A panic, or a peak heap above 256 MB, fails; a time
// above 5 s is marked in the table (times are measured, not asserted: a
// busy machine is slower). Run it alone with `make hostile`.
func TestEveryCraftedFileIsReadWithinBounds(t *testing.T) {
	var rows []string
	for _, c := range hostile.All() {
		if (raceEnabled || testing.Short()) && !c.Small {
			continue // the bombs: make hostile, in CI too
		}
		t.Run(c.Name, func(t *testing.T) { rows = append(rows, readOne(t, c)) })
	}
	t.Logf("\n| crafted file | bytes on disk | time | peak heap | allocated in all | outcome |\n|---|---|---|---|---|---|\n%s", strings.Join(rows, "\n"))
}

// readOne reads one crafted case and returns its row of the table.
func readOne(t *testing.T, c hostile.Case) string {
	path := place(t, c, c.Make())
	var outcome string
	var err error
	took, peak, total := measure(func() {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("panic: %v", p)
			}
		}()
		outcome, err = read(c.Kind, path)
	})
	info, _ := os.Stat(path)
	if err != nil {
		outcome = "refused: " + err.Error()
	}
	if strings.HasPrefix(outcome, "refused: panic") {
		t.Errorf("%s: %s", c.Name, outcome)
	}
	if peak > memoryBudget {
		t.Errorf("%s: peak heap %d MB, more than %d MB", c.Name, peak>>20, memoryBudget>>20)
	}
	mark := ""
	if took > timeBudget {
		mark = " OVER 5 s"
	}
	t.Logf("%.3f s, peak %d MB, %d MB in all: %s", took.Seconds(), peak>>20, total>>20, outcome)
	return fmt.Sprintf("| %s | %s | %.3f s%s | %d MB | %d MB | %s |", c.Name, size(info.Size()), took.Seconds(), mark, peak>>20, total>>20, trim(outcome))
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func trim(s string) string {
	if len(s) > 140 {
		return s[:137] + "..."
	}
	return s
}
