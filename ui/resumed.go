package ui

import (
	"fmt"

	"singlecam/core/submit"
)

// carriedOn says what a start picked up from the journal, so a user back
// after a crash or a quit sees that nothing was lost: "Carried on 1 upload
// that was interrupted when Singlecam closed." Uploads are the submissions
// without a job yet (the engine resumes them); jobs are those whose files
// were still to come, counted only when they are fetched by themselves
// (following). "" when there is nothing to say.
func carriedOn(records []*submit.Record, following bool) string {
	uploads, jobs := 0, 0
	for _, r := range records {
		switch {
		case !r.Finished() && r.Step != submit.StepFailed:
			uploads++
		case r.Finished() && !r.Delivered && following:
			jobs++
		}
	}
	count := func(n int, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %ss", n, one)
	}
	switch {
	case uploads > 0 && jobs > 0:
		return "Carried on " + count(uploads, "upload") + " and " + count(jobs, "job") + " that were under way when Singlecam closed."
	case uploads == 1:
		return "Carried on 1 upload that was interrupted when Singlecam closed."
	case uploads > 1:
		return "Carried on " + count(uploads, "upload") + " that were interrupted when Singlecam closed."
	case jobs == 1:
		return "Carried on 1 job that was under way when Singlecam closed: its files are saved when ready."
	case jobs > 1:
		return "Carried on " + count(jobs, "job") + " that were under way when Singlecam closed: their files are saved when ready."
	}
	return ""
}
