package ui

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"singlecam/core/engine"
	"singlecam/core/joblist"
	"singlecam/core/ugc"
)

// Ending a session (closing the window, switching keys) waits for the
// engine to stop, which can take a while: never on the UI goroutine.
func TestClosingASessionDoesNotBlockTheUIGoroutine(t *testing.T) {
	e := newTestEnv(t)
	e.signedIn(t)
	s := e.ui.session
	release := make(chan struct{})
	s.stop = func() {
		<-release // an engine slow to stop
		s.eng.Stop()
	}
	nextRan := false
	returned := make(chan struct{})
	go func() { // the test's goroutine stays free to be released below
		e.ui.closeSession(func() { nextRan = true })
		close(returned)
	}()
	select {
	case <-returned:
	case <-time.After(20 * time.Second): // a guard against hanging, not a timing
		close(release)
		t.Fatal("closing the session held the UI goroutine until the engine stopped")
	}
	e.q.Settle()
	if nextRan {
		t.Error("what comes next ran before the old session ended")
	}
	close(release)
	e.q.Until(t, "the old session to end", func() bool { return nextRan })
}

// A demo that cannot start leaves no simulator, no session and no
// temporary folder.
func TestADemoThatFailsToStartLeavesNothingBehind(t *testing.T) {
	e := newTestEnv(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	startDemoServer = func(string) (*engine.Demo, error) { return nil, errors.New("no free port") }
	t.Cleanup(func() { startDemoServer = engine.StartKeptDemo })
	e.ui.startDemo()
	e.q.Settle()
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left behind in the temporary folder: %v", entries)
	}
	if e.ui.session != nil {
		t.Error("a session started without its demo")
	}
}

// A video done and saved recently, started again with the same settings,
// is not paid for silently: the app asks, and pays only when told to.
func TestTheAppAsksBeforePayingAgainForAVideoItHas(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	p := m.NewTake
	path := e.video(t, "Again.mp4")
	start := func() {
		p.Drop([]string{path})
		e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
		test.Tap(p.Outputs.None)
		test.Tap(p.Outputs.Checks["ALL_BVH"])
		e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
		test.Tap(p.Start)
	}
	downloaded := func(n int) func() bool {
		return func() bool {
			done := 0
			for i := range m.Jobs.Model().Len() {
				if m.Jobs.Model().At(i).Phase == joblist.Downloaded {
					done++
				}
			}
			return done == n
		}
	}
	start()
	e.q.Until(t, "the first job saved", downloaded(1))
	start()
	e.q.Until(t, "the question", func() bool { return m.PayAgain != nil })
	if n := jobsOnTheAccount(t, e); n != 1 {
		t.Fatalf("%d jobs before the answer, want 1", n)
	}
	m.PayAgain.Answer(true)
	e.q.Until(t, "the second job saved", downloaded(2))
	if n := jobsOnTheAccount(t, e); n != 2 {
		t.Errorf("%d jobs after paying again, want 2", n)
	}
}

func jobsOnTheAccount(t *testing.T, e *testEnv) int {
	t.Helper()
	page, err := e.ui.session.eng.Jobs(context.Background(), ugc.ListJobsParams{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	return len(page.Jobs)
}
