package ui

import (
	"fmt"
	"path/filepath"

	"singlecam/core/submit"
	"singlecam/ui/kit"
)

// askPayAgain asks before paying for a job the user already has: the same
// video with the same settings, done and saved recently. Yes sends it again
// as a new, paid job.
func (m *MainScreen) askPayAgain(req submit.Request, done *submit.DoneError) {
	name := req.Name
	if name == "" {
		name = done.Record.Request.Name
	}
	// The job as the list calls it: renamed since ("Walk 1"), it is named
	// so, with the video it came from (tester 4: "h264" named only the
	// video).
	have := "“" + name + "”"
	if i := m.Jobs.Model().Index(done.Record.JobID); i >= 0 {
		if listed := m.Jobs.Model().At(i).Name; listed != "" && listed != name {
			have = "“" + listed + "” (from " + filepath.Base(req.VideoPath) + ")"
		}
	}
	m.PayAgain = kit.AskToPay(m.ui.win, "Already done",
		fmt.Sprintf("You already have %s with these settings, saved in %s.\n\nSend it again as a new job? Move charges for every job.",
			have, done.Record.SavedIn),
		"Pay for a new job", "Keep the one I have", 130,
		func(again bool) {
			m.PayAgain = nil
			if again {
				req.Again = true
				m.submit([]submit.Request{req})
				return
			}
			m.say("Kept the job you have: " + kit.Quote(name) + " was not sent again.")
		})
}
