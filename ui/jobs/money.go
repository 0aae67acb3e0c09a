package jobs

import (
	"fmt"
	"strings"

	"singlecam/core/joblist"
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

// showMonth shows this month's estimated total in the list's header, and
// under it what the total counts that the list does not show, and what it
// leaves out.
func (v *View) showMonth() {
	month := v.model.Month(time.Now())
	v.Month.SetText(monthText(month.Total))
	demo := v.host.Engine() != nil && v.host.Demo()
	note := monthNote(month, demo, v.next != "")
	v.MonthNote.SetText(note)
	v.MonthNote.Hidden = note == ""
	v.MonthNote.Refresh()
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

// monthNote says, under the month's total, what it counts that the list
// does not show (a total that did not add up to the rows said nothing of
// it) and that a take still uploading is not in it; "" when all is in
// view. more says the account has jobs the list has not loaded yet.
func monthNote(m joblist.Month, demo, more bool) string {
	var lines []string
	var hidden []string
	if m.Removed > 0 {
		hidden = append(hidden, fmt.Sprintf("%s you removed from the list", count(m.Removed, "job", "jobs")))
	}
	if m.Unlisted > 0 {
		why := "Move no longer lists (deleted on its website, or made with another key)"
		if more {
			why = "not in the list (further down, deleted on Move's website, or made with another key)"
		}
		hidden = append(hidden, fmt.Sprintf("%s %s", count(m.Unlisted, "job", "jobs"), why))
	}
	if len(hidden) > 0 {
		lines = append(lines, "It counts "+strings.Join(hidden, ", and ")+".")
	}
	if m.Sending > 0 {
		it := "it"
		if m.Sending > 1 {
			it = "each"
		}
		lines = append(lines, fmt.Sprintf("Not counted yet: %s still being sent; Move charges for %s once its job is made.", count(m.Sending, "take", "takes"), it))
	}
	if demo && m.Jobs+m.Sending > 0 {
		lines = append(lines, "Demo: nothing is billed.")
	}
	return strings.Join(lines, "\n")
}

// count is "1 job" or "3 jobs".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
