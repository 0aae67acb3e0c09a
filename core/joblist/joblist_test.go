package joblist

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"singlecam/core/engine"
	"singlecam/core/outputs"
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"singlecam/core/watch"
)

var t0 = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

func percent(p int) *int { return &p }

func TestARowGoesFromUploadToDownloaded(t *testing.T) {
	c := &clock{now: t0}
	l := New(c.Now)
	sub := func(s submit.Status) { l.Apply(engine.SubmissionUpdate{Status: s}) }
	job := func(kind watch.Kind, j ugc.Job) { l.Apply(engine.JobUpdate{Event: watch.Event{Kind: kind, Job: j}}) }
	var seen []string
	look := func() {
		r := l.At(0)
		seen = append(seen, fmt.Sprintf("%s %.2f %s", r.Phase, r.Progress, r.Detail))
	}
	sub(submit.Status{ID: "sub-1", Name: "Backflip", Step: submit.StepQueued})
	look()
	sub(submit.Status{ID: "sub-1", Step: submit.StepUploadingVideo, Done: 0, Total: 3_900_000_000})
	c.now = c.now.Add(10 * time.Second)
	sub(submit.Status{ID: "sub-1", Step: submit.StepUploadingVideo, Done: 240_000_000, Total: 3_900_000_000})
	look()
	sub(submit.Status{ID: "sub-1", Step: submit.StepSubmitted, JobID: "job-1"})
	look()
	job(watch.StateChanged, ugc.Job{ID: "job-1", State: ugc.StateRunning, Percent: percent(63)})
	look()
	job(watch.OutputsReady, ugc.Job{ID: "job-1", State: ugc.StateFinished, Percent: percent(100),
		Outputs: []ugc.Output{{Format: "main_fbx", File: ugc.File{PresignedURL: "u", Type: "fbx"}}}})
	look()
	l.Apply(engine.DownloadProgress{JobID: "job-1", Format: "main_fbx", Done: 500, Total: 1000})
	look()
	l.Apply(engine.SavedJob{JobID: "job-1", Folder: "/out/Backflip", Files: []outputs.Saved{{}}})
	look()
	want := []string{
		"uploading 0.00 Waiting for a free upload slot",
		"uploading 0.06 Uploading 240 MB of 3.9 GB · 24.0 MB/s · 3 min left",
		"queued -1.00 Uploaded: waiting for Move to start it",
		"processing 0.63 Processing 63%",
		"finished 1.00 Finished: 1 file ready to download",
		"downloading 0.50 Downloading Backflip - main.fbx · 500 bytes of 1.0 kB",
		"downloaded 1.00 Saved: 1 file, ready to open",
	}
	if strings.Join(seen, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(seen, "\n"), strings.Join(want, "\n"))
	}
	if l.Len() != 1 || l.At(0).Name != "Backflip" {
		t.Errorf("%d rows", l.Len())
	}
}

func TestJournalAndAccountMergeWithoutDuplicates(t *testing.T) {
	l := New(nil)
	l.AddRecords([]*submit.Record{
		{ID: "sub-old", JobID: "job-old", Created: t0.Add(-time.Hour), Request: submit.Request{Name: "Old"}},
		{ID: "sub-up", Created: t0, Request: submit.Request{Name: "Uploading"}},
		{ID: "sub-bad", Created: t0.Add(-time.Minute), Step: submit.StepFailed, Failure: "the video is gone", Request: submit.Request{Name: "Bad"}},
	})
	l.AddJobs([]ugc.Job{
		{ID: "job-new", Name: "New", Created: t0.Add(time.Minute), State: ugc.StateRunning},
		{ID: "job-old", Name: "Old", Created: t0.Add(-time.Hour), State: ugc.StateFinished},
		{ID: "job-older", Name: "Older", Created: t0.Add(-2 * time.Hour), State: ugc.StateFailed},
	})
	var names []string
	for i := range l.Len() {
		names = append(names, l.At(i).Name+":"+l.At(i).Phase.String())
	}
	if got := strings.Join(names, " "); got != "New:processing Uploading:uploading Bad:failed Old:finished Older:failed" {
		t.Errorf("rows %s", got)
	}
	if !strings.Contains(l.At(2).Detail, "the video is gone") {
		t.Errorf("failed submission detail %q", l.At(2).Detail)
	}
}

// A page of the account's jobs can arrive after the job was made but before
// the submission says so: the job still ends up in one row.
func TestAJobListedBeforeItsSubmissionSaysSoStaysOneRow(t *testing.T) {
	l := New(nil)
	l.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "sub-1", Name: "Jump", Step: submit.StepUploadingVideo}})
	l.AddJobs([]ugc.Job{{ID: "job-1", Name: "Jump", Created: t0, State: ugc.StateNotStarted}})
	l.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "sub-1", Name: "Jump", Step: submit.StepSubmitted, JobID: "job-1"}})
	if l.Len() != 1 || l.At(0).SubmissionID != "sub-1" || l.At(0).JobID != "job-1" {
		t.Fatalf("%d rows, first %+v", l.Len(), l.At(0))
	}
}

func TestFailuresSayWhy(t *testing.T) {
	l := New(nil)
	l.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "s", Name: "x", Step: submit.StepFailed, Err: errors.New("upload the video: boom")}})
	if r := l.At(0); r.Phase != Failed || !strings.HasPrefix(r.Detail, "Failed: ") {
		t.Errorf("%+v", r)
	}
	l.AddJobs([]ugc.Job{{ID: "j", State: ugc.StateFailed}})
	if r := l.At(l.Index("j")); !strings.Contains(r.Detail, "could not process this video") {
		t.Errorf("%+v", r)
	}
}

func TestAgo(t *testing.T) {
	for d, want := range map[time.Duration]string{
		10 * time.Second: "just now", 5 * time.Minute: "5 min ago", 3 * time.Hour: "3 h ago", 30 * time.Hour: "yesterday",
	} {
		if got := Ago(t0.Add(-d), t0); got != want {
			t.Errorf("Ago(-%v) = %q, want %q", d, got, want)
		}
	}
}

// BenchmarkRefreshThousandRows measures what the GUI does on each event of
// a full list: apply it, then read every row back as a redraw would.
func BenchmarkRefreshThousandRows(b *testing.B) {
	l := New(nil)
	var jobs []ugc.Job
	for i := range 1000 {
		jobs = append(jobs, ugc.Job{ID: fmt.Sprintf("job-%04d", i), Name: fmt.Sprint("Take ", i),
			Created: t0.Add(time.Duration(i) * time.Minute), State: ugc.StateRunning, Percent: percent(i % 100)})
	}
	l.AddJobs(jobs)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		j := jobs[i%1000]
		j.Percent = percent((i + 1) % 100)
		l.Apply(engine.JobUpdate{Event: watch.Event{Kind: watch.Progressed, Job: j}})
		for k := range l.Len() {
			_ = l.At(k).Detail
		}
	}
}

// A job no longer followed (the key was refused mid-job) keeps what the row
// knew of it, and says why it is not followed, without calling it finished.
func TestAnAbandonedJobKeepsItsRow(t *testing.T) {
	l := New(nil)
	l.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "sub-1", Name: "Backflip", Step: submit.StepSubmitted, JobID: "job-1"}})
	l.Apply(engine.JobUpdate{Event: watch.Event{Kind: watch.StateChanged, Job: ugc.Job{ID: "job-1", State: ugc.StateRunning,
		Percent: percent(40), Outputs: []ugc.Output{{Format: "main_fbx"}}}}})
	l.Apply(engine.JobUpdate{Event: watch.Event{Kind: watch.Abandoned, Job: ugc.Job{ID: "job-1"}, Err: ugc.ErrUnauthorized}})
	l.Apply(engine.SavedJob{JobID: "job-1", Err: &engine.DownloadError{JobID: "job-1", Err: ugc.ErrUnauthorized}})
	r := l.At(0)
	if r.Phase != Processing || len(r.Outputs) != 1 || !strings.Contains(r.Detail, "Move refused the API key") {
		t.Errorf("row: %s %.2f %q, %d outputs", r.Phase, r.Progress, r.Detail, len(r.Outputs))
	}
}

// After a restart Move says only "finished": the folders on disk say which
// jobs are saved, in full or in part.
func TestSavedJobsShowAsSavedFromTheDisk(t *testing.T) {
	l := New(nil)
	outs := []ugc.Output{{Format: "main_fbx", File: ugc.File{PresignedURL: "u"}}, {Format: "all_bvh", File: ugc.File{PresignedURL: "u"}}}
	l.SetOnDisk(map[string]outputs.OnDisk{
		"job-all":  {JobID: "job-all", Folder: "/dl/All", Files: []outputs.Saved{{Format: "main_fbx"}, {Format: "all_bvh"}}},
		"job-part": {JobID: "job-part", Folder: "/dl/Part", Files: []outputs.Saved{{Format: "main_fbx"}}},
		"job-bad":  {JobID: "job-bad", Folder: "/dl/Bad", Files: []outputs.Saved{{Format: "main_fbx"}}},
	})
	l.AddJobs([]ugc.Job{
		{ID: "job-all", Name: "All", Created: t0, State: ugc.StateFinished, Outputs: outs},
		{ID: "job-part", Name: "Part", Created: t0.Add(-time.Minute), State: ugc.StateFinished, Outputs: outs},
		{ID: "job-bad", Name: "Bad", Created: t0.Add(-2 * time.Minute), State: ugc.StateFailed},
		{ID: "job-none", Name: "None", Created: t0.Add(-3 * time.Minute), State: ugc.StateFinished, Outputs: outs},
	})
	for _, c := range []struct {
		id     string
		phase  Phase
		folder string
		detail string
	}{
		{"job-all", Downloaded, "/dl/All", "Saved: 2 files, ready to open"},
		{"job-part", Finished, "/dl/Part", "Finished: 1 of 2 files saved"},
		{"job-bad", Failed, "", ""},
		{"job-none", Finished, "", "Finished: 2 files ready to download"},
	} {
		r := l.At(l.Index(c.id))
		if r.Phase != c.phase || r.Folder != c.folder || (c.detail != "" && r.Detail != c.detail) {
			t.Errorf("%s: %s %q %q, want %s %q %q", c.id, r.Phase, r.Folder, r.Detail, c.phase, c.folder, c.detail)
		}
	}
	// A poll after that keeps the saved job saved.
	l.Apply(engine.JobUpdate{Event: watch.Event{Kind: watch.OutputsReady, Job: ugc.Job{ID: "job-all", State: ugc.StateFinished, Outputs: outs}}})
	if r := l.At(l.Index("job-all")); r.Phase != Downloaded {
		t.Errorf("after a poll the saved job is %s", r.Phase)
	}
}

// Removed rows stay out; a cancelled submission leaves the list.
func TestRemovedAndCancelledRowsLeave(t *testing.T) {
	l := New(func() time.Time { return t0 })
	l.AddJobs([]ugc.Job{{ID: "job-1", Created: t0}, {ID: "job-2", Created: t0}})
	l.SetRemoved(map[string]bool{"job-1": true})
	l.AddJobs([]ugc.Job{{ID: "job-1", Created: t0}})
	if l.Len() != 1 || l.At(0).JobID != "job-2" {
		t.Errorf("rows after a removal: %d", l.Len())
	}
	l.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "sub-1", Name: "Up", Step: submit.StepUploadingVideo}})
	if l.Len() != 2 {
		t.Fatalf("%d rows", l.Len())
	}
	l.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "sub-1", Step: submit.StepCancelled}})
	if l.Len() != 1 || l.Index("sub-1") >= 0 {
		t.Errorf("a cancelled submission is still listed")
	}
}

// Issue 23, item 8: a submission made again uploads nothing; while its job
// is created the row says so, not "uploading 0%".
func TestCreatingTheJobIsNotUploading(t *testing.T) {
	l := New(func() time.Time { return t0 })
	l.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "sub-2", Name: "Again", Step: submit.StepCreatingJob}})
	r := l.At(0)
	if r.Phase != Submitting || r.Progress >= 0 || r.Detail != "Creating the job" {
		t.Errorf("row %s %.2f %q", r.Phase, r.Progress, r.Detail)
	}
}
