package ui

import (
	"fmt"

	"fyne.io/fyne/v2/dialog"

	"singlecam/core/submit"
)

// askPayAgain asks before paying for a job the user already has: the same
// video with the same settings, done and saved recently. Yes sends it again
// as a new, paid job.
func (m *MainScreen) askPayAgain(req submit.Request, done *submit.DoneError) {
	name := req.Name
	if name == "" {
		name = done.Record.Request.Name
	}
	d := dialog.NewConfirm("Already done",
		fmt.Sprintf("You already have “%s” with these settings,\nsaved in %s (job %s).\n\nSend it again as a new job? Move charges for every job.",
			name, done.Record.SavedIn, done.Record.JobID),
		func(again bool) {
			m.PayAgain = nil
			if again {
				req.Again = true
				m.submit([]submit.Request{req})
			}
		}, m.ui.win)
	d.SetConfirmText("Pay for a new job")
	d.SetDismissText("Keep the one I have")
	m.PayAgain = d
	d.Show()
}
