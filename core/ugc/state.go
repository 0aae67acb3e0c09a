package ugc

import "strings"

// JobState is a job's state, normalised from every spelling the service and
// its documents use (core/contract/API.md). Unknown spellings map to StateUnknown, which
// callers treat as "still in progress".
type JobState int

const (
	StateUnknown JobState = iota
	StateNotStarted
	StateRunning
	StateFinished
	StateFailed
	StateCancelled
)

// stateSpellings maps a spelling, upper-cased with spaces, hyphens and
// underscores removed, to its state.
var stateSpellings = map[string]JobState{
	"NOTSTARTED": StateNotStarted,
	"PENDING":    StateNotStarted,
	"RUNNING":    StateRunning,
	"PROCESSING": StateRunning,
	"FINISHED":   StateFinished,
	"COMPLETED":  StateFinished,
	"FAILED":     StateFailed,
	"CANCELLED":  StateCancelled,
	"CANCELED":   StateCancelled,
}

// ParseJobState normalises a state string from the service. It never fails:
// anything it does not know is StateUnknown.
func ParseJobState(s string) JobState {
	key := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '_', '-', '\t':
			return -1
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(s)))
	return stateSpellings[key] // the zero value is StateUnknown
}

// Done reports whether the job will not change any more.
func (s JobState) Done() bool {
	return s == StateFinished || s == StateFailed || s == StateCancelled
}

func (s JobState) String() string {
	switch s {
	case StateNotStarted:
		return "not started"
	case StateRunning:
		return "running"
	case StateFinished:
		return "finished"
	case StateFailed:
		return "failed"
	case StateCancelled:
		return "cancelled"
	}
	return "unknown"
}
