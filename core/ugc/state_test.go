package ugc

import "testing"

func TestParseJobStateAcceptsEverySpelling(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want JobState
	}{
		{"NOT STARTED", StateNotStarted},
		{"NOT_STARTED", StateNotStarted},
		{"not started", StateNotStarted},
		{"Pending", StateNotStarted},
		{"PENDING", StateNotStarted},
		{"RUNNING", StateRunning},
		{"running", StateRunning},
		{"Processing", StateRunning},
		{"FINISHED", StateFinished},
		{"Completed", StateFinished},
		{"COMPLETED", StateFinished},
		{"FAILED", StateFailed},
		{"Failed", StateFailed},
		{"CANCELLED", StateCancelled},
		{"Canceled", StateCancelled},
		{"  RUNNING ", StateRunning},
		{"", StateUnknown},
		{"QUEUED_FOR_GPU", StateUnknown},
		{"💥", StateUnknown},
	} {
		if got := ParseJobState(tc.in); got != tc.want {
			t.Errorf("ParseJobState(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestOnlyEndStatesAreDone(t *testing.T) {
	for state, done := range map[JobState]bool{
		StateUnknown: false, StateNotStarted: false, StateRunning: false,
		StateFinished: true, StateFailed: true, StateCancelled: true,
	} {
		if state.Done() != done {
			t.Errorf("%v.Done() = %v, want %v", state, state.Done(), done)
		}
	}
}

func FuzzParseJobStateNeverPanics(f *testing.F) {
	f.Add("NOT STARTED")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		_ = ParseJobState(s).String()
	})
}
