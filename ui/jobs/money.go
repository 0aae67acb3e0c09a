package jobs

import (
	"fmt"
	"singlecam/core/price"
	"singlecam/core/submit"
	"singlecam/ui/kit"
	"time"
)

// jobPrice is a jobs list row's estimate: "~$0.04", or "" when none. The
// window's words keep to the characters of Fyne's own font: one "≈" made
// Fyne load a system font to draw it, some 17 MB of the idle window's
// memory (issue 23; .ci/idle-memory measures it).
func jobPrice(e *price.Estimate) string {
	if e == nil {
		return ""
	}
	return "~" + e.String()
}

// jobPriceDetail is the estimate in a job's details.
func jobPriceDetail(e *price.Estimate) string {
	if e == nil {
		return ""
	}
	model := "with " + e.Model
	if e.Model == "" {
		model = "with S1 or S2 (Move's choice)"
	}
	// "seconds" in full: a wrap between "3" and "s," began a line with
	// the unit and its comma (tester 2, t2-89).
	seconds := kit.Seconds(e.Seconds) + " seconds"
	if seconds == "1 seconds" {
		seconds = "1 second"
	}
	return fmt.Sprintf("Estimated cost: about %s %s for %s, on Move's published rates of %s (the clip window is assumed to be what is billed, else the whole video).",
		e, model, seconds, e.AsOf)
}

// Unchanging copies what a new submission's record holds that its
// pipeline never changes (its id, date, request and estimate): the queue
// goes on writing the rest from its own goroutine.
func Unchanging(rec *submit.Record) *submit.Record {
	return &submit.Record{ID: rec.ID, Created: rec.Created, Request: rec.Request, Estimate: rec.Estimate, Step: submit.StepQueued}
}

// NoteEstimates keeps new submissions' estimates on their rows.
func (v *View) NoteEstimates(records []*submit.Record) {
	before := v.model.Len()
	for _, rec := range records {
		v.model.NoteEstimate(rec)
	}
	if v.model.Len() != before {
		v.refresh()
		return
	}
	for _, rec := range records {
		if i := v.model.Index(rec.ID); i >= 0 {
			v.List.RefreshItem(i)
		}
	}
	v.showMonth()
}

// SetJournal gives the month's total every job this computer's journal
// says it made, listed or not (see joblist.List.SetJournal).
func (v *View) SetJournal(records []*submit.Record) {
	v.model.SetJournal(records)
	v.showMonth()
}

// showMonth shows this month's estimated total in the list's header.
func (v *View) showMonth() {
	text := monthText(v.model.MonthEstimate(time.Now()))
	if s := v.host.Engine(); text != "" && s != nil && v.host.Demo() {
		text += " (demo: nothing is billed)"
	}
	v.Month.SetText(text)
}

// monthText is the jobs list header's month total, amount first (a narrow
// window cuts the end): "About $1.23 this month, from this computer", or ""
// before the first job.
func monthText(total price.Total) string {
	if total.Jobs == 0 {
		return ""
	}
	return "About " + total.String() + " this month, from this computer"
}
