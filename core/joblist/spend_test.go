package joblist

import (
	"testing"
	"time"

	"singlecam/core/engine"
	"singlecam/core/price"
	"singlecam/core/submit"
	"singlecam/core/ugc"
)

func TestMonthEstimateCountsThisComputersJobsOfThisMonth(t *testing.T) {
	est := func(s1, s2 int64) *price.Estimate { return &price.Estimate{S1Cents: s1, S2Cents: s2} }
	l := New(func() time.Time { return t0 })
	l.AddRecords([]*submit.Record{
		{ID: "sub-a", JobID: "job-a", Created: t0.Add(-time.Hour), Estimate: est(4, 7)},
		{ID: "sub-b", JobID: "job-b", Created: t0.AddDate(0, 0, -27), Estimate: est(10, 20)},  // 1 Nov: counted
		{ID: "sub-c", JobID: "job-c", Created: t0.AddDate(0, -1, 0), Estimate: est(100, 200)}, // October
		{ID: "sub-d", Created: t0, Estimate: est(1000, 2000)},                                 // no job yet
		{ID: "sub-e", JobID: "job-e", Created: t0},                                            // journaled before estimates
		{ID: "sub-f", JobID: "job-f", Created: t0, Request: submit.Request{Options: &ugc.Options{MocapModel: "S2"}},
			Estimate: &price.Estimate{Model: "S2", S1Cents: 3, S2Cents: 6}},
	})
	l.AddJobs([]ugc.Job{{ID: "job-elsewhere", Created: t0}}) // made from another computer
	got := l.MonthEstimate(t0)
	if got.Jobs != 3 || got.Low != 4+10+6 || got.High != 7+20+6 {
		t.Errorf("%+v, want 3 jobs, 20–33¢", got)
	}
}

func TestNoteEstimateReachesARowMadeByAnEvent(t *testing.T) {
	l := New(func() time.Time { return t0 })
	s := submit.Status{ID: "sub-1", Name: "Jump", Step: submit.StepQueued}
	l.Apply(engine.SubmissionUpdate{Status: s}) // the queue spoke before Submit returned
	l.NoteEstimate(&submit.Record{ID: "sub-1", Created: t0, Estimate: &price.Estimate{S1Cents: 4, S2Cents: 7}})
	if l.Len() != 1 || l.At(0).Estimate == nil || l.At(0).Estimate.String() != "$0.04–$0.07" {
		t.Errorf("%d rows, estimate %v", l.Len(), l.At(0).Estimate)
	}
	l.NoteEstimate(&submit.Record{ID: "sub-2", Created: t0, Estimate: &price.Estimate{S1Cents: 1, S2Cents: 2}})
	if l.Len() != 2 {
		t.Errorf("a record whose event has not come: %d rows", l.Len())
	}
}

// Issue 23: Remove from list lowered "this month", though Move keeps the job
// and billed it. The total counts what was paid, whatever the list shows,
// and still does at the next start, when removed rows are never listed.
func TestRemovingARowLeavesTheMonthsTotal(t *testing.T) {
	est := &price.Estimate{S1Cents: 4, S2Cents: 7}
	records := []*submit.Record{
		{ID: "sub-a", JobID: "job-a", Created: t0, Estimate: est},
		{ID: "sub-b", JobID: "job-b", Created: t0, Estimate: est},
		{ID: "sub-c", Created: t0, Estimate: est}, // cancelled before its job: never paid
	}
	l := New(func() time.Time { return t0 })
	l.AddRecords(records)
	before := l.MonthEstimate(t0)
	l.Remove("job-a")
	l.Remove("sub-c")
	if got := l.MonthEstimate(t0); got != before || got.Jobs != 2 {
		t.Errorf("after Remove: %+v, want %+v", got, before)
	}
	if l.Len() != 1 {
		t.Errorf("%d rows after removing two of three", l.Len())
	}
	next := New(func() time.Time { return t0 }) // the next start
	next.SetRemoved(map[string]bool{"job-a": true, "sub-c": true})
	next.AddRecords(records)
	if got := next.MonthEstimate(t0); got != before || next.Len() != 1 {
		t.Errorf("at the next start: %+v over %d rows, want %+v over 1", got, next.Len(), before)
	}
}

// Tester 2: the month's total followed what the account lists: jobs the
// API no longer lists (or that another key's account made from this
// computer) left it, and with none listed it disappeared. It counts the
// journal's jobs, each once, whatever the list shows.
func TestTheMonthsTotalCountsTheJournalWhateverIsListed(t *testing.T) {
	est := &price.Estimate{S1Cents: 4, S2Cents: 7}
	journal := []*submit.Record{
		{ID: "sub-a", JobID: "job-a", Created: t0, Estimate: est},
		{ID: "sub-b", JobID: "job-b", Created: t0, Estimate: est, Account: "client-old"},
		{ID: "sub-c", JobID: "job-c", Created: t0, Estimate: est, Account: "client-old"},
		{ID: "sub-d", Created: t0, Estimate: est}, // no job: nothing paid
	}
	l := New(func() time.Time { return t0 })
	l.SetJournal(journal)
	l.AddRecords(journal[:1]) // only this account's record is a row
	if got := l.MonthEstimate(t0); got.Jobs != 3 || got.Low != 12 || got.High != 21 {
		t.Errorf("with one row listed: %+v, want 3 jobs, 12–21¢", got)
	}
	// A job made now is counted once, as a row and (at the next start) as a
	// journal record.
	l.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "sub-e", Name: "New", Step: submit.StepQueued}})
	l.NoteEstimate(&submit.Record{ID: "sub-e", Created: t0, Estimate: est})
	l.Apply(engine.SubmissionUpdate{Status: submit.Status{ID: "sub-e", JobID: "job-e", Step: submit.StepSubmitted}})
	l.SetJournal(append(journal, &submit.Record{ID: "sub-e", JobID: "job-e", Created: t0, Estimate: est}))
	if got := l.MonthEstimate(t0); got.Jobs != 4 || got.Low != 16 {
		t.Errorf("after a new job: %+v, want 4 jobs from 16¢", got)
	}
}

// Issue 23: a total counting jobs the list does not show said nothing of
// them, and a take still uploading (not charged yet) was left out without
// a word. Month says how many of each.
func TestTheMonthSaysWhatItCountsThatTheListDoesNotShow(t *testing.T) {
	est := &price.Estimate{S1Cents: 4, S2Cents: 7}
	journal := []*submit.Record{
		{ID: "sub-a", JobID: "job-a", Created: t0, Estimate: est},                                       // listed
		{ID: "sub-b", JobID: "job-b", Created: t0, Estimate: est},                                       // removed by the user
		{ID: "sub-c", JobID: "job-c", Created: t0, Estimate: est, Account: "client-old"},                // another key's
		{ID: "sub-d", JobID: "job-d", Created: t0.AddDate(0, -1, 0), Estimate: est},                     // last month's
		{ID: "sub-e", Created: t0, Estimate: est},                                                       // uploading
		{ID: "sub-f", Created: t0, Estimate: est, Step: submit.StepFailed, Failure: "the upload broke"}, // never sent
	}
	l := New(func() time.Time { return t0 })
	l.SetRemoved(map[string]bool{"job-b": true})
	l.SetJournal(journal)
	l.AddRecords([]*submit.Record{journal[0], journal[1], journal[4], journal[5]})
	got := l.Month(t0)
	if got.Jobs != 3 || got.Removed != 1 || got.Unlisted != 1 || got.Sending != 1 {
		t.Errorf("%+v, want 3 jobs: 1 removed, 1 unlisted; 1 take sending", got)
	}
	// Once listed, a job is shown: no longer counted as unlisted.
	l.AddJobs([]ugc.Job{{ID: "job-c", Name: "Old key's", Created: t0}})
	if got := l.Month(t0); got.Jobs != 3 || got.Unlisted != 0 {
		t.Errorf("after the account listed it: %+v", got)
	}
}
