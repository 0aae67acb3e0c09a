package joblist

import (
	"slices"
	"time"

	"singlecam/core/price"
	"singlecam/core/submit"
)

// NoteEstimate keeps a new submission's estimated price on its row; the row
// is added if the submission's first event has not come yet.
func (l *List) NoteEstimate(rec *submit.Record) {
	if r := l.find(rec.ID); r != nil {
		r.Estimate = rec.Estimate
		return
	}
	l.AddRecords([]*submit.Record{rec})
}

// SetJournal keeps what this computer's journal says was submitted: every
// record with a job, whichever account's key sent it and whether or not
// the account still lists the job (Move may stop listing a job, and a key
// may change), so the month's total counts what this computer paid for.
func (l *List) SetJournal(records []*submit.Record) {
	l.journaled = map[string]*Row{}
	for _, rec := range records {
		if rec.JobID != "" {
			l.journaled[rec.JobID] = &Row{SubmissionID: rec.ID, JobID: rec.JobID, Created: rec.Created, Estimate: rec.Estimate}
		}
	}
}

// MonthEstimate adds up the estimated prices of the jobs made from this
// computer (the journal's submissions that have a job, and those made
// since the list started) in now's calendar month, in now's time zone:
// what was paid for, whatever the list shows, so removing a row from the
// list, or the account no longer listing a job, leaves the total as it
// was. Each job counts once.
func (l *List) MonthEstimate(now time.Time) price.Total {
	var total price.Total
	rows := slices.Clone(l.rows)
	for _, r := range l.paid {
		rows = append(rows, r)
	}
	for _, r := range l.journaled {
		rows = append(rows, r)
	}
	counted := map[string]bool{}
	for _, r := range rows {
		created := r.Created.In(now.Location())
		if r.Estimate == nil || r.SubmissionID == "" || r.JobID == "" || counted[r.JobID] ||
			created.Year() != now.Year() || created.Month() != now.Month() {
			continue
		}
		counted[r.JobID] = true
		total.Add(*r.Estimate)
	}
	return total
}
