package ui

import (
	"errors"
	"os"
	"testing"
	"time"

	"singlecam/core/engine"
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
	e.q.settle()
	if nextRan {
		t.Error("what comes next ran before the old session ended")
	}
	close(release)
	e.q.until(t, "the old session to end", func() bool { return nextRan })
}

// A demo that cannot start leaves no simulator and no temporary folder.
func TestADemoThatFailsToStartLeavesNothingBehind(t *testing.T) {
	e := newTestEnv(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	startDemoServer = func() (*engine.Demo, error) { return nil, errors.New("no free port") }
	t.Cleanup(func() { startDemoServer = engine.StartDemo })
	e.ui.startDemo()
	e.q.settle()
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("left behind in the temporary folder: %v", entries)
	}
	if e.ui.session != nil {
		t.Error("a session started without its demo")
	}
}
