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

// MonthEstimate adds up the estimated prices of the jobs made from this
// computer (the journal's submissions that have a job) in now's calendar
// month, in now's time zone: what was paid for, whatever the list shows,
// so removing a row from the list leaves the total as it was.
func (l *List) MonthEstimate(now time.Time) price.Total {
	var total price.Total
	rows := slices.Clone(l.rows)
	for _, r := range l.paid {
		rows = append(rows, r)
	}
	for _, r := range rows {
		created := r.Created.In(now.Location())
		if r.Estimate == nil || r.SubmissionID == "" || r.JobID == "" ||
			created.Year() != now.Year() || created.Month() != now.Month() {
			continue
		}
		total.Add(*r.Estimate)
	}
	return total
}
