package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"singlecam/core/joblist"
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"singlecam/ui/jobs"
)

func (e *testEnv) start(t *testing.T, m *MainScreen, names ...string) {
	t.Helper()
	var paths []string
	for _, n := range names {
		paths = append(paths, e.video(t, n))
	}
	p := m.NewTake
	p.Drop(paths)
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	test.Tap(p.Outputs.None)
	test.Tap(p.Outputs.Checks[ugc.OutputAllBVH])
	e.q.Until(t, "ready", func() bool { return !p.Start.Disabled() })
	test.Tap(p.Start)
}

func phaseOf(m *MainScreen, name string) joblist.Phase {
	for i := range m.Jobs.Model().Len() {
		if r := m.Jobs.Model().At(i); r.Name == name {
			return r.Phase
		}
	}
	return joblist.Unknown
}

func TestAJobIsFollowedToItsFilesWithANotification(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	m := e.signedIn(t)
	folder := filepath.Join(e.dir, "downloads", "Jump")
	test.AssertNotificationSent(t, fyne.NewNotification("Jump is ready", "1 file saved in "+folder), func() {
		e.start(t, m, "Jump.mp4")
		var phases []joblist.Phase
		e.q.Until(t, "downloaded", func() bool {
			p := phaseOf(m, "Jump")
			if len(phases) == 0 || phases[len(phases)-1] != p {
				phases = append(phases, p)
			}
			return p == joblist.Downloaded
		})
		if len(phases) < 3 {
			t.Errorf("the row went through only %v", phases)
		}
	})
	if _, err := os.Stat(filepath.Join(folder, "Jump - all characters bvh.zip")); err != nil {
		t.Errorf("no file: %v", err)
	}
	i := m.Jobs.Model().Index(m.Jobs.Model().At(0).Key())
	m.Jobs.List.Select(i)
	if !strings.Contains(fmt.Sprint(m.Jobs.Details.Objects), "Open folder") && len(m.Jobs.Details.Objects) < 3 {
		t.Error("the details of a downloaded job offer no way to its folder")
	}
}

func TestAFailedJobShowsWhyAndNotifies(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	m := e.signedIn(t)
	e.sim.Faults().FailJobs(1)
	test.AssertNotificationSent(t, fyne.NewNotification("Doomed failed", "Move could not process this video. Open Singlecam for what to do."), func() {
		e.start(t, m, "Doomed.mp4")
		e.q.Until(t, "failed", func() bool { return phaseOf(m, "Doomed") == joblist.Failed })
		e.q.Settle() // the failure's own event comes after the state change
	})
	if r := m.Jobs.Model().At(0); !strings.Contains(r.Detail, "could not process this video") {
		t.Errorf("detail %q", r.Detail)
	}
}

// Not parallel: its subject is how fast the list pages in, so it runs alone.
func TestAThousandJobsLoadAsTheListScrolls(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	api, err := ugc.New(ugc.Config{Key: simKey, Endpoint: e.endpoint})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := api.CreateFile(context.Background(), "mp4", "", nil)
	take, _ := api.CreateSingleCamTake(context.Background(), ugc.TakeRequest{DeviceLabel: "iphone", VideoFileID: f.ID, VideoFormat: ugc.FormatMP4})
	for i := range 1000 {
		if _, err := api.CreateSingleCamJob(context.Background(), ugc.JobRequest{TakeID: take.ID, Name: fmt.Sprintf("Take %04d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	m.Jobs.Reset()
	m.Jobs.LoadMore()
	e.q.Until(t, "the first page", func() bool { return m.Jobs.Model().Len() == jobs.PageSize })
	start := time.Now()
	e.q.Until(t, "every page", func() bool {
		m.Jobs.List.ScrollToBottom()
		return m.Jobs.Model().Len() == 1000
	})
	if m.Jobs.Model().At(0).Name != "Take 0999" || m.Jobs.Model().At(999).Name != "Take 0000" {
		t.Errorf("order: %s … %s", m.Jobs.Model().At(0).Name, m.Jobs.Model().At(999).Name)
	}
	t.Logf("scrolled through 1000 jobs, %d pages, in %v", 1000/jobs.PageSize, time.Since(start))
}

// Closed mid-upload, started again: the submission is in the list at once,
// resumes, and ends with its files, with exactly one job.
func TestASubmissionLeftByAClosedAppResumesAtTheNextStart(t *testing.T) {
	t.Parallel()
	e := newTestEnv(t)
	journal, err := submit.OpenJournal(filepath.Join(e.dataDir, "submissions"))
	if err != nil {
		t.Fatal(err)
	}
	rec := &submit.Record{ID: "sub-left-behind", Created: time.Now().Add(-time.Minute), Step: submit.StepUploadingVideo,
		Request: submit.Request{VideoPath: e.video(t, "Resumed.mp4"), Name: "Resumed", DeviceLabel: "iphone",
			Outputs: []ugc.OutputType{ugc.OutputAllBVH}}}
	if err := journal.Save(rec); err != nil {
		t.Fatal(err)
	}
	m := e.signedIn(t)
	e.q.Until(t, "the row from the journal", func() bool { return m.Jobs.Model().Index("sub-left-behind") >= 0 })
	e.q.Until(t, "downloaded", func() bool { return phaseOf(m, "Resumed") == joblist.Downloaded })
	recs, _ := journal.Load()
	if len(recs) != 1 || recs[0].JobID == "" || !recs[0].Delivered {
		t.Errorf("journal after resume: %+v", recs)
	}
	if m.Jobs.Model().Len() != 1 {
		t.Errorf("%d rows: the journal and the account were not merged", m.Jobs.Model().Len())
	}
}
