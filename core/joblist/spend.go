package joblist

import (
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
func (l *List) MonthEstimate(now time.Time) price.Total { return l.Month(now).Total }

// Month is this month's total, with what it counts that the list does not
// show and what it leaves out, so that a total which does not add up to
// the rows says why.
type Month struct {
	price.Total
	// Removed counts the jobs in the total that the user took off the
	// list; Unlisted those the list does not show otherwise: the account
	// no longer lists them (deleted on Move's website), another key's
	// account made them, or they are further down than the list has
	// loaded.
	Removed, Unlisted int
	// Sending counts this month's takes still on their way (uploading,
	// or waiting to): their job does not exist yet, so nothing is charged
	// for them and the total leaves them out. Failed ones are not counted.
	Sending int
}

// Month adds up MonthEstimate's total and says what it holds beyond the
// rows (see Month).
func (l *List) Month(now time.Time) Month {
	var m Month
	shown := map[string]bool{}
	for _, r := range l.rows {
		shown[r.JobID] = true
	}
	inMonth := func(r *Row) bool {
		created := r.Created.In(now.Location())
		return created.Year() == now.Year() && created.Month() == now.Month()
	}
	counted := map[string]bool{}
	count := func(r *Row) bool {
		if r.Estimate == nil || r.SubmissionID == "" || r.JobID == "" || counted[r.JobID] || !inMonth(r) {
			return false
		}
		counted[r.JobID] = true
		m.Add(*r.Estimate)
		return true
	}
	for _, r := range l.rows {
		count(r)
		if r.SubmissionID != "" && r.JobID == "" && r.Phase != Failed && inMonth(r) {
			m.Sending++
		}
	}
	for _, r := range l.paid {
		if count(r) && !shown[r.JobID] {
			m.Removed++
		}
	}
	for _, r := range l.journaled {
		if count(r) && !shown[r.JobID] {
			m.Unlisted++
		}
	}
	return m
}
