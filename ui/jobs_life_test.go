package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"singlecam/core/joblist"
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"singlecam/ui/internal/uitest"
	"singlecam/ui/jobs"
	"singlecam/ui/kit"
)

// rowOf is the row of the job with that name, or nil.
func rowOf(m *MainScreen, name string) *joblist.Row {
	for i := range m.Jobs.Model().Len() {
		if r := m.Jobs.Model().At(i); r.Name == name {
			return r
		}
	}
	return nil
}

// selectJob selects a row by name, as a click on it does.
func selectJob(t *testing.T, m *MainScreen, name string) {
	t.Helper()
	r := rowOf(m, name)
	if r == nil {
		t.Fatalf("no row %q", name)
	}
	m.Jobs.List.Select(m.Jobs.Model().Index(r.Key()))
}

// tapAction taps a button of the details pane.
func tapAction(t *testing.T, m *MainScreen, label string) {
	t.Helper()
	b := button(m.Jobs.Details, label)
	if b == nil {
		t.Fatalf("the details pane has no %q button: %v", label, labelTexts(m.Jobs.Details))
	}
	test.Tap(b)
}

// restart closes the session and starts the app again with the saved key.
func (e *testEnv) restart(t *testing.T) *MainScreen {
	t.Helper()
	e.ui.session.cancel()
	e.ui.session.shutdown()
	e.ui.session = nil
	e.ui.Start()
	e.q.Until(t, "the new session", func() bool { return e.ui.session != nil && e.ui.main.Jobs.Loaded() })
	e.q.Settle()
	return e.ui.main
}

func (e *testEnv) accountJobs(t *testing.T) []ugc.Job {
	t.Helper()
	api, err := ugc.New(ugc.Config{Key: simKey, Endpoint: e.endpoint})
	if err != nil {
		t.Fatal(err)
	}
	page, err := api.ListJobs(context.Background(), ugc.ListJobsParams{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	return page.Jobs
}

// 5: after a restart a saved job shows as saved, from its folder on disk,
// with Open folder; not as "ready to download".
func TestASavedJobShowsSavedAfterARestart(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	e.start(t, m, "Jump.mp4")
	e.q.Until(t, "downloaded", func() bool { return phaseOf(m, "Jump") == joblist.Downloaded })
	m = e.restart(t)
	e.q.Until(t, "the job listed", func() bool { return rowOf(m, "Jump") != nil })
	r := rowOf(m, "Jump")
	if r.Phase != joblist.Downloaded || r.Folder != filepath.Join(e.dir, "downloads", "Jump") {
		t.Fatalf("after a restart: %s, %q, folder %q", r.Phase, r.Detail, r.Folder)
	}
	selectJob(t, m, "Jump")
	if button(m.Jobs.Details, jobs.LabelOpenFolder) == nil || button(m.Jobs.Details, jobs.LabelDownloadAll) != nil {
		t.Errorf("the details of a saved job: %v", labelTexts(m.Jobs.Details))
	}
}

// 6: an upload can be cancelled, after asking; nothing reaches Move.
func TestCancelStopsAnUploadAndSendsNothing(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	startHeldUpload(t, e, m, "Stuck.mp4", "Stuck")
	selectJob(t, m, "Stuck")
	tapAction(t, m, jobs.LabelCancel)
	if m.Jobs.Asking == nil {
		t.Fatal("Cancel did not ask first")
	}
	m.Jobs.Asking.Answer(true)
	e.q.Until(t, "the row gone", func() bool { return rowOf(m, "Stuck") == nil })
	e.ui.session.eng.WaitSubmissions()
	if jobs := e.accountJobs(t); len(jobs) != 0 {
		t.Errorf("Move has %d jobs after a cancel", len(jobs))
	}
	journal, _ := submit.OpenJournal(filepath.Join(e.dataDir, "submissions"))
	if recs, _ := journal.Load(); len(recs) != 0 {
		t.Errorf("the journal keeps %d records", len(recs))
	}
	if texts := labelTexts(m.Jobs.Details); !slices.Contains(texts, jobs.NoSelection) {
		t.Errorf("the pane after the row left: %v", texts)
	}
}

// Issue 23: with a slow network, Cancel upload's question holds the
// submission: the upload ends behind it, but no job is made while it is
// open, and it says what has been sent. Keep uploading lets it go on.
func TestTheCancelQuestionHoldsTheSubmission(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	e.sim.Faults().SetLatency(300 * time.Millisecond) // singlecam simulate --latency
	e.start(t, m, "Slow.mp4")
	e.q.Until(t, "uploading", func() bool {
		r := rowOf(m, "Slow")
		return r != nil && r.Phase == joblist.Uploading && strings.HasPrefix(r.Detail, "Uploading")
	})
	selectJob(t, m, "Slow")
	tapAction(t, m, jobs.LabelCancel)
	if m.Jobs.Asking == nil {
		t.Fatal("Cancel did not ask first")
	}
	// What was sent depends on how far the upload got when Cancel was
	// pressed: under load a small video may be sent already. Each is a
	// true statement of where it stands; none may be missing.
	body := uitest.Texts(e.ui.win.Canvas().Overlays().Top())
	said := false
	for _, where := range []string{"of the video's", "Nothing has been sent", "The video is sent"} {
		said = said || strings.Contains(body, where)
	}
	if !said {
		t.Errorf("the question does not say what was sent:\n%s", body)
	}
	// Several round trips of the slow network: the upload ends, and no job
	// may be made behind the question.
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		e.q.Settle()
	}
	if jobs := e.accountJobs(t); len(jobs) != 0 {
		t.Fatalf("Move made %d jobs while the question was open", len(jobs))
	}
	if r := rowOf(m, "Slow"); r == nil || r.JobID != "" {
		t.Fatalf("the row moved on under the question: %+v", r)
	}
	m.Jobs.Asking.Answer(false) // Keep uploading
	e.q.Until(t, "the job, once kept", func() bool { r := rowOf(m, "Slow"); return r != nil && r.JobID != "" })
}

// 6: a failed job is submitted again on the same take, after a warning
// that it costs again.
func TestAFailedJobIsSubmittedAgain(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	e.sim.Faults().FailJobs(1)
	e.start(t, m, "Doomed.mp4")
	e.q.Until(t, "failed", func() bool { return phaseOf(m, "Doomed") == joblist.Failed })
	selectJob(t, m, "Doomed")
	tapAction(t, m, jobs.LabelSubmitAgain)
	e.q.Until(t, "the question", func() bool { return m.Jobs.Asking != nil })
	if !strings.Contains(m.Jobs.Asking.Title, "again") {
		t.Fatalf("Submit again asked %q", m.Jobs.Asking.Title)
	}
	if body := uitest.Texts(e.ui.win.Canvas().Overlays().Top()); !strings.Contains(body, "costs about $") {
		t.Errorf("the question does not say what it costs:\n%s", body)
	}
	before := e.accountJobs(t)
	if len(before) != 1 {
		t.Fatal("a job was made before the user confirmed")
	}
	failedID := before[0].ID
	m.Jobs.Asking.Answer(true)
	// The failed row stays selected until the new job's row exists, so wait
	// for a selection that is not the failed job.
	e.q.Until(t, "the new job", func() bool {
		r := m.Jobs.SelectedRow()
		return m.Jobs.Model().Len() == 2 && r != nil && r.JobID != "" && r.JobID != failedID
	})
	made := e.accountJobs(t)
	if len(made) != 2 || made[0].TakeID != made[1].TakeID || made[0].Name != "Doomed" {
		t.Fatalf("jobs after submitting again: %+v", made)
	}
	newID := made[0].ID
	if newID == failedID {
		newID = made[1].ID
	}
	if got := m.Jobs.SelectedRow(); got == nil || got.JobID != newID {
		t.Errorf("the new job is not the one selected")
	}
	e.q.Until(t, "the new job downloaded", func() bool { return m.Jobs.SelectedRow().Phase == joblist.Downloaded })

	// The failed job still offers Submit again, but says it was sent again
	// (when, as which job, how it went), and paying once more takes a
	// deliberate tick.
	m.Jobs.List.Select(m.Jobs.Model().Index(failedID))
	tapAction(t, m, jobs.LabelSubmitAgain)
	e.q.Until(t, "the question", func() bool { return m.Jobs.Asking != nil })
	body := uitest.Texts(e.ui.win.Canvas().Overlays().Top())
	if !strings.Contains(body, "You submitted this video again on") || !strings.Contains(body, newID+" (downloaded)") {
		t.Errorf("the second question does not tell the first resubmission:\n%s", body)
	}
	m.Jobs.Asking.Answer(true) // not ticked: nothing happens
	e.q.Settle()
	if n := len(e.accountJobs(t)); n != 2 || m.Jobs.Asking == nil {
		t.Fatalf("an unticked Pay made a job (%d jobs) or closed the question", n)
	}
	m.Jobs.AgainSure.SetChecked(true)
	m.Jobs.Asking.Answer(true)
	e.q.Until(t, "the third job", func() bool { return len(e.accountJobs(t)) == 3 })
}

// 6: a download that failed is tried again; a job leaves the list (and
// stays out after a restart) while Move keeps it.
func TestRetryDownloadAndRemoveFromList(t *testing.T) {
	e := newTestEnv(t)
	e.ui.app.Preferences().SetBool(kit.PrefAutoDownload, false)
	blocker := filepath.Join(e.dir, "downloads")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil { // a file where the folder should be
		t.Fatal(err)
	}
	m := e.signedIn(t)
	e.start(t, m, "Wave.mp4")
	e.q.Until(t, "finished", func() bool {
		r := rowOf(m, "Wave")
		return r != nil && r.Phase == joblist.Finished && strings.Contains(r.Detail, "ready to download")
	})
	selectJob(t, m, "Wave")
	tapAction(t, m, jobs.LabelDownloadAll)
	e.q.Until(t, "the failure", func() bool { return rowOf(m, "Wave").DownloadFailed })
	os.Remove(blocker)
	tapAction(t, m, jobs.LabelRetryDownload)
	e.q.Until(t, "downloaded", func() bool { return phaseOf(m, "Wave") == joblist.Downloaded })

	tapAction(t, m, jobs.LabelRemove)
	if m.Jobs.Asking == nil || !strings.Contains(m.Jobs.Asking.Title, "Remove") {
		t.Fatal("Remove did not ask first")
	}
	m.Jobs.Asking.Answer(true)
	e.q.Until(t, "the row gone", func() bool { return rowOf(m, "Wave") == nil })
	m = e.restart(t)
	if rowOf(m, "Wave") != nil {
		t.Error("a removed job came back after a restart")
	}
	if len(e.accountJobs(t)) != 1 {
		t.Error("the job left the Move account: only the list should change")
	}
}

// 7: the highlighted row and the details pane agree when a new job lands
// above the selected one; nothing selected says so.
func TestOneSelectionWhenNewJobsArrive(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	if got := labelTexts(m.Jobs.Details); !slices.Contains(got, jobs.NoSelection) {
		t.Errorf("an empty pane says %v", got)
	}
	e.start(t, m, "First.mp4")
	e.q.Until(t, "the first row", func() bool { return rowOf(m, "First") != nil })
	selectJob(t, m, "First")
	e.start(t, m, "Second.mp4")
	e.q.Until(t, "the second row", func() bool { return rowOf(m, "Second") != nil })
	e.q.Settle()
	v := m.Jobs
	if v.Highlighted() != v.Model().Index(v.SelectedRow().Key()) || v.SelectedRow().Name != "First" {
		t.Errorf("highlighted row %d, selected %q at %d", v.Highlighted(), v.SelectedRow().Name, v.Model().Index(v.SelectedRow().Key()))
	}
	if got := labelTexts(v.Details); len(got) == 0 || got[0] != "First" {
		t.Errorf("the pane shows %v", got)
	}
}

// 12: selecting a job never makes the window wider than the user made it.
// 9: a status message goes after a while, and an old message's timer
// leaves a newer one be.
func TestMessagesDoNotGoStale(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	var timers []func()
	e.ui.after = func(_ time.Duration, f func()) { timers = append(timers, f) }
	m.say("Job ID copied.")
	m.say("Folder path copied.")
	timers[0]() // the first message's time is up: the second stays
	if m.Status.Text != "Folder path copied." {
		t.Errorf("an old timer cleared a new message: %q", m.Status.Text)
	}
	timers[1]()
	if m.Status.Text != "" {
		t.Errorf("the message outlived its time: %q", m.Status.Text)
	}
}

// 12: selecting a job never makes the window wider than the user made it.
func TestNothingWidensTheWindowAt900x600(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	e.ui.win.Resize(fyne.NewSize(900, 600))
	e.start(t, m, "A very long take name from the landscape shoot on the hill, second attempt.mp4")
	name := "A very long take name from the landscape shoot on the hill, second attempt"
	e.q.Until(t, "downloaded", func() bool { return phaseOf(m, name) == joblist.Downloaded })
	selectJob(t, m, name)
	e.q.Settle()
	if w := e.ui.win.Content().MinSize().Width; w > 900 {
		t.Errorf("the window needs %.0f px with a job selected, more than the 900 it has", w)
	}
}

// 8: the demo's jobs are still there after a restart; Reset the demo
// empties it, after asking.
func TestTheDemoKeepsItsJobsUntilReset(t *testing.T) {
	e := newTestEnv(t)
	e.ui.Start() // to the welcome screen: no key saved
	e.q.Until(t, "the welcome screen", func() bool { return e.ui.welcome != nil })
	test.Tap(e.ui.welcome.Demo)
	e.q.Until(t, "the demo", func() bool {
		return e.ui.session != nil && e.ui.session.source == kit.KeyDemo && e.ui.main.Jobs.Loaded()
	})
	demo := e.ui.session.demo
	api, err := ugc.New(ugc.Config{Key: demo.Key, Endpoint: demo.Endpoint})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := api.CreateFile(context.Background(), "mp4", "", nil)
	take, _ := api.CreateSingleCamTake(context.Background(), ugc.TakeRequest{DeviceLabel: "iphone", VideoFileID: f.ID, VideoFormat: ugc.FormatMP4})
	job, err := api.CreateSingleCamJob(context.Background(), ugc.JobRequest{TakeID: take.ID, Name: "Demo take"})
	if err != nil {
		t.Fatal(err)
	}

	e.ui.session.cancel() // the app closes, and starts again in the demo
	e.ui.session.shutdown()
	e.ui.session = nil
	go e.ui.startDemo()
	e.q.Until(t, "the demo again", func() bool { return e.ui.session != nil && e.ui.main.Jobs.Loaded() })
	m := e.ui.main
	if m.Jobs.Model().Index(job.ID) < 0 {
		t.Fatal("the demo's job is gone after a restart")
	}

	m.onSettings()
	if m.SettingsDialog.ResetDemo == nil {
		t.Fatal("Settings offer no Reset the demo")
	}
	test.Tap(m.SettingsDialog.ResetDemo)
	if m.SettingsDialog.Asking == nil {
		t.Fatal("Reset the demo did not ask first")
	}
	before := e.ui.session
	m.SettingsDialog.Asking.Answer(true)
	e.q.Until(t, "a fresh demo", func() bool {
		return e.ui.session != nil && e.ui.session != before && e.ui.main.Jobs.Loaded()
	})
	e.q.Settle()
	if m.Jobs.Model().Len() != 0 {
		t.Errorf("%d jobs after Reset the demo", m.Jobs.Model().Len())
	}
}

// startHeldUpload holds uploads, starts a take of file and waits until its
// row, named name, is uploading.
func startHeldUpload(t *testing.T, e *testEnv, m *MainScreen, file, name string) {
	t.Helper()
	e.holdUploads.Store(true)
	e.start(t, m, file)
	e.q.Until(t, "uploading", func() bool {
		r := rowOf(m, name)
		return r != nil && r.Phase == joblist.Uploading && strings.HasPrefix(r.Detail, "Uploading")
	})
}
