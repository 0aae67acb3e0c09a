package ui

import (
	"testing"

	"singlecam/core/submit"
)

// Tester 2, finding 15: after a restart one line says what was carried on.
func TestCarriedOnSaysWhatARestartPickedUp(t *testing.T) {
	upload := &submit.Record{ID: "sub-u", Step: submit.StepUploadingVideo}
	failed := &submit.Record{ID: "sub-f", Step: submit.StepFailed}
	job := &submit.Record{ID: "sub-j", JobID: "job-j"}
	done := &submit.Record{ID: "sub-d", JobID: "job-d", Delivered: true}
	for _, c := range []struct {
		records   []*submit.Record
		following bool
		want      string
	}{
		{nil, true, ""},
		{[]*submit.Record{failed, done}, true, ""},
		{[]*submit.Record{upload, failed, done}, true, "Carried on 1 upload that was interrupted when Singlecam closed."},
		{[]*submit.Record{upload, upload}, true, "Carried on 2 uploads that were interrupted when Singlecam closed."},
		{[]*submit.Record{job}, true, "Carried on 1 job that was under way when Singlecam closed: its files are saved when ready."},
		{[]*submit.Record{job}, false, ""}, // without automatic downloads a finished job waits for the user, every start
		{[]*submit.Record{job, job, upload}, true, "Carried on 1 upload and 2 jobs that were under way when Singlecam closed."},
	} {
		if got := carriedOn(c.records, c.following); got != c.want {
			t.Errorf("%d records (following %v): %q, want %q", len(c.records), c.following, got, c.want)
		}
	}
}

// An upload interrupted by the app closing carries on at the next start,
// and the status line says so.
func TestARestartSaysItCarriedOnAnUpload(t *testing.T) {
	e := newTestEnv(t)
	m := e.signedIn(t)
	startHeldUpload(t, e, m, "Big jump.mp4", "Big jump")
	e.holdUploads.Store(false)
	m = e.restart(t)
	if got := m.Status.Text; got != "Carried on 1 upload that was interrupted when Singlecam closed." {
		t.Errorf("after the restart the status line says %q", got)
	}
	e.q.Until(t, "the job", func() bool { r := rowOf(m, "Big jump"); return r != nil && r.JobID != "" })
}
