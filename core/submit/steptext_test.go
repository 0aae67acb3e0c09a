package submit

import (
	"strings"
	"testing"
	"unicode"
)

func TestStepsReadInSentenceCase(t *testing.T) {
	t.Parallel()
	if got := StepCreatingTake.Text(); got != "Creating the take" {
		t.Errorf("creating take reads %q", got)
	}
	for _, s := range []Step{StepQueued, StepUploadingVideo, StepUploadingMove, StepCreatingTake, StepCreatingJob, StepWaiting, StepSubmitted, StepFailed, Step("something new")} {
		text := s.Text()
		first := []rune(text)[0]
		if !unicode.IsUpper(first) || strings.ToLower(text[1:]) != text[1:] {
			t.Errorf("%q reads %q", s, text)
		}
	}
}
