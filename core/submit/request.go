// Package submit takes a user's video through to a Move job: upload the video
// and the optional .move file, create the take, create the job. Every step's
// result is journaled before the next starts, so a crash, a closed app or a
// reboot resumes at the first unfinished step and redoes nothing finished,
// and one submission never pays for two jobs.
package submit

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"time"

	"singlecam/core/price"
	"singlecam/core/ugc"
)

// DefaultDeviceLabel is what Move's own app calls an iPhone.
const DefaultDeviceLabel = "iphone"

// Request is what the user asked for.
type Request struct {
	VideoPath    string           `json:"videoPath"`
	MovePath     string           `json:"movePath,omitempty"`
	DeviceLabel  string           `json:"deviceLabel"`        // empty: DefaultDeviceLabel
	Name         string           `json:"name"`               // the take's and job's name; empty: the video's base name
	Metadata     json.RawMessage  `json:"metadata,omitempty"` // sent with the take and the job
	Outputs      []ugc.OutputType `json:"outputs,omitempty"`  // empty: the service's defaults
	Options      *ugc.Options     `json:"options,omitempty"`
	ClipWindow   *ugc.ClipWindow  `json:"clipWindow,omitempty"`
	IgnoreLimits bool             `json:"ignoreLimits,omitempty"` // documented limits warn instead of refusing
	// OutputDir is the folder the job's outputs are saved in (a folder per
	// job inside it), whichever front end carries the submission on.
	OutputDir string `json:"outputDir,omitempty"`
	// Again pays for a new job even when the same video with the same
	// parameters was done recently (see DoneError). Never journaled.
	Again bool `json:"-"`
}

// withDefaults fills in what the user left empty.
func (r Request) withDefaults() Request {
	if strings.TrimSpace(r.DeviceLabel) == "" {
		r.DeviceLabel = DefaultDeviceLabel
	}
	if strings.TrimSpace(r.Name) == "" {
		base := filepath.Base(r.VideoPath)
		r.Name = strings.TrimSuffix(base, filepath.Ext(base))
	}
	return r
}

// Step is where a submission stands.
type Step string

const (
	StepQueued         Step = "queued"
	StepUploadingVideo Step = "uploading video"
	StepUploadingMove  Step = "uploading .move"
	StepCreatingTake   Step = "creating take"
	StepCreatingJob    Step = "creating job"
	StepWaiting        Step = "waiting for the network"
	StepSubmitted      Step = "submitted"
	StepFailed         Step = "failed"
)

// stepTexts are the steps as a person reads them; the Step values
// themselves stay as the journal has always stored them.
var stepTexts = map[Step]string{
	StepQueued:         "Waiting for a free upload slot",
	StepUploadingVideo: "Uploading the video",
	StepUploadingMove:  "Uploading the .move file",
	StepCreatingTake:   "Creating the take",
	StepCreatingJob:    "Creating the job",
	StepWaiting:        "Waiting for the network",
	StepSubmitted:      "Submitted",
	StepFailed:         "Failed",
}

// Text is the step in sentence case, as a status line shows it:
// "Creating the take".
func (s Step) Text() string {
	if t, ok := stepTexts[s]; ok {
		return t
	}
	if s == "" {
		return ""
	}
	return strings.ToUpper(string(s[:1])) + string(s[1:])
}

// Record is one submission as the journal keeps it: the request and the
// result of every finished step.
type Record struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
	Request Request   `json:"request"`

	VideoFileID   string `json:"videoFileId,omitempty"`
	VideoUploaded bool   `json:"videoUploaded,omitempty"`
	MoveFileID    string `json:"moveFileId,omitempty"`
	MoveUploaded  bool   `json:"moveUploaded,omitempty"`
	TakeID        string `json:"takeId,omitempty"`
	// JobRequested is set before createSingleCamJob is first sent: from then
	// on a job may exist for the take, and it is looked for before another
	// is asked for.
	JobRequested bool   `json:"jobRequested,omitempty"`
	JobID        string `json:"jobId,omitempty"`

	// Delivered is set once the job's outputs are saved, or the job failed:
	// nothing more to follow. SavedIn is the job's folder when saved.
	Delivered bool   `json:"delivered,omitempty"`
	SavedIn   string `json:"savedIn,omitempty"`

	// Account is the id of the Move account (client) whose key made the
	// submission: a front end with another key leaves it alone. Empty when
	// it was not known.
	Account string `json:"account,omitempty"`

	// Fingerprint is what the submission pays for (see Fingerprint): a
	// later request with the same one carries this submission on instead
	// of paying again.
	Fingerprint string `json:"fingerprint,omitempty"`
	// Replaces is the failed job this submission sent again (Queue.Again),
	// so the app can say it was sent again, when and as which job, before
	// anyone pays a third time.
	Replaces string `json:"replaces,omitempty"`
	// Resumed is set on the record Queue.Add returns when it carried on an
	// earlier submission rather than starting a new one. Never journaled.
	Resumed bool `json:"-"`

	Step    Step   `json:"step"`
	Failure string `json:"failure,omitempty"` // why it failed, in plain words

	// Estimate is what the job was estimated to cost when it was queued
	// (nil for records journaled before estimates were kept).
	Estimate *price.Estimate `json:"estimate,omitempty"`
}

// Finished reports whether nothing is left to do: the job exists.
func (r *Record) Finished() bool { return r.JobID != "" }

// Status is a submission's progress, reported as it goes.
type Status struct {
	ID    string
	Name  string
	Step  Step
	Done  int64 // bytes sent of the current upload
	Total int64
	JobID string
	Err   error // why it failed, or why it is waiting
}
