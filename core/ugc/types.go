package ugc

import (
	"encoding/json"
	"time"
)

// OutputType is one kind of file a job can make.
type OutputType string

// Every OutputType of the schema.
const (
	OutputRenderVideo        OutputType = "RENDER_VIDEO"
	OutputRenderOverlayVideo OutputType = "RENDER_OVERLAY_VIDEO"
	OutputMainFBX            OutputType = "MAIN_FBX"
	OutputMainGLB            OutputType = "MAIN_GLB"
	OutputMainUSDC           OutputType = "MAIN_USDC"
	OutputMainUSDZ           OutputType = "MAIN_USDZ"
	OutputMainBlend          OutputType = "MAIN_BLEND"
	OutputMotionData         OutputType = "MOTION_DATA"
	OutputSyncData           OutputType = "SYNC_DATA"
	OutputAllFBX             OutputType = "ALL_FBX"
	OutputAllGLB             OutputType = "ALL_GLB"
	OutputAllUSDC            OutputType = "ALL_USDC"
	OutputAllUSDZ            OutputType = "ALL_USDZ"
	OutputAllBlend           OutputType = "ALL_BLEND"
	OutputAllBVH             OutputType = "ALL_BVH"
	OutputAllC3D             OutputType = "ALL_C3D"
)

// AllOutputTypes lists every OutputType in a stable order.
var AllOutputTypes = []OutputType{
	OutputRenderVideo, OutputRenderOverlayVideo,
	OutputMainFBX, OutputMainGLB, OutputMainUSDC, OutputMainUSDZ, OutputMainBlend,
	OutputMotionData, OutputSyncData,
	OutputAllFBX, OutputAllGLB, OutputAllUSDC, OutputAllUSDZ, OutputAllBlend, OutputAllBVH, OutputAllC3D,
}

// DefaultOutputs are what the service makes when a job asks for none.
var DefaultOutputs = []OutputType{
	OutputRenderVideo, OutputMainFBX, OutputMainUSDC, OutputMainUSDZ,
	OutputMainBlend, OutputMotionData, OutputRenderOverlayVideo,
}

// SourceFormat is the format of one source of a take.
type SourceFormat string

const (
	FormatMP4  SourceFormat = "MP4"
	FormatMOV  SourceFormat = "MOV"
	FormatAVI  SourceFormat = "AVI"
	FormatMove SourceFormat = "MOVE" // the Move One app's sensor file
)

// MocapModel picks the service's motion-capture model. S1 and S2 are the
// single-camera models; M1 and M2 are for multi-camera capture.
type MocapModel string

const (
	ModelS1 MocapModel = "S1"
	ModelS2 MocapModel = "S2"
	ModelM1 MocapModel = "M1"
	ModelM2 MocapModel = "M2"
)

// Account is who an API key belongs to.
type Account struct {
	ID       string
	Name     string
	Portal   string
	Created  time.Time
	Metadata json.RawMessage
}

// File is a file the service stores. PresignedURL is an upload URL until the
// bytes are uploaded and a download URL after; it expires, and getFile
// gives a fresh one. It is empty when the service has none yet.
type File struct {
	ID           string
	Name         string
	Type         string // with a leading dot when the service reports it: ".mp4"
	Created      time.Time
	PresignedURL string
	ThumbnailURL string
	Metadata     json.RawMessage
}

// Source is one input file of a take.
type Source struct {
	DeviceLabel string
	Format      SourceFormat
	File        *File
}

// Take is a recording: one video and, optionally, its .move file.
type Take struct {
	ID        string
	Name      string
	Created   time.Time
	Sources   []Source
	VideoFile *File
	Metadata  json.RawMessage
}

// Options tune the solve. A nil field leaves the service's default.
type Options struct {
	TrackFingers       *bool
	FloorPlane         *bool
	TrackBall          *bool
	TrackJerseyNumbers *bool
	MocapModel         MocapModel // empty: the service's default
}

// ClipWindow selects part of the video, in seconds.
type ClipWindow struct {
	Start float64
	End   float64
}

// Output is one file a finished job made. Format names it (for example
// "render_video"): two outputs can share a file extension, so name saved
// files from Format, never from the extension alone.
type Output struct {
	Format string
	Key    string // deprecated by the service; Format replaces it
	File   File
}

// Job is a motion-capture job on a take.
type Job struct {
	ID       string
	Name     string
	Created  time.Time
	State    JobState
	RawState string // the service's own spelling, for display and logs
	Percent  *int   // percentageComplete, nil when the service gives none
	TakeID   string
	// Thumbnail is an image URL of the take's video, when the service has one.
	Thumbnail string
	Outputs   []Output
	// Options and ClipWindow are what the job was asked for.
	Options    Options
	ClipWindow *ClipWindow
	Metadata   json.RawMessage
}

// OutputsReady reports whether the job is finished and every output has a
// download URL (outputs can appear before their URLs do).
func (j *Job) OutputsReady() bool {
	if j.State != StateFinished || len(j.Outputs) == 0 {
		return false
	}
	for _, o := range j.Outputs {
		if o.File.PresignedURL == "" {
			return false
		}
	}
	return true
}

// JobRequest describes a single-camera job to create.
type JobRequest struct {
	TakeID     string
	Name       string
	Metadata   json.RawMessage
	Outputs    []OutputType // empty: the service's defaults
	Options    *Options
	ClipWindow *ClipWindow
}

// TakeRequest describes a single-camera take: a video file and, optionally,
// a .move file, both already created with CreateFile.
type TakeRequest struct {
	Name        string
	Metadata    json.RawMessage
	DeviceLabel string
	VideoFileID string
	VideoFormat SourceFormat
	MoveFileID  string // optional
}

// ListJobsParams select a page of jobs. The zero value is the first page of
// the account's jobs, newest first, at the service's page size.
type ListJobsParams struct {
	First     int    // page size; 0 means the service's default
	After     string // the Next cursor of the previous page
	Ascending bool   // oldest first
	TakeID    string // only this take's jobs
}

// JobsPage is one page of jobs. Next is empty on the last page.
type JobsPage struct {
	Jobs []Job
	Next string
}
