package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"singlecam/core/instance"
)

// takeVideos lists the videos in the new-take panel.
func takeVideos(m *MainScreen) []string {
	var videos []string
	for i := range m.NewTake.Len() {
		videos = append(videos, m.NewTake.Card(i).Video)
	}
	return videos
}

// runningCopy makes the test's UI the user's running copy, serving later
// launches in a data folder of its own, which it returns.
func (e *testEnv) runningCopy(t *testing.T) string {
	t.Helper()
	// The socket's path must stay short (about 100 bytes), so not t.TempDir.
	dataDir, err := os.MkdirTemp("", "sc-ui-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dataDir) })
	first, err := instance.Claim(context.Background(), dataDir, nil)
	if err != nil {
		t.Fatalf("the running copy: %v", err)
	}
	t.Cleanup(func() { first.Close() })
	go first.Serve(e.ui.OpenLater)
	return dataDir
}

func TestFilesOfTwoLaterLaunchesLandInTheOneWindow(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	dataDir := e.runningCopy(t)

	walk, jump := e.video(t, "walk.mp4"), e.video(t, "jump.mp4")
	for _, video := range []string{walk, jump} {
		if _, err := instance.Claim(context.Background(), dataDir, []string{video}); !errors.Is(err, instance.ErrHandedOver) {
			t.Fatalf("opening %s: %v, want it handed to the running copy", filepath.Base(video), err)
		}
	}
	e.q.Until(t, "both videos in the new-take panel", func() bool { return m.NewTake.Len() == 2 })
	if got := takeVideos(m); !slices.Equal(got, []string{walk, jump}) {
		t.Errorf("new-take panel: %q, want %q", got, []string{walk, jump})
	}
}

func TestFilesOpenedBeforeTheMainScreenWaitForIt(t *testing.T) {
	e := newTestEnv(t)
	walk := e.video(t, "walk.mp4")
	e.ui.Open([]string{walk}) // still loading: no main screen yet
	m := e.signedIn(t)
	if got := takeVideos(m); !slices.Equal(got, []string{walk}) {
		t.Errorf("new-take panel: %q, want %q", got, []string{walk})
	}
}

// TestALaunchWhileTheAppClosesRunsOnItsOwn: once the window is closing
// (or Fyne stops on a signal), a later launch's files are not handed to it
// (it would show a window that is going away, after Fyne's window system
// stopped: a crash, and the files lost); the launch runs on its own.
func TestALaunchWhileTheAppClosesRunsOnItsOwn(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	dataDir := e.runningCopy(t)

	e.ui.beginQuit()
	walk := e.video(t, "walk.mp4")
	next, err := instance.Claim(context.Background(), dataDir, []string{walk})
	if err != nil {
		t.Fatalf("a launch while the app closes: %v, want it to run on its own", err)
	}
	next.Close()
	e.ui.Open([]string{walk}) // as Fyne may run a queued Open after it stopped
	e.q.Settle()
	if m.NewTake.Len() != 0 {
		t.Errorf("the closing window took %q", takeVideos(m))
	}
}
