package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"singlecam/core/engine"
	"singlecam/core/outputs"
	"singlecam/core/ugc"
	"singlecam/core/watch"
)

// 16: with no system opener and no browser, Open folder shows the path to copy.
func TestOpenFolderFallsBackToThePath(t *testing.T) {
	e := newTestEnv(t)
	e.signedIn(t)
	e.ui.openWithSystem = func(string) error { return errors.New("xdg-open: not found") }
	e.ui.app = noBrowser{e.ui.app}
	e.ui.openPath("/home/me/Downloads/Singlecam/Backflip", "The folder could not be opened here. It is at:")
	e.q.Until(t, "the path shown", func() bool { return e.ui.shownAddress != nil })
	if e.ui.shownAddress.Text != "/home/me/Downloads/Singlecam/Backflip" {
		t.Errorf("shown %q", e.ui.shownAddress.Text)
	}
}

// 18: without a notification service the status line says it, and nothing
// is sent.
func TestNoNotificationServiceUsesTheStatusLine(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	e.ui.notificationsAvailable = func() bool { return false }
	m.notifier = nil
	sent := &countingApp{App: e.ui.app}
	e.ui.app = sent
	m.Jobs.Model().AddJobs([]ugc.Job{{ID: "job-1", Name: "Backflip"}})
	m.notify(engine.SavedJob{JobID: "job-1", Folder: "/dl/Backflip", Files: make([]outputs.Saved, 2)})
	if sent.n != 0 {
		t.Errorf("%d notifications sent with no service", sent.n)
	}
	if !strings.Contains(m.Status.Text, "Backflip is ready") {
		t.Errorf("status line %q", m.Status.Text)
	}
	m.notify(engine.JobUpdate{Event: watch.Event{Kind: watch.Failed, Job: ugc.Job{ID: "job-1"}}})
	if !strings.Contains(m.Status.Text, "Backflip failed") {
		t.Errorf("status line %q", m.Status.Text)
	}
}

type countingApp struct {
	fyne.App
	n int
}

func (c *countingApp) SendNotification(*fyne.Notification) { c.n++ }
